package dev.aigw.emulator;

/**
 * Why a model stopped, in words every provider has; each provider's rendering names it its own way (OpenAI
 * {@code stop}, {@code length}, {@code tool_calls}, {@code content_filter}; Anthropic {@code end_turn},
 * {@code max_tokens}, {@code tool_use}, {@code refusal}; Gemini {@code STOP}, {@code MAX_TOKENS}, {@code SAFETY}).
 */
public enum FinishReason {
    /** The model finished its answer. */
    STOP,
    /** The output token limit cut the answer. */
    LENGTH,
    /** The model asks the client to call tools. */
    TOOL_CALLS,
    /** The provider's content filter stopped the answer (a refusal). */
    CONTENT_FILTER
}
