package dev.aigw.emulator.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.util.Logs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * A {@link ModelReply} as JSON, in the control API, in fixture files and in the journal:
 * {@code {"text": "..." | ["..", ".."], "tool_calls": [{"id", "name", "arguments": {..} | "json text"}],
 * "json": <any JSON value>, "refusal", "reasoning", "finish_reason": "stop" | "length" | "tool_calls" |
 * "content_filter", "usage": {"input_tokens", "output_tokens", "cached_tokens"}}}, every member optional but the
 * reply must say something. A member it does not know is refused, naming the closest one.
 */
public final class ModelReplyJson {

    private static final Logger LOG = Logs.getLogger(ModelReplyJson.class);
    private static final JsonShape TOKENS = JsonShape.integer(0, Integer.MAX_VALUE);

    private static final JsonShape.Obj TOOL_CALL = JsonShape.closedObject(
            JsonShape.optionalNullable("id", JsonShape.text(1, 256)),
            JsonShape.required("name", JsonShape.text(1, 256)),
            JsonShape.optionalNullable("arguments", JsonShape.anyOf("a JSON object or its JSON text",
                    JsonShape.object(), JsonShape.text(0, Integer.MAX_VALUE))));

    private static final JsonShape.Obj USAGE = JsonShape.closedObject(
            JsonShape.required("input_tokens", TOKENS),
            JsonShape.required("output_tokens", TOKENS),
            JsonShape.optional("cached_tokens", TOKENS));

    private static final JsonShape.Obj REPLY = JsonShape.closedObject(
            JsonShape.optional("text", JsonShape.anyOf("a string or an array of strings",
                    JsonShape.text(0, Integer.MAX_VALUE), JsonShape.arrayOf(JsonShape.text(0, Integer.MAX_VALUE)))),
            JsonShape.optional("tool_calls", JsonShape.arrayOf(TOOL_CALL)),
            JsonShape.optional("json", JsonShape.anything()),
            JsonShape.optional("refusal", JsonShape.text(0, Integer.MAX_VALUE)),
            JsonShape.optional("reasoning", JsonShape.text(0, Integer.MAX_VALUE)),
            JsonShape.optional("finish_reason", JsonShape.oneOf(Arrays.stream(FinishReason.values())
                    .map(ModelReplyJson::name).toArray(String[]::new))),
            JsonShape.optional("usage", USAGE));

    private ModelReplyJson() {
    }

    /** Writes a reply; a single text part as a string, tool arguments as the JSON object they are. */
    public static ObjectNode render(ModelReply reply) {
        ObjectNode node = Json.object();
        if (reply.text().size() == 1) {
            node.put("text", reply.text().get(0));
        } else if (!reply.text().isEmpty()) {
            reply.text().forEach(node.putArray("text")::add);
        }
        if (!reply.toolCalls().isEmpty()) {
            ArrayNode calls = node.putArray("tool_calls");
            reply.toolCalls().forEach(call -> calls.add(render(call)));
        }
        if (reply.json() != null) {
            node.set("json", jsonValue(reply.json()));
        }
        node.put("refusal", reply.refusal());
        node.put("reasoning", reply.reasoning());
        if (reply.finishReason() != null) {
            node.put("finish_reason", name(reply.finishReason()));
        }
        if (reply.usage() != null) {
            node.putObject("usage").put("input_tokens", reply.usage().inputTokens())
                    .put("output_tokens", reply.usage().outputTokens())
                    .put("cached_tokens", reply.usage().cachedTokens());
        }
        node.properties().removeIf(e -> e.getValue().isNull());
        return node;
    }

    /**
     * Writes a tool call: {@code {"id", "name", "arguments"}}, the arguments as a JSON object when their text is
     * written the way this emulator writes JSON, else as that text, so that they read back exactly.
     */
    public static ObjectNode render(ToolCall call) {
        ObjectNode node = Json.object();
        if (call.id() != null) {
            node.put("id", call.id());
        }
        node.put("name", call.name());
        if (call.arguments() != null) {
            JsonNode parsed = jsonValue(call.arguments());
            if (parsed.isObject() && Json.text(parsed).equals(call.arguments())) {
                node.set("arguments", parsed);
            } else {
                node.put("arguments", call.arguments());
            }
        }
        return node;
    }

    /**
     * Reads a reply found at {@code path} (whose first segment is the root, {@code body} or {@code file}); every
     * problem is a 400/7001 naming the member.
     */
    public static ModelReply parse(JsonNode node, List<String> path) {
        REPLY.check(node, path);
        ModelReply.Builder b = ModelReply.builder();
        JsonNode text = node.get("text");
        if (text != null && text.isTextual()) {
            b.text(text.textValue());
        } else if (text != null) {
            text.forEach(part -> b.text(part.textValue()));
        }
        JsonNode calls = node.get("tool_calls");
        if (calls != null) {
            for (int i = 0; i < calls.size(); i++) {
                b.toolCall(toolCall(calls.get(i), child(child(path, "tool_calls"), String.valueOf(i))));
            }
        }
        JsonNode json = node.get("json");
        if (json != null) {
            b.json(Json.text(json));
        }
        text(node, "refusal", b::refusal);
        text(node, "reasoning", b::reasoning);
        JsonNode finish = node.get("finish_reason");
        if (finish != null) {
            b.finishReason(FinishReason.valueOf(finish.textValue().toUpperCase(Locale.ROOT)));
        }
        JsonNode usage = node.get("usage");
        if (usage != null && usage.path("cached_tokens").asInt(0) > usage.get("input_tokens").intValue()) {
            List<String> at = child(child(path, "usage"), "cached_tokens");
            throw ApiException.validation(JsonShape.location(at) + ": " + usage.get("cached_tokens").intValue()
                    + " must not exceed input_tokens (" + usage.get("input_tokens").intValue() + ")", at);
        }
        if (usage != null) {
            b.usage(valid(() -> new TokenUsage(usage.get("input_tokens").intValue(),
                    usage.get("output_tokens").intValue(), usage.path("cached_tokens").asInt(0)),
                    child(path, "usage")));
        }
        return valid(b::build, path);
    }

    private static ToolCall toolCall(JsonNode node, List<String> path) {
        JsonNode arguments = node.get("arguments");
        String args = arguments == null || arguments.isNull() ? null
                : arguments.isTextual() ? arguments.textValue() : Json.text(arguments);
        JsonNode id = node.get("id");
        return valid(() -> new ToolCall(id == null || id.isNull() ? null : id.textValue(), node.get("name").textValue(),
                args), args == null ? path : child(path, "arguments"));
    }

    /** Returns the JSON name of a finish reason: {@code stop}, {@code tool_calls}, ... */
    public static String name(FinishReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    /** Runs a constructor of the public API, turning its refusal into a validation error at {@code path}. */
    static <T> T valid(java.util.function.Supplier<T> create, List<String> path) {
        try {
            return create.get();
        } catch (IllegalArgumentException e) {
            String location = JsonShape.location(path);
            throw ApiException.validation((path.size() > 1 ? location + ": " : "") + e.getMessage(), path);
        }
    }

    static JsonNode jsonValue(String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            // The public types check their JSON text, so this is text a client sent that is not JSON: kept as text.
            LOG.debug("Not JSON, written as a string: {}", text, e);
            return Json.nodes().textNode(text);
        }
    }

    static List<String> child(List<String> path, String name) {
        List<String> p = new ArrayList<>(path);
        p.add(name);
        return p;
    }

    private static void text(JsonNode node, String member, java.util.function.Consumer<String> set) {
        JsonNode value = node.get(member);
        if (value != null) {
            set.accept(value.textValue());
        }
    }
}
