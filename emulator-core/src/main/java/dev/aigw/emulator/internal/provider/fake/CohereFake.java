package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.provider.dialect.CohereReader;
import dev.aigw.emulator.internal.reply.Decision;
import dev.aigw.emulator.internal.reply.ReplySource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fakes Cohere's chat: {@code POST .../v2/chat} (a chat response with {@code message.content[]},
 * {@code finish_reason} {@code COMPLETE} or {@code MAX_TOKENS} and {@code usage}; streamed as the named
 * events {@code message-start}, {@code content-start}, one {@code content-delta} per word,
 * {@code content-end}, {@code message-end}), {@code POST .../v1/chat} (v1's {@code text} response; streamed
 * as newline-delimited JSON in one body, as v1 does) and {@code .../compatibility/v1/chat/completions} in
 * OpenAI's shapes. Errors are {@code {"id","message"}}. What v2 chat says is decided by the reply source on the
 * request read by {@link CohereReader} and rendered by {@link CohereRendering} (tool plan, tool calls, thinking);
 * a refusal to answer is a 400 error.
 */
final class CohereFake implements FakeProvider {

    private final OpenAiFake compatibility = new OpenAiFake("cohere", EnumSet.of(
            OpenAiEndpoint.CHAT_COMPLETIONS, OpenAiEndpoint.EMBEDDINGS), List.of());

    @Override
    public UpstreamReply answer(UpstreamRequest request, ReplySource replies) {
        String path = Replies.path(request);
        if (path.contains("/compatibility/")) {
            return compatibility.answer(request, replies);
        }
        boolean v2 = path.endsWith("/v2/chat");
        if (!request.method().equalsIgnoreCase("POST") || !(v2 || path.endsWith("/v1/chat"))) {
            return error(request, 404, "The emulator's fake 'cohere' provider answers POST /v2/chat, POST /v1/chat "
                    + "and .../compatibility/v1/chat/completions; for " + request.method() + " " + request.path()
                    + " configure a real upstream, e.g. " + NoFakeYet.builderHint("cohere"));
        }
        Optional<ObjectNode> parsed = Replies.object(request);
        if (parsed.isEmpty()) {
            return error(request, 400, "invalid request: the body is not a JSON object");
        }
        ObjectNode body = parsed.get();
        String model = Replies.text(body, "model", v2 ? null : "command-r");
        if (model == null) {
            return error(request, 400, "invalid request: model must be specified");
        }
        JsonNode messages = body.get("messages");
        if (v2 && (messages == null || !messages.isArray())) {
            return error(request, 400, "invalid request: messages must be specified");
        }
        if (!v2 && !body.path("message").isTextual()) {
            return error(request, 400, "invalid request: message must be a string");
        }
        String id = uuid(request, "id");
        boolean stream = body.path("stream").asBoolean(false);
        if (v2) {
            return v2(request, replies, body, model, id, stream);
        }
        Completion c = Completion.of(model, body.get("message").textValue(), body.get("message").textValue()
                + "\n" + Replies.text(body, "preamble", ""), Replies.positiveInt(body, "max_tokens"));
        return v1(request, c, id, c.truncated() ? "MAX_TOKENS" : "COMPLETE", stream);
    }

    /** Answers Cohere's {@code {"id","message"}} error for a status. */
    @Override
    public UpstreamReply error(int status, UpstreamRequest request) {
        switch (status) {
            case 401: return error(request, 401, "invalid api token");
            case 404: return error(request, 404, "model not found");
            case 429: return error(request, 429, "You are past the per minute request limit, please wait and try "
                    + "again later.");
            case 500: return error(request, 500, "internal server error, this has been reported to our developers");
            case 503: return error(request, 503, "service unavailable");
            default:
                return status < 400 ? answer(request) : error(request, status, "request failed with status " + status);
        }
    }

    private static UpstreamReply v2(UpstreamRequest request, ReplySource replies, ObjectNode body, String model,
                                    String id, boolean stream) {
        JsonNode messages = body.get("messages");
        Conversation conversation = CohereReader.read(body, model);
        Decision decision = replies.decide(request.provider(), request.now(), conversation, request.tags(), () ->
                Completion.of(model, OpenAiChat.lastUserText(messages), OpenAiChat.promptText(messages),
                        Replies.positiveInt(body, "max_tokens")).echo());
        if (decision instanceof Decision.Refuse refuse) {
            return error(request, 400, refuse.message());
        }
        ModelReply reply = ((Decision.Answer) decision).reply();
        List<String> callIds = new ArrayList<>();
        for (int i = 0; i < reply.toolCalls().size(); i++) {
            callIds.add(reply.toolCalls().get(i).name() + "_" + Ids.hex(request, "tool_call_" + i, 12));
        }
        CohereRendering rendering = new CohereRendering(callIds);
        return stream ? Replies.sse(rendering.events(id, reply), Map.of())
                : Replies.json(200, rendering.response(id, reply), Map.of());
    }

    private static UpstreamReply v1(UpstreamRequest request, Completion c, String id, String finish, boolean stream) {
        ObjectNode answer = Json.object();
        answer.put("response_id", id);
        answer.put("text", c.text());
        answer.put("generation_id", uuid(request, "generation_id"));
        answer.set("chat_history", Json.array());
        answer.put("finish_reason", finish);
        ObjectNode meta = answer.putObject("meta");
        meta.putObject("api_version").put("version", "1");
        ObjectNode usage = usage(c);
        meta.set("billed_units", usage.get("billed_units"));
        meta.set("tokens", usage.get("tokens"));
        if (!stream) {
            return Replies.json(200, answer, Map.of());
        }
        StringBuilder lines = new StringBuilder();
        lines.append(Json.text(Json.object().put("is_finished", false).put("event_type", "stream-start")
                .put("generation_id", answer.get("generation_id").textValue()))).append('\n');
        for (String piece : c.pieces()) {
            lines.append(Json.text(Json.object().put("is_finished", false).put("event_type", "text-generation")
                    .put("text", piece))).append('\n');
        }
        ObjectNode end = Json.object().put("is_finished", true).put("event_type", "stream-end")
                .put("finish_reason", finish);
        end.set("response", answer);
        lines.append(Json.text(end)).append('\n');
        return new UpstreamReply(200, Map.of("content-type", "application/stream+json"),
                new UpstreamReply.Full(lines.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static ObjectNode usage(Completion c) {
        ObjectNode usage = Json.object();
        usage.putObject("billed_units").put("input_tokens", c.inputTokens()).put("output_tokens", c.outputTokens());
        usage.putObject("tokens").put("input_tokens", c.inputTokens()).put("output_tokens", c.outputTokens());
        return usage;
    }

    private static String uuid(UpstreamRequest request, String salt) {
        String h = Ids.hex(request, salt, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    private static UpstreamReply error(UpstreamRequest request, int status, String message) {
        return Replies.json(status, Json.object().put("id", uuid(request, "error")).put("message", message), Map.of());
    }
}
