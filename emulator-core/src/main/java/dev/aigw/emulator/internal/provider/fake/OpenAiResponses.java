package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers {@code POST .../responses} (OpenAI's Responses API): a {@code response} object with one
 * {@code message} output item, or with {@code "stream": true} the named events {@code response.created},
 * {@code response.in_progress}, {@code response.output_item.added}, {@code response.content_part.added},
 * one {@code response.output_text.delta} per word, {@code response.output_text.done},
 * {@code response.content_part.done}, {@code response.output_item.done} and {@code response.completed}
 * ({@code response.incomplete} when {@code max_output_tokens} cut the reply); no {@code [DONE]}.
 */
final class OpenAiResponses {

    private OpenAiResponses() {
    }

    /** Answers a parsed request for a known model, adding the given response headers. */
    static UpstreamReply answer(UpstreamRequest request, ObjectNode body, String model, Map<String, String> headers) {
        JsonNode input = body.path("input");
        String instructions = Replies.text(body, "instructions", "");
        String userText = input.isTextual() ? input.textValue() : lastUserText(input);
        String prompt = (instructions.isEmpty() ? "" : instructions + "\n")
                + (input.isTextual() ? input.textValue() : FakeText.text(input));
        Completion c = Completion.of(model, userText, prompt, Replies.positiveInt(body, "max_output_tokens"));
        String id = "resp_" + Ids.hex(request, "resp", 48);
        String itemId = "msg_" + Ids.hex(request, "msg", 48);
        long created = request.now().getEpochSecond();
        if (!body.path("stream").asBoolean(false)) {
            return Replies.json(200, response(id, created, model, body, c, itemId, true), headers);
        }
        List<ObjectNode> events = new ArrayList<>();
        ObjectNode started = response(id, created, model, body, c, itemId, false);
        events.add(event("response.created", events.size()).set("response", started));
        events.add(event("response.in_progress", events.size()).set("response", started));
        ObjectNode added = event("response.output_item.added", events.size());
        added.put("output_index", 0);
        added.set("item", message(itemId, null, "in_progress"));
        events.add(added);
        events.add(part(event("response.content_part.added", events.size()), itemId, ""));
        for (String piece : c.pieces()) {
            ObjectNode delta = located(event("response.output_text.delta", events.size()), itemId);
            delta.put("delta", piece);
            delta.set("logprobs", Json.array());
            events.add(delta);
        }
        ObjectNode textDone = located(event("response.output_text.done", events.size()), itemId);
        textDone.put("text", c.text());
        textDone.set("logprobs", Json.array());
        events.add(textDone);
        events.add(part(event("response.content_part.done", events.size()), itemId, c.text()));
        ObjectNode itemDone = event("response.output_item.done", events.size());
        itemDone.put("output_index", 0);
        itemDone.set("item", message(itemId, c.text(), c.truncated() ? "incomplete" : "completed"));
        events.add(itemDone);
        String last = c.truncated() ? "response.incomplete" : "response.completed";
        events.add(event(last, events.size()).set("response", response(id, created, model, body, c, itemId, true)));
        List<SseEvent> sse = new ArrayList<>();
        for (ObjectNode e : events) {
            sse.add(Replies.named(e.get("type").textValue(), e));
        }
        return Replies.sse(sse, headers);
    }

    private static ObjectNode response(String id, long created, String model, ObjectNode request, Completion c,
                                       String itemId, boolean finished) {
        ObjectNode r = Json.object();
        r.put("id", id);
        r.put("object", "response");
        r.put("created_at", created);
        r.put("status", !finished ? "in_progress" : c.truncated() ? "incomplete" : "completed");
        r.put("background", false);
        r.putNull("error");
        if (finished && c.truncated()) {
            r.putObject("incomplete_details").put("reason", "max_output_tokens");
        } else {
            r.putNull("incomplete_details");
        }
        r.set("instructions", request.path("instructions").isTextual() ? request.get("instructions") : null);
        r.set("max_output_tokens", request.has("max_output_tokens") ? request.get("max_output_tokens") : null);
        r.put("model", model);
        ArrayNode output = r.putArray("output");
        if (finished) {
            output.add(message(itemId, c.text(), c.truncated() ? "incomplete" : "completed"));
        }
        r.put("parallel_tool_calls", request.path("parallel_tool_calls").asBoolean(true));
        r.set("previous_response_id", request.path("previous_response_id").isTextual()
                ? request.get("previous_response_id") : null);
        ObjectNode reasoning = r.putObject("reasoning");
        reasoning.putNull("effort");
        reasoning.putNull("summary");
        r.put("service_tier", "default");
        r.put("store", request.path("store").asBoolean(true));
        r.set("temperature", request.path("temperature").isNumber() ? request.get("temperature")
                : DoubleNode.valueOf(1.0));
        r.putObject("text").putObject("format").put("type", "text");
        r.put("tool_choice", "auto");
        r.set("tools", Json.array());
        r.set("top_p", request.path("top_p").isNumber() ? request.get("top_p") : DoubleNode.valueOf(1.0));
        r.put("truncation", "disabled");
        if (finished) {
            ObjectNode usage = r.putObject("usage");
            usage.put("input_tokens", c.inputTokens());
            ObjectNode inputDetails = usage.putObject("input_tokens_details");
            inputDetails.put("cache_write_tokens", 0);
            inputDetails.put("cached_tokens", 0);
            usage.put("output_tokens", c.outputTokens());
            usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
            usage.put("total_tokens", c.totalTokens());
        } else {
            r.putNull("usage");
        }
        r.putNull("user");
        r.set("metadata", request.path("metadata").isObject() ? request.get("metadata") : Json.object());
        return r;
    }

    private static ObjectNode message(String itemId, String text, String status) {
        ObjectNode m = Json.object();
        m.put("id", itemId);
        m.put("type", "message");
        m.put("status", status);
        ArrayNode content = m.putArray("content");
        if (text != null) {
            content.add(outputText(text));
        }
        m.put("role", "assistant");
        return m;
    }

    private static ObjectNode outputText(String text) {
        ObjectNode part = Json.object();
        part.put("type", "output_text");
        part.set("annotations", Json.array());
        part.set("logprobs", Json.array());
        part.put("text", text);
        return part;
    }

    private static ObjectNode event(String type, int sequenceNumber) {
        ObjectNode e = Json.object();
        e.put("type", type);
        e.put("sequence_number", sequenceNumber);
        return e;
    }

    private static ObjectNode located(ObjectNode event, String itemId) {
        event.put("item_id", itemId);
        event.put("output_index", 0);
        event.put("content_index", 0);
        return event;
    }

    private static ObjectNode part(ObjectNode event, String itemId, String text) {
        located(event, itemId).set("part", outputText(text));
        return event;
    }

    /** Returns the text of the last input item with role {@code user}, or empty. */
    private static String lastUserText(JsonNode input) {
        String last = "";
        for (JsonNode item : input) {
            if ("user".equals(item.path("role").asText())) {
                last = FakeText.text(item.get("content"));
            }
        }
        return last;
    }
}
