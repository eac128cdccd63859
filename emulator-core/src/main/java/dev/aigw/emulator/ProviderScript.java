package dev.aigw.emulator;

import dev.aigw.emulator.internal.script.ScriptSink;
import dev.aigw.emulator.internal.script.Scripts;
import java.util.Objects;

/**
 * Queues what one provider's upstream does next, like MockWebServer's {@code enqueue}: responses and faults,
 * once, {@code n} times, always, every nth attempt, or at random with a seed. When nothing queued applies,
 * the provider answers normally.
 *
 * <pre>{@code
 * emulator.script("openai").enqueue(UpstreamResponse.status(503), 4);   // fail the first 4 attempts
 * emulator.script("anthropic").forGateway("prod").always(UpstreamFault.hang());
 * }</pre>
 *
 * <p>A script can be narrowed to one gateway and to one test id (the {@value AiGatewayEmulator#TEST_ID_HEADER}
 * request header), so parallel tests sharing an emulator do not see each other's faults. It works the same on an
 * in-process emulator and on a {@link RemoteEmulator}, where each call is one request to the control API.
 * Thread-safe.
 */
public final class ProviderScript {

    private final ScriptSink scripts;
    private final Scripts.Scope scope;

    ProviderScript(ScriptSink scripts, Scripts.Scope scope) {
        this.scripts = scripts;
        this.scope = scope;
    }

    /** Returns this provider's script narrowed to one gateway. */
    public ProviderScript forGateway(String gatewayId) {
        return new ProviderScript(scripts, new Scripts.Scope(scope.provider(), Objects.requireNonNull(gatewayId),
                scope.testId()));
    }

    /** Returns this provider's script narrowed to requests carrying this test id. */
    public ProviderScript forTest(String testId) {
        return new ProviderScript(scripts, new Scripts.Scope(scope.provider(), scope.gatewayId(),
                Objects.requireNonNull(testId)));
    }

    /** Queues a behaviour for the next matching attempt. */
    public ProviderScript enqueue(UpstreamBehavior behavior) {
        return enqueue(behavior, 1);
    }

    /** Queues a behaviour for the next {@code times} matching attempts ("fail the first n, then succeed"). */
    public ProviderScript enqueue(UpstreamBehavior behavior, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1, got " + times);
        }
        scripts.add(scope, behavior, new Scripts.Repeat.Times(times));
        return this;
    }

    /** Makes every matching attempt behave so, until {@link #clear()}. */
    public ProviderScript always(UpstreamBehavior behavior) {
        scripts.add(scope, behavior, new Scripts.Repeat.Always());
        return this;
    }

    /** Makes every {@code n}th matching attempt (the nth, 2nth, ...) behave so, until {@link #clear()}. */
    public ProviderScript everyNth(int n, UpstreamBehavior behavior) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        scripts.add(scope, behavior, new Scripts.Repeat.EveryNth(n));
        return this;
    }

    /**
     * Makes each matching attempt behave so with probability {@code p}, reproducibly: the same seed gives
     * the same sequence.
     */
    public ProviderScript withProbability(double p, long seed, UpstreamBehavior behavior) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be from 0 to 1, got " + p);
        }
        scripts.add(scope, behavior, new Scripts.Repeat.WithProbability(p, seed));
        return this;
    }

    /** Removes what was queued through this script's scope (provider, gateway, test id). */
    public ProviderScript clear() {
        scripts.clear(scope);
        return this;
    }

    /**
     * Counts the responses still queued through this script's scope: {@code enqueue(response, 4)} counts 4 until
     * attempts take them. Steps that repeat ({@code always}, every nth, with a probability) count none; see
     * {@link Emulator#pendingScripts()}.
     */
    public int pending() {
        return scripts.pending(scope);
    }

    @Override
    public String toString() {
        return "ProviderScript" + scope;
    }
}
