package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.SseEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link ModelReply} as a Cohere v2 chat response: {@code message.content} blocks (reasoning as a
 * {@code {"type":"thinking"}} block, then the text, structured output or refusal as one {@code {"type":"text"}}
 * block), {@code message.tool_plan} (the reply's text when it calls tools, as Cohere plans before calling),
 * {@code message.tool_calls} ({@code {id, type: function, function: {name, arguments}}}, ids in Cohere's
 * {@code <tool>_<12 characters>} form), {@code finish_reason} {@code COMPLETE}, {@code MAX_TOKENS} or
 * {@code TOOL_CALL}, and {@code usage} ({@code billed_units} and {@code tokens}). Streamed: {@code message-start};
 * {@code content-start}, one {@code content-delta} per word and {@code content-end} per block;
 * {@code tool-plan-delta} per word; per call {@code tool-call-start} (id and name), {@code tool-call-delta}s with
 * the arguments in two or three pieces and {@code tool-call-end}; then {@code message-end} with the finish reason
 * and usage.
 */
final class CohereRendering {

    private final List<String> callIds;

    /** Renders with the given ids for the reply's calls that have none, one per call, in order. */
    CohereRendering(List<String> callIds) {
        this.callIds = List.copyOf(callIds);
    }

    /** Returns the whole response. */
    ObjectNode response(String id, ModelReply reply) {
        ObjectNode answer = Json.object();
        answer.put("id", id);
        ObjectNode message = answer.putObject("message");
        message.put("role", "assistant");
        if (!reply.toolCalls().isEmpty()) {
            if (!text(reply).isEmpty()) {
                message.put("tool_plan", text(reply));
            }
            ArrayNode calls = message.putArray("tool_calls");
            for (int i = 0; i < reply.toolCalls().size(); i++) {
                calls.add(call(i, reply.toolCalls().get(i), arguments(reply.toolCalls().get(i))));
            }
        }
        ArrayNode content = Json.array();
        if (reply.reasoning() != null) {
            content.addObject().put("type", "thinking").put("thinking", reply.reasoning());
        }
        if (reply.toolCalls().isEmpty()) {
            content.addObject().put("type", "text").put("text", text(reply));
        }
        if (!content.isEmpty()) {
            message.set("content", content);
        }
        answer.put("finish_reason", finishReason(reply.finishReason()));
        answer.set("usage", usage(reply));
        return answer;
    }

    /** Returns the stream's named events, {@code message-start} first and {@code message-end} last. */
    List<SseEvent> events(String id, ModelReply reply) {
        List<SseEvent> events = new ArrayList<>();
        ObjectNode start = Json.object().put("id", id).put("type", "message-start");
        ObjectNode startMessage = start.putObject("delta").putObject("message");
        startMessage.put("role", "assistant");
        startMessage.set("content", Json.array());
        startMessage.put("tool_plan", "");
        startMessage.set("tool_calls", Json.array());
        startMessage.set("citations", Json.array());
        events.add(Replies.named("message-start", start));
        int block = 0;
        if (reply.reasoning() != null) {
            contentBlock(events, block++, "thinking", reply.reasoning());
        }
        if (reply.toolCalls().isEmpty()) {
            contentBlock(events, block, "text", text(reply));
        } else {
            for (String piece : FakeText.pieces(text(reply))) {
                ObjectNode plan = Json.object().put("type", "tool-plan-delta");
                plan.putObject("delta").putObject("message").put("tool_plan", piece);
                events.add(Replies.named("tool-plan-delta", plan));
            }
            for (int i = 0; i < reply.toolCalls().size(); i++) {
                toolCall(events, i, reply.toolCalls().get(i));
            }
        }
        ObjectNode end = Json.object().put("type", "message-end");
        ObjectNode endDelta = end.putObject("delta");
        endDelta.put("finish_reason", finishReason(reply.finishReason()));
        endDelta.set("usage", usage(reply));
        events.add(Replies.named("message-end", end));
        return events;
    }

    /** Returns Cohere's finish reason for a neutral one; Cohere has no content filter, so a refusal is complete. */
    static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP, CONTENT_FILTER -> "COMPLETE";
            case LENGTH -> "MAX_TOKENS";
            case TOOL_CALLS -> "TOOL_CALL";
        };
    }


    private static void contentBlock(List<SseEvent> events, int index, String type, String text) {
        ObjectNode start = Json.object().put("type", "content-start").put("index", index);
        start.putObject("delta").putObject("message").putObject("content").put("type", type).put(type, "");
        events.add(Replies.named("content-start", start));
        for (String piece : FakeText.pieces(text)) {
            ObjectNode delta = Json.object().put("type", "content-delta").put("index", index);
            delta.putObject("delta").putObject("message").putObject("content").put(type, piece);
            events.add(Replies.named("content-delta", delta));
        }
        events.add(Replies.named("content-end", Json.object().put("type", "content-end").put("index", index)));
    }

    private void toolCall(List<SseEvent> events, int index, ToolCall call) {
        ObjectNode start = Json.object().put("type", "tool-call-start").put("index", index);
        start.putObject("delta").putObject("message").set("tool_calls", call(index, call, ""));
        events.add(Replies.named("tool-call-start", start));
        for (String piece : ArgumentPieces.of(arguments(call))) {
            ObjectNode delta = Json.object().put("type", "tool-call-delta").put("index", index);
            delta.putObject("delta").putObject("message").putObject("tool_calls").putObject("function")
                    .put("arguments", piece);
            events.add(Replies.named("tool-call-delta", delta));
        }
        events.add(Replies.named("tool-call-end", Json.object().put("type", "tool-call-end").put("index", index)));
    }

    private ObjectNode call(int index, ToolCall call, String arguments) {
        ObjectNode c = Json.object();
        c.put("id", call.id() != null ? call.id() : callIds.get(index));
        c.put("type", "function");
        c.putObject("function").put("name", call.name()).put("arguments", arguments);
        return c;
    }

    private static String arguments(ToolCall call) {
        return call.arguments() == null ? "{}" : call.arguments();
    }

    private static String text(ModelReply reply) {
        return reply.joinedText() + (reply.json() == null ? "" : reply.json())
                + (reply.refusal() == null ? "" : reply.refusal());
    }

    private static ObjectNode usage(ModelReply reply) {
        ObjectNode usage = Json.object();
        usage.putObject("billed_units").put("input_tokens", reply.usage().inputTokens())
                .put("output_tokens", reply.usage().outputTokens());
        usage.putObject("tokens").put("input_tokens", reply.usage().inputTokens())
                .put("output_tokens", reply.usage().outputTokens());
        return usage;
    }
}
