package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.util.Logs;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Renders a complete {@link ModelReply} as an Anthropic {@code message}, or as the named events of its stream.
 *
 * <p>The content blocks come in this order: a {@code thinking} block (with a {@code signature} derived from the
 * request) when the reply has reasoning, one {@code text} block per text part, the structured output as a
 * {@code text} block, the refusal message as a {@code text} block, then one {@code tool_use} block per call (ids
 * {@code toolu_01...} derived from the request when the call has none; {@code caller} {@code direct}, which the
 * SDKs' {@code ToolUseBlock} requires). The stop reason is {@code end_turn},
 * {@code max_tokens}, {@code tool_use} or {@code refusal}. Usage reports the prompt's uncached tokens as
 * {@code input_tokens} and its cached ones as {@code cache_read_input_tokens}.
 *
 * <p>A stream is {@code message_start} (no content, one output token), then per block {@code content_block_start},
 * its deltas ({@code thinking_delta} per word and one {@code signature_delta}; {@code text_delta} per word;
 * {@code input_json_delta} with the input's JSON in two or three pieces) and {@code content_block_stop}, with a
 * {@code ping} after the first block's start; then {@code message_delta} (stop reason and usage) and
 * {@code message_stop}.
 */
final class AnthropicRendering {

    private static final Logger LOG = Logs.getLogger(AnthropicRendering.class);

    private final UpstreamRequest request;
    private final String id;
    private final String model;
    private final ModelReply reply;

    /**
     * Renders a reply.
     *
     * @param request the request answered, from which tool-call ids and the thinking signature derive
     * @param id the message id
     * @param model the model the message names
     * @param reply the reply, complete (finish reason and usage set, every tool call with arguments)
     */
    AnthropicRendering(UpstreamRequest request, String id, String model, ModelReply reply) {
        this.request = request;
        this.id = id;
        this.model = model;
        this.reply = reply;
    }

    /** Returns Anthropic's name for a finish reason. */
    static String stopReason(FinishReason reason) {
        return switch (reason) {
            case STOP -> "end_turn";
            case LENGTH -> "max_tokens";
            case TOOL_CALLS -> "tool_use";
            case CONTENT_FILTER -> "refusal";
        };
    }

    /** Returns the whole {@code message}. */
    ObjectNode message() {
        ObjectNode message = envelope(reply.usage().outputTokens());
        for (ObjectNode block : blocks()) {
            message.withArrayProperty("content").add(block);
        }
        message.put("stop_reason", stopReason(reply.finishReason()));
        return message;
    }

    /** Returns the stream's named events, {@code message_start} to {@code message_stop}. */
    List<SseEvent> events() {
        List<SseEvent> events = new ArrayList<>();
        ObjectNode start = typed("message_start");
        start.set("message", envelope(1));
        events.add(Replies.named("message_start", start));
        List<ObjectNode> blocks = blocks();
        for (int index = 0; index < blocks.size(); index++) {
            blockEvents(index, blocks.get(index), events);
        }
        ObjectNode messageDelta = typed("message_delta");
        ObjectNode delta = messageDelta.putObject("delta");
        delta.put("stop_reason", stopReason(reply.finishReason()));
        delta.putNull("stop_sequence");
        ObjectNode usage = messageDelta.putObject("usage");
        TokenUsage u = reply.usage();
        usage.put("input_tokens", u.inputTokens() - u.cachedTokens());
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", u.cachedTokens());
        usage.put("output_tokens", u.outputTokens());
        events.add(Replies.named("message_delta", messageDelta));
        events.add(Replies.named("message_stop", typed("message_stop")));
        return events;
    }

    private void blockEvents(int index, ObjectNode block, List<SseEvent> events) {
        ObjectNode start = typed("content_block_start");
        start.put("index", index);
        String type = block.get("type").textValue();
        switch (type) {
            case "thinking" -> start.set("content_block", typed("thinking").put("thinking", "").put("signature", ""));
            case "tool_use" -> {
                ObjectNode use = typed("tool_use");
                use.put("id", block.get("id").textValue());
                use.put("name", block.get("name").textValue());
                use.set("input", Json.object());
                use.set("caller", block.get("caller"));
                start.set("content_block", use);
            }
            default -> start.set("content_block", typed("text").put("text", ""));
        }
        events.add(Replies.named("content_block_start", start));
        if (index == 0) {
            events.add(Replies.named("ping", typed("ping")));
        }
        switch (type) {
            case "thinking" -> {
                for (String piece : FakeText.pieces(block.get("thinking").textValue())) {
                    events.add(delta(index, typed("thinking_delta").put("thinking", piece)));
                }
                events.add(delta(index, typed("signature_delta").put("signature",
                        block.get("signature").textValue())));
            }
            case "tool_use" -> {
                for (String piece : ArgumentPieces.of(Json.text(block.get("input")))) {
                    events.add(delta(index, typed("input_json_delta").put("partial_json", piece)));
                }
            }
            default -> {
                for (String piece : FakeText.pieces(block.get("text").textValue())) {
                    events.add(delta(index, typed("text_delta").put("text", piece)));
                }
            }
        }
        events.add(Replies.named("content_block_stop", typed("content_block_stop").put("index", index)));
    }

    private static SseEvent delta(int index, ObjectNode delta) {
        ObjectNode event = typed("content_block_delta");
        event.put("index", index);
        event.set("delta", delta);
        return Replies.named("content_block_delta", event);
    }

    private List<ObjectNode> blocks() {
        List<ObjectNode> blocks = new ArrayList<>();
        if (reply.reasoning() != null) {
            blocks.add(typed("thinking").put("thinking", reply.reasoning()).put("signature", signature()));
        }
        reply.text().forEach(t -> blocks.add(text(t)));
        if (reply.json() != null) {
            blocks.add(text(reply.json()));
        }
        if (reply.refusal() != null) {
            blocks.add(text(reply.refusal()));
        }
        List<ToolCall> calls = reply.toolCalls();
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            ObjectNode use = typed("tool_use");
            use.put("id", call.id() != null ? call.id() : "toolu_01" + Ids.alphanumeric(request, "toolu-" + i, 22));
            use.put("name", call.name());
            use.set("input", input(call));
            use.set("caller", typed("direct"));
            blocks.add(use);
        }
        return blocks;
    }

    private static JsonNode input(ToolCall call) {
        if (call.arguments() == null) {
            return Json.object();
        }
        try {
            JsonNode input = Json.parse(call.arguments());
            return input != null && input.isObject() ? input : Json.object();
        } catch (JsonProcessingException e) {
            LOG.debug("The arguments of a call of {} are not JSON; it is sent with an empty input", call.name(), e);
            return Json.object();
        }
    }

    /** Returns a thinking block's signature: opaque base64-like text, the same for the same request. */
    private String signature() {
        return "Eu" + Ids.alphanumeric(request, "signature", 86) + "==";
    }


    /** Returns the message without content and stop reason: id, type, role, model, stop fields and usage. */
    private ObjectNode envelope(int outputTokens) {
        ObjectNode message = Json.object();
        message.put("id", id);
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", model);
        message.set("content", Json.array());
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        TokenUsage u = reply.usage();
        ObjectNode usage = message.putObject("usage");
        usage.put("input_tokens", u.inputTokens() - u.cachedTokens());
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", u.cachedTokens());
        ObjectNode cacheCreation = usage.putObject("cache_creation");
        cacheCreation.put("ephemeral_5m_input_tokens", 0);
        cacheCreation.put("ephemeral_1h_input_tokens", 0);
        usage.put("output_tokens", outputTokens);
        usage.put("service_tier", "standard");
        return message;
    }

    private static ObjectNode text(String text) {
        return typed("text").put("text", text);
    }

    private static ObjectNode typed(String type) {
        ObjectNode node = Json.object();
        node.put("type", type);
        return node;
    }
}
