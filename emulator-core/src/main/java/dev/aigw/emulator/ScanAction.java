package dev.aigw.emulator;

/** Lists what a Guardrails category or a DLP policy does when it matches. */
public enum ScanAction {
    /** Lets the request go on and marks its log entry. */
    FLAG,
    /** Answers 424 instead. */
    BLOCK
}
