package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.reply.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a complete {@link ModelReply} as OpenAI's Responses API does: a {@code response} whose {@code output}
 * holds a {@code reasoning} item with a summary (when the reply reasons), a {@code message} item with an
 * {@code output_text} part (text parts joined, then structured output JSON) and a {@code refusal} part, and one
 * {@code function_call} item per tool call; {@code status} {@code incomplete} with {@code incomplete_details} when
 * the output limit cut the reply. Streamed, the named events of that response in order, each with its
 * {@code sequence_number}: {@code response.created}, {@code response.in_progress}, then per item
 * {@code response.output_item.added}, its parts ({@code response.reasoning_summary_*},
 * {@code response.content_part.*} with {@code response.output_text.*} or {@code response.refusal.*}, or
 * {@code response.function_call_arguments.delta} in two or three pieces and {@code .done}) and
 * {@code response.output_item.done}, and last {@code response.completed} ({@code response.incomplete}); no
 * {@code [DONE]}. Ids are derived from the request: {@code msg_}, {@code rs_}, {@code fc_} and 48 hex digits, and
 * {@code call_} and 24 letters and digits for a call id the reply does not give.
 */
final class OpenAiResponsesRendering {

    private static final int ITEM_ID_LENGTH = 48;
    private static final int CALL_ID_LENGTH = 24;

    private final UpstreamRequest request;
    private final ObjectNode body;
    private final String model;
    private final String id;
    private final long created;

    /** Prepares the rendering of an answer to this request (its parsed body) for this model. */
    OpenAiResponsesRendering(UpstreamRequest request, ObjectNode body, String model) {
        this.request = request;
        this.body = body;
        this.model = model;
        this.id = "resp_" + Ids.hex(request, "resp", ITEM_ID_LENGTH);
        this.created = request.now().getEpochSecond();
    }

    /** Renders the reply as one {@code response} object. */
    UpstreamReply response(ModelReply reply, Map<String, String> headers) {
        return Replies.json(200, response(reply, true), headers);
    }

    /** Renders the reply as the stream of named events. */
    UpstreamReply stream(ModelReply reply, Map<String, String> headers) {
        Events events = new Events();
        ObjectNode started = response(reply, false);
        events.add("response.created").set("response", started);
        events.add("response.in_progress").set("response", started);
        int index = 0;
        if (reply.reasoning() != null) {
            streamReasoning(events, index++, reply.reasoning());
        }
        if (hasMessage(reply)) {
            streamMessage(events, index++, reply);
        }
        for (int i = 0; i < reply.toolCalls().size(); i++) {
            streamCall(events, index++, i, reply.toolCalls().get(i));
        }
        events.add(incomplete(reply) ? "response.incomplete" : "response.completed")
                .set("response", response(reply, true));
        return Replies.sse(events.sse(), headers);
    }

    private void streamReasoning(Events events, int index, String summary) {
        String itemId = reasoningId();
        ObjectNode added = events.add("response.output_item.added");
        added.put("output_index", index);
        added.set("item", reasoning(itemId, null));
        summaryPart(events.add("response.reasoning_summary_part.added"), itemId, index, "");
        for (String piece : FakeText.pieces(summary)) {
            summaryLocated(events.add("response.reasoning_summary_text.delta"), itemId, index).put("delta", piece);
        }
        summaryLocated(events.add("response.reasoning_summary_text.done"), itemId, index).put("text", summary);
        summaryPart(events.add("response.reasoning_summary_part.done"), itemId, index, summary);
        ObjectNode done = events.add("response.output_item.done");
        done.put("output_index", index);
        done.set("item", reasoning(itemId, summary));
    }

    private void streamMessage(Events events, int index, ModelReply reply) {
        String itemId = messageId();
        ObjectNode added = events.add("response.output_item.added");
        added.put("output_index", index);
        added.set("item", message(itemId, null, "in_progress"));
        int part = 0;
        String text = text(reply);
        if (text != null) {
            located(events.add("response.content_part.added"), itemId, index, part).set("part", outputText(""));
            for (String piece : FakeText.pieces(text)) {
                ObjectNode delta = located(events.add("response.output_text.delta"), itemId, index, part);
                delta.put("delta", piece);
                delta.set("logprobs", Json.array());
            }
            ObjectNode done = located(events.add("response.output_text.done"), itemId, index, part);
            done.put("text", text);
            done.set("logprobs", Json.array());
            located(events.add("response.content_part.done"), itemId, index, part).set("part", outputText(text));
            part++;
        }
        if (reply.refusal() != null) {
            located(events.add("response.content_part.added"), itemId, index, part).set("part", refusal(""));
            for (String piece : FakeText.pieces(reply.refusal())) {
                located(events.add("response.refusal.delta"), itemId, index, part).put("delta", piece);
            }
            located(events.add("response.refusal.done"), itemId, index, part).put("refusal", reply.refusal());
            located(events.add("response.content_part.done"), itemId, index, part)
                    .set("part", refusal(reply.refusal()));
        }
        ObjectNode done = events.add("response.output_item.done");
        done.put("output_index", index);
        done.set("item", message(itemId, reply, messageStatus(reply)));
    }

    private void streamCall(Events events, int index, int call, ToolCall toolCall) {
        String itemId = callItemId(call);
        String callId = callId(toolCall, call);
        ObjectNode added = events.add("response.output_item.added");
        added.put("output_index", index);
        added.set("item", functionCall(itemId, callId, toolCall.name(), "", "in_progress"));
        for (String piece : ArgumentPieces.of(toolCall.arguments())) {
            ObjectNode delta = events.add("response.function_call_arguments.delta");
            delta.put("item_id", itemId);
            delta.put("output_index", index);
            delta.put("delta", piece);
        }
        ObjectNode done = events.add("response.function_call_arguments.done");
        done.put("item_id", itemId);
        done.put("output_index", index);
        done.put("name", toolCall.name());
        done.put("arguments", toolCall.arguments());
        ObjectNode itemDone = events.add("response.output_item.done");
        itemDone.put("output_index", index);
        itemDone.set("item", functionCall(itemId, callId, toolCall.name(), toolCall.arguments(), "completed"));
    }

    private ObjectNode response(ModelReply reply, boolean finished) {
        ObjectNode r = Json.object();
        r.put("id", id);
        r.put("object", "response");
        r.put("created_at", created);
        r.put("status", !finished ? "in_progress" : incomplete(reply) ? "incomplete" : "completed");
        r.put("background", false);
        r.putNull("error");
        if (finished && incomplete(reply)) {
            r.putObject("incomplete_details").put("reason",
                    reply.finishReason() == FinishReason.LENGTH ? "max_output_tokens" : "content_filter");
        } else {
            r.putNull("incomplete_details");
        }
        r.set("instructions", body.path("instructions").isTextual() ? body.get("instructions") : null);
        r.set("max_output_tokens", body.has("max_output_tokens") ? body.get("max_output_tokens") : null);
        r.put("model", model);
        ArrayNode output = r.putArray("output");
        if (finished) {
            output(reply, output);
        }
        r.put("parallel_tool_calls", body.path("parallel_tool_calls").asBoolean(true));
        r.set("previous_response_id", body.path("previous_response_id").isTextual()
                ? body.get("previous_response_id") : null);
        ObjectNode reasoning = r.putObject("reasoning");
        reasoning.set("effort", body.path("reasoning").path("effort").isTextual()
                ? body.get("reasoning").get("effort") : null);
        reasoning.putNull("summary");
        r.put("service_tier", "default");
        r.put("store", body.path("store").asBoolean(true));
        r.set("temperature", body.path("temperature").isNumber() ? body.get("temperature")
                : DoubleNode.valueOf(1.0));
        if (body.path("text").path("format").isObject()) {
            r.putObject("text").set("format", body.get("text").get("format"));
        } else {
            r.putObject("text").putObject("format").put("type", "text");
        }
        JsonNode toolChoice = body.get("tool_choice");
        if (toolChoice != null && (toolChoice.isTextual() || toolChoice.isObject())) {
            r.set("tool_choice", toolChoice);
        } else {
            r.put("tool_choice", "auto");
        }
        r.set("tools", body.path("tools").isArray() ? body.get("tools") : Json.array());
        r.set("top_p", body.path("top_p").isNumber() ? body.get("top_p") : DoubleNode.valueOf(1.0));
        r.put("truncation", "disabled");
        if (finished) {
            ObjectNode usage = r.putObject("usage");
            usage.put("input_tokens", reply.usage().inputTokens());
            ObjectNode inputDetails = usage.putObject("input_tokens_details");
            inputDetails.put("cache_write_tokens", 0);
            inputDetails.put("cached_tokens", reply.usage().cachedTokens());
            usage.put("output_tokens", reply.usage().outputTokens());
            usage.putObject("output_tokens_details").put("reasoning_tokens", reasoningTokens(reply));
            usage.put("total_tokens", reply.usage().totalTokens());
        } else {
            r.putNull("usage");
        }
        r.putNull("user");
        r.set("metadata", body.path("metadata").isObject() ? body.get("metadata") : Json.object());
        return r;
    }

    private void output(ModelReply reply, ArrayNode output) {
        if (reply.reasoning() != null) {
            output.add(reasoning(reasoningId(), reply.reasoning()));
        }
        if (hasMessage(reply)) {
            output.add(message(messageId(), reply, messageStatus(reply)));
        }
        for (int i = 0; i < reply.toolCalls().size(); i++) {
            ToolCall call = reply.toolCalls().get(i);
            output.add(functionCall(callItemId(i), callId(call, i), call.name(), call.arguments(), "completed"));
        }
    }

    /** Returns a message item; {@code reply} null gives it no content yet. */
    private static ObjectNode message(String itemId, ModelReply reply, String status) {
        ObjectNode m = Json.object();
        m.put("id", itemId);
        m.put("type", "message");
        m.put("status", status);
        ArrayNode content = m.putArray("content");
        if (reply != null) {
            String text = text(reply);
            if (text != null) {
                content.add(outputText(text));
            }
            if (reply.refusal() != null) {
                content.add(refusal(reply.refusal()));
            }
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

    private static ObjectNode refusal(String refusal) {
        ObjectNode part = Json.object();
        part.put("type", "refusal");
        part.put("refusal", refusal);
        return part;
    }

    /** Returns a reasoning item; {@code summary} null gives it no summary yet. */
    private static ObjectNode reasoning(String itemId, String summary) {
        ObjectNode item = Json.object();
        item.put("id", itemId);
        item.put("type", "reasoning");
        ArrayNode parts = item.putArray("summary");
        if (summary != null) {
            parts.add(summaryText(summary));
        }
        return item;
    }

    private static ObjectNode summaryText(String text) {
        ObjectNode part = Json.object();
        part.put("type", "summary_text");
        part.put("text", text);
        return part;
    }

    private static ObjectNode functionCall(String itemId, String callId, String name, String arguments,
                                           String status) {
        ObjectNode item = Json.object();
        item.put("id", itemId);
        item.put("type", "function_call");
        item.put("status", status);
        item.put("arguments", arguments);
        item.put("call_id", callId);
        item.put("name", name);
        return item;
    }

    private static ObjectNode located(ObjectNode event, String itemId, int outputIndex, int contentIndex) {
        event.put("item_id", itemId);
        event.put("output_index", outputIndex);
        event.put("content_index", contentIndex);
        return event;
    }

    private static ObjectNode summaryLocated(ObjectNode event, String itemId, int outputIndex) {
        event.put("item_id", itemId);
        event.put("output_index", outputIndex);
        event.put("summary_index", 0);
        return event;
    }

    private static void summaryPart(ObjectNode event, String itemId, int outputIndex, String text) {
        summaryLocated(event, itemId, outputIndex).set("part", summaryText(text));
    }

    /** Returns the output text: the text parts joined, then the JSON; null when the reply has neither. */
    private static String text(ModelReply reply) {
        if (reply.json() == null) {
            return reply.text().isEmpty() ? null : reply.joinedText();
        }
        return reply.text().isEmpty() ? reply.json() : reply.joinedText() + reply.json();
    }

    private static boolean hasMessage(ModelReply reply) {
        return text(reply) != null || reply.refusal() != null;
    }

    /** A reply is incomplete when the output limit cut it, or a content filter stopped it without a refusal. */
    private static boolean incomplete(ModelReply reply) {
        return reply.finishReason() == FinishReason.LENGTH
                || reply.finishReason() == FinishReason.CONTENT_FILTER && reply.refusal() == null;
    }

    private static String messageStatus(ModelReply reply) {
        return incomplete(reply) ? "incomplete" : "completed";
    }

    /** Reasoning tokens are part of the output tokens: the reasoning's count, at most all of them. */
    private static int reasoningTokens(ModelReply reply) {
        return reply.reasoning() == null ? 0
                : Math.min(Tokens.count(reply.reasoning()), reply.usage().outputTokens());
    }

    private String messageId() {
        return "msg_" + Ids.hex(request, "msg", ITEM_ID_LENGTH);
    }

    private String reasoningId() {
        return "rs_" + Ids.hex(request, "rs", ITEM_ID_LENGTH);
    }

    private String callItemId(int index) {
        return "fc_" + Ids.hex(request, "fc_" + index, ITEM_ID_LENGTH);
    }

    private String callId(ToolCall call, int index) {
        return call.id() != null ? call.id() : "call_" + Ids.alphanumeric(request, "call_" + index, CALL_ID_LENGTH);
    }

    /** The events of a stream, numbered in order. */
    private static final class Events {
        private final List<ObjectNode> payloads = new ArrayList<>();

        /** Adds an event of this type and returns its payload, to be filled before {@link #sse()}. */
        ObjectNode add(String type) {
            ObjectNode e = Json.object();
            e.put("type", type);
            e.put("sequence_number", payloads.size());
            payloads.add(e);
            return e;
        }

        /** Returns the events as sent, each named after its type. */
        List<SseEvent> sse() {
            List<SseEvent> out = new ArrayList<>(payloads.size());
            for (ObjectNode e : payloads) {
                out.add(Replies.named(e.get("type").textValue(), e));
            }
            return out;
        }
    }
}
