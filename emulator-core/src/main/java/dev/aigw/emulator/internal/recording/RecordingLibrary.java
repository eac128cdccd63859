package dev.aigw.emulator.internal.recording;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.Recording;
import dev.aigw.emulator.RecordingMode;
import dev.aigw.emulator.RecordingSettings;
import dev.aigw.emulator.ReplyProblem;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.util.Logs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;

/**
 * An emulator's recordings: the files of its recordings directory, read and checked once at start, each provider's
 * mode, which recording answers a request (identical requests in the order they were recorded, the last one again
 * once all were used), what a request no recording matches is told, and the writing of new recordings with their
 * secrets redacted. Thread-safe: one lock guards the recordings and their use.
 */
public final class RecordingLibrary implements RecordingSink {

    private static final Logger LOG = Logs.getLogger(RecordingLibrary.class);
    private static final int CLOSEST_SHOWN = 3;

    private final RecordingSettings settings;
    private final Set<String> realProviders;
    private final ProviderRegistry providers;
    private final Consumer<ReplyProblem> problems;
    private final ExchangeCapture capture;
    private final RequestMatching matching;
    private final Map<String, RecordingMode> modes = new ConcurrentHashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Integer> recordedThisRun = new HashMap<>();

    /**
     * Reads the recordings directory (a missing one holds no recordings yet).
     *
     * @param settings the settings, or {@code null} when recordings are off
     * @param realProviders the providers with a real upstream configured
     * @throws IllegalArgumentException if a provider's mode records with no real upstream to record from, a mode
     *     names an unknown provider, or a recording file is malformed: each problem with its file and member
     */
    public RecordingLibrary(RecordingSettings settings, Set<String> realProviders, ProviderRegistry providers,
                            Consumer<ReplyProblem> problems) {
        this.settings = settings;
        this.realProviders = Set.copyOf(realProviders);
        this.providers = providers;
        this.problems = problems;
        this.capture = settings == null ? null : new ExchangeCapture(Redaction.of(providers, settings));
        this.matching = settings == null ? null : new RequestMatching(settings.modelAndMessagesOnly(),
                union(settings.ignoredFields(), settings.redactedFields()));
        if (settings != null) {
            settings.providerModes().forEach(this::check);
            entries.addAll(load(settings.directory()));
            sort();
        }
    }

    /** Returns the recordings directory, or empty when recordings are off. */
    public Optional<Path> directory() {
        return Optional.ofNullable(settings).map(RecordingSettings::directory);
    }

    @Override
    public RecordingMode mode(String provider) {
        if (!providers.names(provider)) {
            throw new IllegalArgumentException(providers.unknown(provider));
        }
        return modeOf(provider);
    }

    /** Returns a provider's mode now, for a request on its way upstream. */
    public RecordingMode modeOf(String provider) {
        RecordingMode switched = modes.get(provider);
        if (switched != null) {
            return switched;
        }
        if (settings == null) {
            return RecordingMode.OFF;
        }
        RecordingMode own = settings.providerModes().get(provider);
        if (own != null) {
            return own;
        }
        return realProviders.contains(provider) ? settings.mode() : RecordingMode.OFF;
    }

    @Override
    public void mode(String provider, RecordingMode mode) {
        if (settings == null) {
            throw new IllegalArgumentException("recordings are off: give the emulator a recordings directory first"
                    + " (RecordingSettings on the builder, \"recordings\" in the config file or --recordings)");
        }
        check(provider, mode);
        modes.put(provider, mode);
    }

    @Override
    public synchronized List<Recording> list() {
        return entries.stream().map(e -> new Recording(e.file, e.exchange.provider(), e.exchange.request().method(),
                e.exchange.request().path(), e.exchange.response().status(), e.exchange.response().streamed(),
                e.replays)).toList();
    }

    /** Returns the recording that answers a request, counting its use, or empty when none matches. */
    public synchronized Optional<Exchange> replay(UpstreamRequest request) {
        Exchange.Request sent = sent(request);
        Entry last = null;
        for (Entry e : entries) {
            if (e.exchange.provider().equals(request.provider()) && matching.matches(e.exchange.request(), sent)) {
                if (e.replays == 0) {
                    e.replays++;
                    return Optional.of(e.exchange);
                }
                last = e;
            }
        }
        if (last != null) {
            last.replays++;
        }
        return Optional.ofNullable(last).map(e -> e.exchange);
    }

    /**
     * Returns the body of the 501 a request no recording matches gets, naming the closest recordings and how they
     * differ, and keeps the miss as a reply problem that fails the test at its end.
     */
    public byte[] miss(UpstreamRequest request) {
        Exchange.Request sent = sent(request);
        List<Map.Entry<Entry, List<String>>> closest = closest(request.provider(), sent);
        StringBuilder message = new StringBuilder("no recording of ").append(request.provider()).append(" matches ")
                .append(request.method()).append(' ').append(request.path()).append(" in ")
                .append(settings.directory());
        if (closest.isEmpty()) {
            message.append("; there is no recording of ").append(request.provider()).append(" at all");
        } else {
            message.append("; closest: ");
            for (int i = 0; i < closest.size(); i++) {
                message.append(i == 0 ? "" : "; ").append(closest.get(i).getKey().file).append(" (")
                        .append(String.join(", ", closest.get(i).getValue())).append(')');
            }
        }
        message.append("; record it with the mode record-missing (").append(RecordingSettings.MODE_VARIABLE)
                .append("=record-missing)");
        problems.accept(new ReplyProblem(ReplyProblem.Kind.REPLAY_MISS, request.provider(), request.tags().gatewayId(),
                request.tags().testId(), request.now(), message.toString()));
        ObjectNode body = Json.object();
        body.putObject("error").put("type", "aigw_emulator_replay_miss").put("message", message.toString());
        ArrayNode list = body.putArray("closest");
        for (Map.Entry<Entry, List<String>> c : closest) {
            ObjectNode item = list.addObject().put("file", c.getKey().file);
            c.getValue().forEach(item.putArray("differences")::add);
        }
        return Json.bytes(body);
    }

    /** Writes a real upstream's exchange as a new recording once its body ended; returns the file's name. */
    public String record(UpstreamRequest request, int status, Map<String, String> headers, long headMillis,
                         byte[] body, List<Long> eventTimes) {
        Set<String> secrets = new LinkedHashSet<>();
        Exchange exchange = capture.exchange(request, status, headers, headMillis, body, eventTimes, secrets);
        Exchange.Request sent = exchange.request();
        synchronized (this) {
            String file = fileFor(request.provider(), sent);
            String text = Redaction.scrub(ExchangeJson.render(exchange), secrets);
            write(file, text);
            entries.removeIf(e -> e.file.equals(file));
            Entry entry = new Entry(file, ExchangeJson.parse(text.getBytes(StandardCharsets.UTF_8)));
            entry.replays = 1;
            entries.add(entry);
            sort();
            return file;
        }
    }

    /** Starts timing an attempt at a real upstream, in real time, to record it once it has answered. */
    public Recorder recorder(UpstreamRequest request) {
        return new Recorder(request, new RealTimeStopwatch());
    }

    /** Returns the body a recorded response is replayed with: whole, or its events paced on {@code clock}. */
    public static UpstreamReply.Body body(Exchange.Response response, EmulatorClock clock) {
        if (response.streamed()) {
            return new UpstreamReply.Piped(new PacedEvents(clock, response.events()));
        }
        return new UpstreamReply.Full(ExchangeJson.bytes(response.body(), response.bodyText()));
    }

    /** Records one attempt at a real upstream, timed from its start. */
    public final class Recorder {

        private final UpstreamRequest request;
        private final RealTimeStopwatch stopwatch;

        private Recorder(UpstreamRequest request, RealTimeStopwatch stopwatch) {
            this.request = request;
            this.stopwatch = stopwatch;
        }

        /** Returns the body read through, recorded with each event's time once it ended. */
        public InputStream tee(InputStream in, int status, Map<String, String> headers) {
            long head = stopwatch.elapsedMillis();
            return new RecordingTee(in, stopwatch, head, (bytes, times) -> recordQuietly(status, headers, head, bytes,
                    times));
        }

        /** Records a body that came whole and returns it. */
        public UpstreamReply.Body whole(UpstreamReply.Body body, int status, Map<String, String> headers) {
            long head = stopwatch.elapsedMillis();
            byte[] bytes = body instanceof UpstreamReply.Full full ? full.bytes()
                    : body instanceof UpstreamReply.Stream stream ? stream.bytes() : new byte[0];
            recordQuietly(status, headers, head, bytes, List.of(0L));
            return body;
        }

        private void recordQuietly(int status, Map<String, String> headers, long head, byte[] bytes,
                                   List<Long> times) {
            try {
                record(request, status, headers, head, bytes, times);
            } catch (UncheckedIOException e) {
                LOG.warn("The exchange with {} {} was relayed but not recorded", request.method(), request.path(), e);
            }
        }
    }

    /** Forgets which recordings were replayed and the modes switched at run time. */
    public synchronized void reset() {
        entries.forEach(e -> e.replays = 0);
        modes.clear();
    }

    private Exchange.Request sent(UpstreamRequest request) {
        return capture.request(request, new LinkedHashSet<>());
    }

    private String fileFor(String provider, Exchange.Request sent) {
        String base = FileNames.base(provider, sent.path(), matching.hash(sent));
        if (modeOf(provider) == RecordingMode.RECORD) {
            int n = recordedThisRun.merge(base, 1, Integer::sum);
            return FileNames.numbered(base, n);
        }
        Set<String> taken = new LinkedHashSet<>();
        entries.forEach(e -> taken.add(e.file));
        int n = 1;
        while (taken.contains(FileNames.numbered(base, n))
                || Files.exists(settings.directory().resolve(FileNames.numbered(base, n)))) {
            n++;
        }
        return FileNames.numbered(base, n);
    }

    private void write(String file, String text) {
        try {
            Files.createDirectories(settings.directory());
            Path target = settings.directory().resolve(file);
            Path partial = Files.createTempFile(settings.directory(), ".recording-", ".part");
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.debug("Recorded {}", target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording " + file + " to " + settings.directory(), e);
        }
    }

    private List<Map.Entry<Entry, List<String>>> closest(String provider, Exchange.Request sent) {
        List<Map.Entry<Entry, List<String>>> scored = new ArrayList<>();
        synchronized (this) {
            for (Entry e : entries) {
                if (e.exchange.provider().equals(provider)) {
                    scored.add(Map.entry(e, matching.differences(e.exchange.request(), sent)));
                }
            }
        }
        scored.sort(Comparator.comparingInt(c -> weight(c.getValue())));
        return scored.subList(0, Math.min(CLOSEST_SHOWN, scored.size()));
    }

    private static int weight(List<String> differences) {
        return differences.stream().mapToInt(d -> d.startsWith("path") || d.startsWith("method") ? 10 : 1).sum();
    }

    private void check(String provider, RecordingMode mode) {
        if (!providers.names(provider)) {
            throw new IllegalArgumentException("recording mode for " + providers.unknown(provider));
        }
        if ((mode == RecordingMode.RECORD || mode == RecordingMode.RECORD_MISSING)
                && !realProviders.contains(provider)) {
            throw new IllegalArgumentException("the recording mode " + mode.jsonName() + " for \"" + provider
                    + "\" records from its real upstream, and it has none: configure one with upstream(\"" + provider
                    + "\", baseUrl) or \"upstreams\" in the config file");
        }
    }

    private static List<Entry> load(Path directory) {
        if (!Files.isDirectory(directory)) {
            if (Files.exists(directory)) {
                throw new IllegalArgumentException("the recordings directory " + directory + " is not a directory");
            }
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the recordings directory " + directory, e);
        }
        List<Entry> loaded = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path file : files) {
            try {
                loaded.add(new Entry(file.getFileName().toString(), ExchangeJson.parse(Files.readAllBytes(file))));
            } catch (IllegalArgumentException e) {
                refused.add("recording file " + file + ": " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the recording file " + file, e);
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException(refused.size() + " malformed recording file"
                    + (refused.size() == 1 ? "" : "s") + ":\n  " + String.join("\n  ", refused));
        }
        return loaded;
    }

    private void sort() {
        entries.sort(Comparator.comparing(e -> FileNames.orderKey(e.file)));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** One recording file and how often it was replayed. */
    private static final class Entry {
        private final String file;
        private final Exchange exchange;
        private int replays;

        Entry(String file, Exchange exchange) {
            this.file = file;
            this.exchange = exchange;
        }
    }
}
