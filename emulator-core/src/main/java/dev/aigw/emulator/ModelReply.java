package dev.aigw.emulator;

import dev.aigw.emulator.internal.reply.JsonText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a fake model answers, independent of any provider: text, tool calls, structured output, a refusal,
 * reasoning, why it stopped and what it cost. The emulator renders it in the format of the provider a request went
 * to (OpenAI chat completions and Responses, Anthropic messages, Gemini, Workers AI, Cohere, ...), streamed or not,
 * so a reply rule written once answers every client.
 *
 * <pre>{@code
 * ModelReply.text("It is sunny in Paris.");
 * ModelReply.toolCall("get_weather", "{\"city\":\"Paris\"}");
 * ModelReply.json("{\"city\":\"Paris\",\"celsius\":21}");
 * ModelReply.builder().reasoning("The user wants...").text("Sunny.").usage(TokenUsage.of(12, 3)).build();
 * }</pre>
 *
 * @param text the text parts, in order (empty when the reply has none)
 * @param toolCalls the tool calls, in order (several in one turn are allowed)
 * @param json structured output as JSON text, sent as the reply's content; {@code null} when there is none
 * @param refusal the model's refusal message, or {@code null}
 * @param reasoning reasoning or thinking text, rendered where the provider has it (Anthropic {@code thinking},
 *     Gemini thought parts, OpenAI Responses reasoning summaries) and left out elsewhere; or {@code null}
 * @param finishReason why the model stopped; {@code null} to let the emulator say: {@link FinishReason#TOOL_CALLS}
 *     with tool calls, {@link FinishReason#CONTENT_FILTER} with a refusal, else {@link FinishReason#STOP}
 * @param usage the tokens reported; {@code null} to let the emulator count them (about four characters a token)
 */
public record ModelReply(List<String> text, List<ToolCall> toolCalls, String json, String refusal, String reasoning,
                         FinishReason finishReason, TokenUsage usage) {

    /** Validates the reply: it says something, and its JSON parses. */
    public ModelReply {
        text = List.copyOf(Objects.requireNonNull(text, "text"));
        toolCalls = List.copyOf(Objects.requireNonNull(toolCalls, "toolCalls"));
        if (json != null) {
            json = JsonText.any(json, "json of a model reply");
        }
        if (text.isEmpty() && toolCalls.isEmpty() && json == null && refusal == null) {
            throw new IllegalArgumentException("a model reply needs text, tool calls, json or a refusal");
        }
    }

    /** Returns a reply of one text part. */
    public static ModelReply text(String text) {
        return builder().text(text).build();
    }

    /** Returns a reply that calls one tool with these arguments (JSON object text). */
    public static ModelReply toolCall(String name, String arguments) {
        return builder().toolCall(name, arguments).build();
    }

    /** Returns a reply that calls one tool with arguments generated from the offered tool's parameter schema. */
    public static ModelReply toolCall(String name) {
        return builder().toolCall(ToolCall.of(name, null)).build();
    }

    /** Returns a reply whose content is this structured output (JSON text). */
    public static ModelReply json(String json) {
        return builder().json(json).build();
    }

    /** Returns a refusal. */
    public static ModelReply refusal(String message) {
        return builder().refusal(message).build();
    }

    /** Returns a builder of a reply. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the text parts joined, or an empty string. */
    public String joinedText() {
        return String.join("", text);
    }

    /** Builds a {@link ModelReply}. */
    public static final class Builder {
        private final List<String> text = new ArrayList<>();
        private final List<ToolCall> toolCalls = new ArrayList<>();
        private String json;
        private String refusal;
        private String reasoning;
        private FinishReason finishReason;
        private TokenUsage usage;

        private Builder() {
        }

        /** Adds text parts. */
        public Builder text(String... parts) {
            Arrays.stream(parts).map(p -> Objects.requireNonNull(p, "text")).forEach(text::add);
            return this;
        }

        /** Adds a call of a tool with these arguments (JSON object text; {@code null} to generate them). */
        public Builder toolCall(String name, String arguments) {
            return toolCall(ToolCall.of(name, arguments));
        }

        /** Adds a tool call. */
        public Builder toolCall(ToolCall call) {
            toolCalls.add(Objects.requireNonNull(call, "call"));
            return this;
        }

        /** Sets the structured output (JSON text). */
        public Builder json(String json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /** Sets a refusal message. */
        public Builder refusal(String refusal) {
            this.refusal = Objects.requireNonNull(refusal, "refusal");
            return this;
        }

        /** Sets reasoning or thinking text. */
        public Builder reasoning(String reasoning) {
            this.reasoning = Objects.requireNonNull(reasoning, "reasoning");
            return this;
        }

        /** Sets why the model stopped (default: from the content). */
        public Builder finishReason(FinishReason finishReason) {
            this.finishReason = Objects.requireNonNull(finishReason, "finishReason");
            return this;
        }

        /** Sets the token usage reported (default: counted). */
        public Builder usage(TokenUsage usage) {
            this.usage = Objects.requireNonNull(usage, "usage");
            return this;
        }

        /** Builds the reply. */
        public ModelReply build() {
            return new ModelReply(text, toolCalls, json, refusal, reasoning, finishReason, usage);
        }
    }
}
