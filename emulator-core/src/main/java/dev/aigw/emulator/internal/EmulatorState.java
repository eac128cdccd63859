package dev.aigw.emulator.internal;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.auth.Credentials;
import dev.aigw.emulator.internal.gateway.GatewayStore;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Everything one emulator instance knows: its configuration and its mutable state. Nothing here is
 * static, so emulators in one JVM share nothing.
 */
public final class EmulatorState {

    private final EmulatorSettings settings;
    private final Credentials credentials;
    private final GatewayStore gateways;
    private final AtomicReference<String> baseUrl = new AtomicReference<>();
    private final RandomGenerator ids = RandomGeneratorFactory.of("L64X128MixRandom").create();

    public EmulatorState(EmulatorSettings settings) {
        this.settings = settings;
        this.credentials = new Credentials(settings.tokens(), settings.globalApiKeys());
        this.gateways = new GatewayStore(settings.maxGatewaysPerAccount());
    }

    public EmulatorSettings settings() {
        return settings;
    }

    public EmulatorClock clock() {
        return settings.clock();
    }

    public Credentials credentials() {
        return credentials;
    }

    public GatewayStore gateways() {
        return gateways;
    }

    public Set<String> accounts() {
        return settings.accountIds();
    }

    /** Returns the base URL once the server listens. */
    public String baseUrl() {
        String url = baseUrl.get();
        if (url == null) {
            throw new IllegalStateException("the emulator is not listening yet; call start() first");
        }
        return url;
    }

    public void listeningAt(String url) {
        baseUrl.set(url);
    }

    /** Returns a fresh random UUID string (for internal ids that need no time order). */
    public String newUuid() {
        synchronized (ids) {
            return new UUID(ids.nextLong(), ids.nextLong()).toString();
        }
    }

    /** Empties gateways and every other runtime state; configuration stays. */
    public void reset() {
        gateways.clear();
    }
}
