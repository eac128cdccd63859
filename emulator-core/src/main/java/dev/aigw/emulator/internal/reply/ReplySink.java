package dev.aigw.emulator.internal.reply;

import dev.aigw.emulator.ReplyRule;
import java.util.List;

/**
 * Where {@code ReplyRules} adds, lists and clears rules: the emulator's own {@link ReplyBook} in-process, the
 * control API of an emulator running elsewhere over HTTP. Implementations are thread-safe.
 */
public interface ReplySink {

    /** Adds a rule after the others of its group. */
    void add(ReplyRule rule);

    /** Returns the rules in the order they are looked at. */
    List<ReplyRule> list();

    /** Removes the rules added at run time narrowed to this test id, or all of them when {@code null}. */
    void clear(String testId);

    /** Turns strict mode on or off. */
    void strict(boolean strict);

    /** Tells whether strict mode is on. */
    boolean isStrict();
}
