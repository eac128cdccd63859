package dev.aigw.emulator.internal.remote;

import dev.aigw.emulator.ClockControl;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.Waiters;
import dev.aigw.emulator.internal.wire.ClockJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ClockControl} of an emulator running elsewhere: each call is one request to
 * {@code /__emulator/clock}, and fails as the in-process clock fails, with the same messages. A wait for waiters
 * longer than the control API's ten minutes is made of several calls. Thread-safe.
 */
public final class RemoteClock implements ClockControl {

    private static final String PATH = "/__emulator/clock";
    private static final Duration LONGEST_CALL = Duration.ofMinutes(10);

    private final HttpTransport http;

    /** Controls the clock of the emulator behind {@code http}. */
    public RemoteClock(HttpTransport http) {
        this.http = http;
    }

    @Override
    public Instant now() {
        return state().now();
    }

    @Override
    public ClockMode mode() {
        return state().mode();
    }

    @Override
    public void setMode(ClockMode mode) {
        if (Objects.requireNonNull(mode, "mode") == ClockMode.SYSTEM) {
            throw new IllegalArgumentException("a clock is switched to ClockMode.AUTO or ClockMode.MANUAL; the system"
                    + " clock is chosen when the emulator starts (AIGW_CLOCK=system)");
        }
        http.send("PUT", PATH, Json.object().put("mode", ClockJson.word(mode)), null).orThrow();
    }

    @Override
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("virtual time only moves forward; got " + amount);
        }
        BigDecimal millis = BigDecimal.valueOf(amount.getSeconds()).movePointRight(3)
                .add(BigDecimal.valueOf(amount.getNano(), 6)).stripTrailingZeros();
        return ClockJson.parse(http.send("POST", PATH + "/advance", Json.object().put("millis", millis), null)
                .orThrow()).now();
    }

    @Override
    public int waiters() {
        return state().waiters();
    }

    @Override
    public Optional<Instant> nextWakeUp() {
        return state().nextWakeUp();
    }

    @Override
    public void awaitWaiters(int count, Duration realTimeout) throws InterruptedException {
        Duration left = realTimeout.isNegative() ? Duration.ZERO : realTimeout;
        boolean several = left.compareTo(LONGEST_CALL) > 0;
        while (true) {
            Duration wait = left.compareTo(LONGEST_CALL) > 0 ? LONGEST_CALL : left;
            HttpTransport.Reply reply = http.send("POST", PATH + "/await-waiters", Json.object()
                    .put("count", Math.max(0, count)).put("timeout_ms", wait.toMillis()), null, wait);
            left = left.minus(wait);
            if (reply.ok() || reply.status() != 409 || left.isZero() && !several) {
                reply.orThrow();
                return;
            }
            if (left.isZero()) {
                ClockJson.State state = state();
                throw new IllegalStateException(Waiters.tooFew(count, realTimeout, state.waiters(), state.mode()));
            }
        }
    }

    private ClockJson.State state() {
        return ClockJson.parse(http.send("GET", PATH, null, null).orThrow());
    }

    @Override
    public String toString() {
        return "RemoteClock[" + http.baseUrl() + "]";
    }
}
