package dev.aigw.emulator;

import dev.aigw.emulator.internal.reply.ReplySink;
import java.util.List;
import java.util.Objects;

/**
 * The reply rules of an emulator: what its fake models answer, matched on the conversation (see {@link ReplyRule}).
 *
 * <p>One order of precedence decides what an upstream attempt to a fake provider gets: a scripted step
 * ({@link ProviderScript}: a status, a fault or a raw response) first; then the first reply rule that matches;
 * then, for a request that asks for JSON following a schema, JSON generated to validate against it; then the echo
 * ({@code Emulated reply from <model> to: <last user message>}). In strict mode ({@link #strict(boolean)}) a request
 * that no rule matches gets the provider's own 400 error naming the closest rules and how they differ, and is kept
 * as a {@link ReplyProblem} that fails the test at its end.
 *
 * <p>Rules narrowed to a test id ({@link #forTest(String)}) only answer requests carrying that test id, so parallel
 * tests sharing an emulator do not see each other's rules; they are looked at before the others. It works the same
 * on an in-process emulator and on a {@link RemoteEmulator}. Thread-safe.
 */
public final class ReplyRules {

    private final ReplySink sink;
    private final String testId;

    ReplyRules(ReplySink sink, String testId) {
        this.sink = sink;
        this.testId = testId;
    }

    /** Returns these rules narrowed to requests carrying this test id: rules added through it match only those. */
    public ReplyRules forTest(String testId) {
        return new ReplyRules(sink, Objects.requireNonNull(testId, "testId"));
    }

    /** Adds a rule after the others of its group (narrowed to this handle's test id, if it has one). */
    public ReplyRules add(ReplyRule rule) {
        Objects.requireNonNull(rule, "rule");
        sink.add(testId == null ? rule : rule.forTest(testId));
        return this;
    }

    /** Returns the rules in the order they are looked at (only this test id's when narrowed). */
    public List<ReplyRule> list() {
        List<ReplyRule> all = sink.list();
        return testId == null ? all : all.stream().filter(r -> testId.equals(r.match().testId())).toList();
    }

    /**
     * Removes the rules added at run time (only this test id's when narrowed); rules loaded from fixture files
     * stay, and their sequences start again.
     */
    public ReplyRules clear() {
        sink.clear(testId);
        return this;
    }

    /** Turns strict mode on or off for the whole emulator: an unmatched request gets a 400 and fails the test. */
    public ReplyRules strict(boolean strict) {
        sink.strict(strict);
        return this;
    }

    /** Tells whether strict mode is on. */
    public boolean isStrict() {
        return sink.isStrict();
    }
}
