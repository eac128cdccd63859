package dev.aigw.emulator;

/**
 * The tokens a model reply cost: what a provider reports in its {@code usage} and what the gateway's logs and cost
 * are computed from.
 *
 * @param inputTokens the prompt's tokens, cached ones included
 * @param outputTokens the reply's tokens
 * @param cachedTokens the prompt tokens read from the provider's prompt cache (at most {@code inputTokens})
 */
public record TokenUsage(int inputTokens, int outputTokens, int cachedTokens) {

    /** Validates the counts. */
    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0 || cachedTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative, got input " + inputTokens
                    + ", output " + outputTokens + ", cached " + cachedTokens);
        }
        if (cachedTokens > inputTokens) {
            throw new IllegalArgumentException("cachedTokens (" + cachedTokens + ") must not exceed inputTokens ("
                    + inputTokens + ")");
        }
    }

    /** Returns a usage with no cached tokens. */
    public static TokenUsage of(int inputTokens, int outputTokens) {
        return new TokenUsage(inputTokens, outputTokens, 0);
    }

    /** Returns input plus output tokens. */
    public int totalTokens() {
        return inputTokens + outputTokens;
    }
}
