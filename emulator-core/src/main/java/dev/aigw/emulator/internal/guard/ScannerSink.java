package dev.aigw.emulator.internal.guard;

import dev.aigw.emulator.ScanRule;
import java.util.List;

/** Where a test's scan rules and the scanner's availability go: this emulator's book, or a remote one's. */
public interface ScannerSink {

    /** Adds a rule after the others. */
    void add(ScanRule rule);

    /** Returns the rules, in the order they were added. */
    List<ScanRule> list();

    /** Removes every rule; the scanner's availability stays as it is. */
    void clear();

    /** Makes the Guardrails scanner available or not. */
    void guardrailsAvailable(boolean available);

    /** Tells whether the Guardrails scanner is available. */
    boolean guardrailsAvailable();
}
