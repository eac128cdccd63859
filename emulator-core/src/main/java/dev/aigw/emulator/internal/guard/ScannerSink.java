package dev.aigw.emulator.internal.guard;

import dev.aigw.emulator.ScanRule;
import java.util.List;

/** Where a test's scan rules and the scanner's availability go: this emulator's book, or a remote one's. */
public interface ScannerSink {

    /** Adds a rule after the others. */
    void add(ScanRule rule);

    /** Returns the rules, in the order they were added. */
    List<ScanRule> list();

    /** Removes the rules narrowed to this test id, or every rule for {@code null}; availability stays as it is. */
    void clear(String testId);

    /** Makes the Guardrails scanner available or not. */
    void guardrailsAvailable(boolean available);

    /** Tells whether the Guardrails scanner is available. */
    boolean guardrailsAvailable();
}
