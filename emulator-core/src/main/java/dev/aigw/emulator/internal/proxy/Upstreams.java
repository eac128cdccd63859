package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.RecordingMode;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.fake.Fakes;
import dev.aigw.emulator.internal.provider.fake.OpenAiEndpoint;
import dev.aigw.emulator.internal.provider.registry.ProviderEntry;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.recording.RecordingLibrary;
import dev.aigw.emulator.internal.reply.ReplySource;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Picks each provider's upstream: the real base URL the user configured for it, else its fake; recordings replay
 * in its place, or record what it answers, as the provider's recording mode says.
 * Owns the HTTP client for real upstreams, created on the first real call, and shuts its threads down on
 * close (the JDK 17 client's selector thread ends once the client is collected).
 */
public final class Upstreams implements AutoCloseable {

    /** The emulator's own limit on connecting to a real upstream; not gateway behaviour. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The path prefix of the providers an account creates (management-api-2.md 3). */
    public static final String CUSTOM_PREFIX = "custom-";

    private final Map<String, String> realBaseUrls;
    private final boolean forwardCustom;
    private final EmulatorClock clock;
    private final ProviderRegistry providers;
    private final ReplySource replies;
    private final RecordingLibrary recordings;
    private ExecutorService clientExecutor;
    private HttpClient client;
    private boolean closed;

    public Upstreams(Map<String, String> realBaseUrls, ProviderRegistry providers, ReplySource replies,
                     EmulatorClock clock) {
        this(realBaseUrls, false, providers, replies, clock);
    }

    /**
     * Creates the upstreams; {@code forwardCustom} sends custom providers' requests to their real {@code base_url}
     * instead of the generic OpenAI-compatible fake (option {@code custom_providers.forward}, management-api-2.md
     * 3.4).
     */
    public Upstreams(Map<String, String> realBaseUrls, boolean forwardCustom, ProviderRegistry providers,
                     ReplySource replies, EmulatorClock clock) {
        this(realBaseUrls, forwardCustom, providers, replies, clock,
                new RecordingLibrary(null, realBaseUrls.keySet(), providers, problem -> { }));
    }

    /** Creates the upstreams with recordings that record or replay providers' exchanges as their modes say. */
    public Upstreams(Map<String, String> realBaseUrls, boolean forwardCustom, ProviderRegistry providers,
                     ReplySource replies, EmulatorClock clock, RecordingLibrary recordings) {
        this.recordings = recordings;
        this.forwardCustom = forwardCustom;
        this.replies = replies;
        this.realBaseUrls = Map.copyOf(realBaseUrls);
        this.providers = providers;
        this.clock = clock;
    }

    /** Returns the upstream of a provider slug whose real origin (for a custom provider) is {@code origin}. */
    public Upstream forProvider(String slug, String origin) {
        return switch (recordings.modeOf(slug)) {
            case OFF -> live(slug, origin);
            case RECORD -> new RecordingUpstream(live(slug, origin), recordings);
            case REPLAY -> new ReplayUpstream(recordings, clock, null);
            case RECORD_MISSING -> new ReplayUpstream(recordings, clock,
                    new RecordingUpstream(live(slug, origin), recordings));
        };
    }

    private Upstream live(String slug, String origin) {
        String real = realBaseUrls.get(slug);
        if (real != null) {
            return new RealUpstream(client(), clock, real);
        }
        if (forwardCustom && isCustom(slug)) {
            return new RealUpstream(client(), clock, origin);
        }
        return new FakeUpstream(fakeFor(slug), replies);
    }

    /**
     * Tells whether a provider goes to a real server (over the network) instead of its built-in fake, or replays
     * recordings (paced on the clock): either way its attempts may wait.
     */
    public boolean isReal(String slug) {
        return realBaseUrls.containsKey(slug) || forwardCustom && isCustom(slug)
                || recordings.modeOf(slug) != RecordingMode.OFF;
    }

    /**
     * Returns the fake of a provider slug, which also knows the provider's error shapes; every custom provider
     * has the generic OpenAI-compatible fake, which serves any model (management-api-2.md 3.4) [E].
     */
    public FakeProvider fakeFor(String slug) {
        return providers.find(slug).map(ProviderEntry::fake)
                .or(() -> isCustom(slug) ? Optional.of(Fakes.neverThrowing(slug,
                        Fakes.openAiCompatible(slug, EnumSet.allOf(OpenAiEndpoint.class)))) : Optional.empty())
                .orElseThrow(() -> new IllegalStateException("no provider '" + slug + "' is registered"));
    }

    private static boolean isCustom(String slug) {
        return slug.startsWith(CUSTOM_PREFIX);
    }

    private synchronized HttpClient client() {
        if (closed) {
            throw new IllegalStateException("the emulator is closed");
        }
        if (client == null) {
            clientExecutor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "aigw-emulator-upstream");
                t.setDaemon(true);
                return t;
            });
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .executor(clientExecutor)
                    .build();
        }
        return client;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (clientExecutor != null) {
            clientExecutor.shutdownNow();
        }
        client = null;
    }
}
