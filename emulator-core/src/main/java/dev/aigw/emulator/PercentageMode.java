package dev.aigw.emulator;

/**
 * How a dynamic route's percentage element picks its output (management-api-2.md 4.5): the emulator never draws
 * at random, so a test can write the sequence it expects.
 */
public enum PercentageMode {
    /** Draws from a seeded formula: {@code splitmix64((seed ^ fnv1a64(key)) + n)}, see the README. */
    SEEDED("seeded"),
    /** Smooth weighted round-robin: any 100 consecutive requests split exactly. */
    WEIGHTED_ROUND_ROBIN("weighted_round_robin");

    private final String jsonName;

    PercentageMode(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Returns the mode's name in the control API, e.g. {@code seeded}. */
    public String jsonName() {
        return jsonName;
    }
}
