package dev.aigw.emulator.internal.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.internal.json.Json;

/**
 * Builds OpenAI Chat Completions objects ({@code chat.completion} and {@code chat.completion.chunk}), with
 * every member the official SDKs require, for the fake providers and the compat translation alike.
 */
public final class OpenAiChatFormat {

    private OpenAiChatFormat() {
    }

    /** Returns the {@code data: [DONE]} event that ends an OpenAI chat stream. */
    public static SseEvent done() {
        return new SseEvent(null, "[DONE]");
    }

    /** Returns an assistant message {@code {"role","content","refusal":null,"annotations":[]}}. */
    public static ObjectNode message(String content) {
        ObjectNode message = Json.object();
        message.put("role", "assistant");
        message.put("content", content);
        message.putNull("refusal");
        message.set("annotations", Json.array());
        return message;
    }

    /**
     * Returns an assistant message that may call tools or refuse:
     * {@code {"role","content","tool_calls"?,"refusal","annotations":[]}}; {@code content} and {@code refusal} may
     * be null (OpenAI sends {@code "content": null} when the message only calls tools), and {@code toolCalls} is
     * left out when null or empty.
     */
    public static ObjectNode message(String content, ArrayNode toolCalls, String refusal) {
        ObjectNode message = Json.object();
        message.put("role", "assistant");
        message.put("content", content);
        if (toolCalls != null && !toolCalls.isEmpty()) {
            message.set("tool_calls", toolCalls);
        }
        message.put("refusal", refusal);
        message.set("annotations", Json.array());
        return message;
    }

    /** Returns one tool call of a message: {@code {"id","type":"function","function":{"name","arguments"}}}. */
    public static ObjectNode toolCall(String id, String name, String arguments) {
        ObjectNode call = Json.object();
        call.put("id", id);
        call.put("type", "function");
        ObjectNode function = call.putObject("function");
        function.put("name", name);
        function.put("arguments", arguments);
        return call;
    }

    /** Returns OpenAI's name of a finish reason: {@code stop}, {@code length}, {@code tool_calls}, {@code content_filter}. */
    public static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
        };
    }

    /** Returns a {@code chat.completion} with one choice; {@code usage} may be null (then omitted). */
    public static ObjectNode completion(String id, long created, String model, ObjectNode message,
                                        String finishReason, ObjectNode usage) {
        return completion(id, created, model, Json.array().add(choice(0, message, finishReason)), usage);
    }

    /** Returns a {@code chat.completion} with the given choices; {@code usage} may be null (then omitted). */
    public static ObjectNode completion(String id, long created, String model, ArrayNode choices, ObjectNode usage) {
        ObjectNode completion = head(id, "chat.completion", created, model);
        completion.set("choices", choices);
        if (usage != null) {
            completion.set("usage", usage);
        }
        return completion;
    }

    /**
     * Returns one choice of a {@code chat.completion}: {@code index}, {@code message}, {@code logprobs} and
     * {@code finish_reason}.
     */
    public static ObjectNode choice(int index, ObjectNode message, String finishReason) {
        ObjectNode choice = Json.object();
        choice.put("index", index);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        return choice;
    }

    /**
     * Returns a {@code chat.completion.chunk} with one choice; {@code finishReason} may be null, and
     * {@code usageNull} adds {@code "usage": null} as OpenAI does when the client asked for a usage chunk.
     */
    public static ObjectNode chunk(String id, long created, String model, ObjectNode delta, String finishReason,
                                   boolean usageNull) {
        ObjectNode choice = Json.object();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        ObjectNode chunk = head(id, "chat.completion.chunk", created, model);
        chunk.set("choices", Json.array().add(choice));
        if (usageNull) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    /** Returns the last chunk of a stream whose client asked for usage: no choices, only {@code usage}. */
    public static ObjectNode usageChunk(String id, long created, String model, ObjectNode usage) {
        ObjectNode chunk = head(id, "chat.completion.chunk", created, model);
        chunk.set("choices", Json.array());
        chunk.set("usage", usage);
        return chunk;
    }

    /** Returns the delta of a stream's first chunk: {@code {"role":"assistant","content":"","refusal":null}}. */
    public static ObjectNode roleDelta() {
        ObjectNode delta = Json.object();
        delta.put("role", "assistant");
        delta.put("content", "");
        delta.putNull("refusal");
        return delta;
    }

    /**
     * Returns the delta of a stream's first chunk for a message that may have no content:
     * {@code {"role":"assistant","content":content,"refusal":null}}; {@code content} is {@code ""} before text and
     * null before tool calls or a refusal only, as OpenAI sends them.
     */
    public static ObjectNode roleDelta(String content) {
        ObjectNode delta = Json.object();
        delta.put("role", "assistant");
        delta.put("content", content);
        delta.putNull("refusal");
        return delta;
    }

    /** Returns a delta carrying a piece of a refusal. */
    public static ObjectNode refusalDelta(String refusal) {
        ObjectNode delta = Json.object();
        delta.put("refusal", refusal);
        return delta;
    }

    /**
     * Returns the delta that starts a streamed tool call:
     * {@code {"tool_calls":[{"index","id","type":"function","function":{"name","arguments":""}}]}}.
     */
    public static ObjectNode toolCallStartDelta(int index, String id, String name) {
        ObjectNode call = Json.object();
        call.put("index", index);
        call.put("id", id);
        call.put("type", "function");
        ObjectNode function = call.putObject("function");
        function.put("name", name);
        function.put("arguments", "");
        ObjectNode delta = Json.object();
        delta.set("tool_calls", Json.array().add(call));
        return delta;
    }

    /** Returns a delta carrying a piece of a streamed tool call's arguments: {@code {"tool_calls":[{"index","function":{"arguments"}}]}}. */
    public static ObjectNode toolCallArgumentsDelta(int index, String arguments) {
        ObjectNode call = Json.object();
        call.put("index", index);
        call.putObject("function").put("arguments", arguments);
        ObjectNode delta = Json.object();
        delta.set("tool_calls", Json.array().add(call));
        return delta;
    }

    /** Returns a delta carrying content text. */
    public static ObjectNode contentDelta(String content) {
        ObjectNode delta = Json.object();
        delta.put("content", content);
        return delta;
    }

    /** Returns a {@code usage} object with its token details ({@code cachedTokens} of the prompt were cached). */
    public static ObjectNode usage(int promptTokens, int completionTokens, int cachedTokens) {
        ObjectNode usage = Json.object();
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        ObjectNode promptDetails = usage.putObject("prompt_tokens_details");
        promptDetails.put("cached_tokens", cachedTokens);
        promptDetails.put("audio_tokens", 0);
        ObjectNode completionDetails = usage.putObject("completion_tokens_details");
        completionDetails.put("reasoning_tokens", 0);
        completionDetails.put("audio_tokens", 0);
        completionDetails.put("accepted_prediction_tokens", 0);
        completionDetails.put("rejected_prediction_tokens", 0);
        return usage;
    }

    private static ObjectNode head(String id, String object, long created, String model) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", object);
        node.put("created", created);
        node.put("model", model);
        return node;
    }
}
