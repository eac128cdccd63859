package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.OpenAiChatFormat;
import dev.aigw.emulator.internal.provider.SseEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link ModelReply} as Workers AI's text-generation {@code result}: {@code response} (the text, a refusal
 * as text, or structured output as the JSON value itself, as Workers AI's JSON mode answers), {@code tool_calls}
 * {@code [{"name","arguments"}]} with the arguments as an object, and {@code usage}
 * {@code {prompt_tokens, completion_tokens, total_tokens}}; {@code response} is left out of a reply that only calls
 * tools. Workers AI has no finish reason nor reasoning, so those are not rendered. Streamed: one
 * {@code data: {"response"}} event per word, the tool calls whole in one {@code {"response":"","tool_calls"}}
 * event, a last event with an empty {@code response} and {@code usage}, then {@code data: [DONE]}.
 */
final class WorkersAiRendering {

    private WorkersAiRendering() {
    }

    /** Returns the {@code result} of a whole answer. */
    static ObjectNode result(ModelReply reply) {
        ObjectNode result = Json.object();
        if (reply.json() != null) {
            result.set("response", parse(reply.json()));
        } else if (!reply.text().isEmpty() || reply.refusal() != null || reply.toolCalls().isEmpty()) {
            result.put("response", text(reply));
        }
        if (!reply.toolCalls().isEmpty()) {
            result.set("tool_calls", toolCalls(reply));
        }
        result.set("usage", usage(reply));
        return result;
    }

    /** Returns the events of a streamed answer, {@code data: [DONE]} last. */
    static List<SseEvent> events(ModelReply reply) {
        List<SseEvent> events = new ArrayList<>();
        String text = reply.json() != null ? reply.json() : text(reply);
        for (String piece : FakeText.pieces(text)) {
            events.add(Replies.data(Json.object().put("response", piece)));
        }
        if (!reply.toolCalls().isEmpty()) {
            ObjectNode calls = Json.object().put("response", "");
            calls.set("tool_calls", toolCalls(reply));
            events.add(Replies.data(calls));
        }
        ObjectNode last = Json.object().put("response", "");
        last.set("usage", usage(reply));
        events.add(Replies.data(last));
        events.add(OpenAiChatFormat.done());
        return events;
    }

    private static String text(ModelReply reply) {
        return reply.joinedText() + (reply.refusal() == null ? "" : reply.refusal());
    }

    private static ArrayNode toolCalls(ModelReply reply) {
        ArrayNode calls = Json.array();
        for (ToolCall call : reply.toolCalls()) {
            ObjectNode c = calls.addObject();
            c.put("name", call.name());
            c.set("arguments", call.arguments() == null ? Json.object() : parse(call.arguments()));
        }
        return calls;
    }

    private static ObjectNode usage(ModelReply reply) {
        ObjectNode usage = Json.object();
        usage.put("prompt_tokens", reply.usage().inputTokens());
        usage.put("completion_tokens", reply.usage().outputTokens());
        usage.put("total_tokens", reply.usage().totalTokens());
        return usage;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a model reply's JSON was checked when it was built", e);
        }
    }
}
