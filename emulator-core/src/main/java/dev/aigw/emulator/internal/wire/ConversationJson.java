package dev.aigw.emulator.internal.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.internal.json.Json;
import java.util.Locale;

/**
 * A recorded request's {@link Conversation} as the control API lists it: {@code {"model", "system", "messages":
 * [{"role": "user" | "assistant" | "tool", "text", "tool_calls": [..], "tool_result": {"tool_call_id", "name",
 * "content"}}], "tools": [{"name", "description", "parameters": {..}, "strict"}], "output_schema": {..}}}; schemas
 * and tool arguments as the JSON they are, members without a value left out.
 */
public final class ConversationJson {

    private ConversationJson() {
    }

    /** Writes a conversation. */
    public static ObjectNode render(Conversation c) {
        ObjectNode node = Json.object().put("model", c.model()).put("system", c.system());
        ArrayNode messages = node.putArray("messages");
        for (Conversation.Message m : c.messages()) {
            ObjectNode message = messages.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT))
                    .put("text", m.text());
            if (!m.toolCalls().isEmpty()) {
                ArrayNode calls = message.putArray("tool_calls");
                m.toolCalls().forEach(call -> calls.add(ModelReplyJson.render(call)));
            }
            if (m.toolResult() != null) {
                ObjectNode result = message.putObject("tool_result").put("tool_call_id", m.toolResult().toolCallId())
                        .put("name", m.toolResult().name()).put("content", m.toolResult().content());
                result.properties().removeIf(e -> e.getValue().isNull());
            }
        }
        ArrayNode tools = node.putArray("tools");
        for (Conversation.Tool t : c.tools()) {
            ObjectNode tool = tools.addObject().put("name", t.name()).put("description", t.description());
            if (t.parameters() != null) {
                tool.set("parameters", ModelReplyJson.jsonValue(t.parameters()));
            }
            tool.put("strict", t.strict());
            tool.properties().removeIf(e -> e.getValue().isNull());
        }
        if (c.outputSchema() != null) {
            node.set("output_schema", ModelReplyJson.jsonValue(c.outputSchema()));
        }
        node.properties().removeIf(e -> e.getValue().isNull());
        return node;
    }
}
