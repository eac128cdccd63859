package dev.aigw.emulator.internal.recording;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Sends each recorded request again, to the live provider or to the emulator's own fake, and reports per recording
 * where the answer's shape differs from the recorded one: status, content type and header names, JSON members
 * added, removed or of another type, and a stream's event types and their shapes. For a scheduled CI job: run
 * against the live provider it says that the provider changed; against the fake, where the fake drifts from it.
 */
public final class DriftCheck {

    /** Headers that differ from one answer to the next, or only describe the transport. */
    private static final Set<String> VOLATILE = Set.of("date", "server", "cf-ray", "cf-cache-status", "alt-svc",
            "via", "set-cookie", "age", "etag", "expires", "last-modified", "vary", "strict-transport-security",
            "x-envoy-upstream-service-time", "nel", "report-to", "content-encoding", "connection", "content-length",
            "transfer-encoding", "keep-alive");

    /** Answers a recorded request again. */
    @FunctionalInterface
    public interface Target {
        /** Sends the request and returns the whole answer (a stream read to its end). */
        Answer answer(String provider, Exchange.Request request) throws IOException, InterruptedException;
    }

    /**
     * An answer: its status, headers (names in lower case) and body, its events when it is a stream.
     *
     * @param events the stream's events, or {@code null} when the body is whole
     */
    public record Answer(int status, Map<String, String> headers, byte[] body, List<Exchange.TimedEvent> events) {
    }

    /** The differences found for one recording file; none means it still matches. */
    public record Report(String file, List<String> differences) {
        public Report {
            differences = List.copyOf(differences);
        }
    }

    private DriftCheck() {
    }

    /**
     * Checks every recording of a directory, in file-name order, optionally of one provider only.
     *
     * @throws IllegalArgumentException if a recording file is malformed, naming the file and the member
     */
    public static List<Report> run(Path directory, String provider, Target target)
            throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        List<Report> reports = new ArrayList<>();
        for (Path file : files) {
            Exchange recorded;
            try {
                recorded = ExchangeJson.parse(Files.readAllBytes(file));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("recording file " + file + ": " + e.getMessage(), e);
            }
            if (provider == null || provider.equals(recorded.provider())) {
                Answer answer = target.answer(recorded.provider(), recorded.request());
                reports.add(new Report(file.getFileName().toString(), compare(recorded.response(), answer)));
            }
        }
        return reports;
    }

    /** Returns where an answer's shape differs from a recorded response's. */
    static List<String> compare(Exchange.Response recorded, Answer now) {
        List<String> out = new ArrayList<>();
        if (recorded.status() != now.status()) {
            out.add("status: " + recorded.status() + " recorded, " + now.status() + " now");
        }
        String recordedType = mediaType(recorded.headers().get("content-type"));
        String nowType = mediaType(now.headers().get("content-type"));
        if (!recordedType.equals(nowType)) {
            out.add("header content-type: " + recordedType + " recorded, " + nowType + " now");
        }
        Set<String> before = headerNames(recorded.headers());
        Set<String> after = headerNames(now.headers());
        before.stream().filter(h -> !after.contains(h)).forEach(h -> out.add("header " + h + ": removed"));
        after.stream().filter(h -> !before.contains(h)).forEach(h -> out.add("header " + h + ": added"));
        if (recorded.streamed() && now.events() != null) {
            compareEvents(recorded.events(), now.events(), out);
        } else if (recorded.streamed() != (now.events() != null)) {
            out.add("body: " + (recorded.streamed() ? "a stream" : "a whole body") + " recorded, "
                    + (now.events() != null ? "a stream" : "a whole body") + " now");
        } else if (recorded.body() != null) {
            JsonNode json = ExchangeJson.jsonOrNull(now.body());
            if (json == null) {
                out.add("body: JSON recorded, " + (now.body().length == 0 ? "nothing" : "no JSON") + " now");
            } else {
                out.addAll(ShapeDiff.differences("body", recorded.body(), json));
            }
        }
        return out;
    }

    private static void compareEvents(List<Exchange.TimedEvent> recorded, List<Exchange.TimedEvent> now,
                                      List<String> out) {
        List<String> before = types(recorded);
        List<String> after = types(now);
        if (!before.equals(after)) {
            out.add("stream event types: " + before + " recorded, " + after + " now");
        }
        for (String type : before) {
            if (after.contains(type)) {
                out.addAll(ShapeDiff.differences("event " + type, first(recorded, type), first(now, type)));
            }
        }
    }

    private static List<String> types(List<Exchange.TimedEvent> events) {
        Set<String> types = new LinkedHashSet<>();
        events.forEach(e -> types.add(type(e)));
        return List.copyOf(types);
    }

    private static String type(Exchange.TimedEvent event) {
        if (event.event() != null) {
            return event.event();
        }
        JsonNode data = event.data();
        if (data.isObject() && data.path("type").isTextual()) {
            return data.get("type").textValue();
        }
        if (data.isObject() && data.path("object").isTextual()) {
            return data.get("object").textValue();
        }
        return data.isTextual() ? data.textValue() : ShapeDiff.type(data);
    }

    private static JsonNode first(List<Exchange.TimedEvent> events, String type) {
        return events.stream().filter(e -> type(e).equals(type)).findFirst().map(Exchange.TimedEvent::data)
                .orElseThrow();
    }

    private static Set<String> headerNames(Map<String, String> headers) {
        Set<String> names = new TreeSet<>();
        headers.keySet().stream().map(h -> h.toLowerCase(Locale.ROOT)).filter(h -> !VOLATILE.contains(h)
                && !h.equals("content-type")).forEach(names::add);
        return names;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "none";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Splits a whole event stream into its events, as a recording holds them (times left at 0). */
    public static List<Exchange.TimedEvent> events(byte[] stream) {
        return EventBoundaries.parse(stream).stream().map(e -> new Exchange.TimedEvent(0, e.name(),
                ExchangeJson.eventData(e.data()))).toList();
    }

    /** Reads a whole body into an answer, splitting it into events when it is a stream. */
    public static Answer answer(int status, Map<String, String> headers, byte[] body) {
        boolean stream = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT)
                .startsWith("text/event-stream");
        return new Answer(status, headers, body, stream ? events(body) : null);
    }
}
