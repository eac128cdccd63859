package dev.aigw.emulator.internal.script;

import dev.aigw.emulator.UpstreamBehavior;

/**
 * Where a {@code ProviderScript} queues, clears and counts steps: the emulator's own {@link Scripts} in-process,
 * the control API of an emulator running elsewhere over HTTP. Implementations are thread-safe.
 */
public interface ScriptSink {

    /** Appends a step with this scope. */
    void add(Scripts.Scope scope, UpstreamBehavior behavior, Scripts.Repeat repeat);

    /** Removes the steps queued with exactly this scope. */
    void clear(Scripts.Scope scope);

    /** Counts the responses still queued with exactly this scope; steps that repeat count none. */
    int pending(Scripts.Scope scope);
}
