package dev.aigw.emulator.internal.provider;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import java.nio.charset.StandardCharsets;

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
     * Writes the {@code chat.completion} of one assistant message with its usage, {@code service_tier} and
     * {@code system_fingerprint}, byte for byte what {@link #completion(String, long, String, ObjectNode,
     * String, ObjectNode)} and {@link #usage} build and Jackson writes, without building the tree: the fakes
     * answer every non-streamed chat completion with it. The fixed parts are constants; the texts are escaped
     * by Jackson's own string encoder.
     */
    public static byte[] completionBytes(String id, long created, String model, String content, String finishReason,
                                         int promptTokens, int completionTokens, String fingerprint) {
        if (hasSurrogate(id) || hasSurrogate(model) || hasSurrogate(content) || hasSurrogate(fingerprint)) {
            // Jackson's generator escapes a character beyond the BMP as a surrogate pair, its string encoder writes
            // it as UTF-8: the rare text with one goes the tree's way, so that every answer reads as it always did.
            ObjectNode tree = completion(id, created, model, message(content), finishReason,
                    usage(promptTokens, completionTokens, 0));
            tree.put("service_tier", "default");
            tree.put("system_fingerprint", fingerprint);
            return Json.bytes(tree);
        }
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        byte[][] parts = {
            COMPLETION_ID, encoder.quoteAsUTF8(id),
            COMPLETION_CREATED, ascii(Long.toString(created)),
            COMPLETION_MODEL, encoder.quoteAsUTF8(model),
            COMPLETION_CONTENT, encoder.quoteAsUTF8(content),
            COMPLETION_FINISH, encoder.quoteAsUTF8(finishReason),
            COMPLETION_PROMPT_TOKENS, ascii(Integer.toString(promptTokens)),
            COMPLETION_COMPLETION_TOKENS, ascii(Integer.toString(completionTokens)),
            COMPLETION_TOTAL_TOKENS, ascii(Integer.toString(promptTokens + completionTokens)),
            COMPLETION_FINGERPRINT, encoder.quoteAsUTF8(fingerprint),
            COMPLETION_END,
        };
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] bytes = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, bytes, at, part.length);
            at += part.length;
        }
        return bytes;
    }

    private static final byte[] COMPLETION_ID = ascii("{\"id\":\"");
    private static final byte[] COMPLETION_CREATED = ascii("\",\"object\":\"chat.completion\",\"created\":");
    private static final byte[] COMPLETION_MODEL = ascii(",\"model\":\"");
    private static final byte[] COMPLETION_CONTENT =
            ascii("\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"");
    private static final byte[] COMPLETION_FINISH =
            ascii("\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"");
    private static final byte[] COMPLETION_PROMPT_TOKENS = ascii("\"}],\"usage\":{\"prompt_tokens\":");
    private static final byte[] COMPLETION_COMPLETION_TOKENS = ascii(",\"completion_tokens\":");
    private static final byte[] COMPLETION_TOTAL_TOKENS = ascii(",\"total_tokens\":");
    private static final byte[] COMPLETION_FINGERPRINT = ascii(",\"prompt_tokens_details\":{\"cached_tokens\":0,"
            + "\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
            + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},\"service_tier\":\"default\","
            + "\"system_fingerprint\":\"");
    private static final byte[] COMPLETION_END = ascii("\"}");

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
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
