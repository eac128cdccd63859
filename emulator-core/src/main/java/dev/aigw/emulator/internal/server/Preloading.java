package dev.aigw.emulator.internal.server;

import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.util.Logs;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * Initialises, on a daemon thread started once per JVM by the first builder, what the first emulator's start and
 * its first reply would otherwise initialise one after the other on the test's thread: XNIO's provider (with the
 * JVM's MBean server it registers with), Jackson's parser and generator, and the SHA-256 digest the fakes derive
 * their ids with. The caller's thread meanwhile builds the emulator; both cores load classes instead of one. In a
 * fresh JVM that cut bench/README's "cold start" figure by about 55 ms (7 %).
 *
 * <p>Nothing a test observes changes: it only runs code that has no effect but the JVM's own class initialisation,
 * which the JVM orders (a thread that needs a class another one is initialising waits for it). A failure here
 * would meet the emulator again where it uses the same code, which reports it; here it is logged at DEBUG.
 */
public final class Preloading {

    private static final Logger LOG = Logs.getLogger(Preloading.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Preloading() {
    }

    /** Starts the preloading thread, unless it has been started in this JVM before. */
    public static void begin() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(Preloading::run, "aigw-emulator-preloading");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            EmulatorServer.initialiseProvider();
            Json.bytes(Json.parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"n\":1.5}"));
            MessageDigest.getInstance("SHA-256").digest(new byte[1]);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.debug("Preloading stopped early; the emulator initialises the rest when it first needs it", e);
        }
    }
}
