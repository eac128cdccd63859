package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.fake.FakeProviders;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Picks each provider's upstream: the real base URL the user configured for it, else its built-in fake.
 * Owns the HTTP client for real upstreams (created only if any is configured) and frees it on close.
 */
public final class Upstreams implements AutoCloseable {

    private final Map<String, String> realBaseUrls;
    private final ExecutorService clientExecutor;
    private final HttpClient client;

    private final EmulatorClock clock;
    private final FakeProviders fakes = new FakeProviders();

    public Upstreams(Map<String, String> realBaseUrls, EmulatorClock clock) {
        this.clock = clock;
        this.realBaseUrls = Map.copyOf(realBaseUrls);
        if (realBaseUrls.isEmpty()) {
            this.clientExecutor = null;
            this.client = null;
        } else {
            this.clientExecutor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "aigw-emulator-upstream");
                t.setDaemon(true);
                return t;
            });
            this.client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .executor(clientExecutor)
                    .build();
        }
    }

    /** Returns the upstream of a provider slug. */
    public Upstream forProvider(String slug) {
        String real = realBaseUrls.get(slug);
        if (real != null) {
            return new RealUpstream(client, clock, real);
        }
        return new FakeUpstream(fakeFor(slug));
    }

    /** Returns the built-in fake of a slug, which also knows the provider's error shapes. */
    public FakeProvider fakeFor(String slug) {
        return fakes.forSlug(slug).orElseThrow(() -> new IllegalStateException("no built-in fake for " + slug));
    }

    @Override
    public void close() {
        if (clientExecutor != null) {
            clientExecutor.shutdownNow();
        }
    }
}
