package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.OpenAiChatFormat;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.util.BoundedMemo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a complete {@link ModelReply} as OpenAI Chat Completions does, with {@link OpenAiChatFormat}'s builders:
 * a {@code chat.completion} whose message carries the content (text parts joined, then structured output JSON),
 * {@code tool_calls} (content null when the reply only calls tools) and {@code refusal}; or a stream of
 * {@code chat.completion.chunk}s: a role chunk, one content chunk per word, refusal chunks, each tool call as a
 * chunk with its id, type and name and then its arguments in two or three pieces, the finish chunk, a usage chunk
 * when the client asked for one, and {@code data: [DONE]}. Tool call ids not given by the reply are
 * {@code call_} and 24 letters and digits derived from the request.
 */
final class OpenAiChatRendering {

    private static final int CALL_ID_LENGTH = 24;
    private static final BoundedMemo<String> FINGERPRINTS = new BoundedMemo<>(256, m -> "fp_" + Ids.hex(m, 10));

    private final UpstreamRequest request;
    private final String id;
    private final long created;
    private final String model;
    private final String fingerprint;

    /** Prepares the rendering of an answer to this request for this model. */
    OpenAiChatRendering(UpstreamRequest request, String model) {
        this.request = request;
        this.id = "chatcmpl-" + Ids.alphanumeric(request, "chatcmpl", 29);
        this.created = request.now().getEpochSecond();
        this.model = model;
        this.fingerprint = FINGERPRINTS.get(model);
    }

    /** Renders the reply as one {@code chat.completion}. */
    UpstreamReply completion(ModelReply reply, Map<String, String> headers) {
        ArrayNode calls = null;
        if (!reply.toolCalls().isEmpty()) {
            calls = Json.array();
            for (int i = 0; i < reply.toolCalls().size(); i++) {
                ToolCall call = reply.toolCalls().get(i);
                calls.add(OpenAiChatFormat.toolCall(callId(call, i), call.name(), call.arguments()));
            }
        }
        String content = content(reply);
        ObjectNode message = calls == null && reply.refusal() == null
                ? OpenAiChatFormat.message(content)
                : OpenAiChatFormat.message(content, calls, reply.refusal());
        ObjectNode completion = OpenAiChatFormat.completion(id, created, model, message,
                OpenAiChatFormat.finishReason(reply.finishReason()), usage(reply));
        completion.put("service_tier", "default");
        completion.put("system_fingerprint", fingerprint);
        return Replies.json(200, completion, headers);
    }

    /** Renders the reply as a stream of chunks, ending with a usage chunk when {@code includeUsage}. */
    UpstreamReply stream(ModelReply reply, boolean includeUsage, Map<String, String> headers) {
        String content = content(reply);
        List<SseEvent> events = new ArrayList<>();
        events.add(chunk(content == null ? OpenAiChatFormat.roleDelta(null) : OpenAiChatFormat.roleDelta(), null,
                includeUsage));
        if (content != null) {
            for (String piece : FakeText.pieces(content)) {
                events.add(chunk(OpenAiChatFormat.contentDelta(piece), null, includeUsage));
            }
        }
        if (reply.refusal() != null) {
            for (String piece : FakeText.pieces(reply.refusal())) {
                events.add(chunk(OpenAiChatFormat.refusalDelta(piece), null, includeUsage));
            }
        }
        for (int i = 0; i < reply.toolCalls().size(); i++) {
            ToolCall call = reply.toolCalls().get(i);
            events.add(chunk(OpenAiChatFormat.toolCallStartDelta(i, callId(call, i), call.name()), null,
                    includeUsage));
            for (String piece : ArgumentPieces.of(call.arguments())) {
                events.add(chunk(OpenAiChatFormat.toolCallArgumentsDelta(i, piece), null, includeUsage));
            }
        }
        events.add(chunk(Json.object(), OpenAiChatFormat.finishReason(reply.finishReason()), includeUsage));
        if (includeUsage) {
            ObjectNode last = OpenAiChatFormat.usageChunk(id, created, model, usage(reply));
            last.put("service_tier", "default");
            last.put("system_fingerprint", fingerprint);
            events.add(Replies.data(last));
        }
        events.add(OpenAiChatFormat.done());
        return Replies.sse(events, headers);
    }

    /** Returns the message content: the text parts joined, then the JSON; null when the reply has neither. */
    private static String content(ModelReply reply) {
        if (reply.json() == null) {
            return reply.text().isEmpty() ? null : reply.joinedText();
        }
        return reply.text().isEmpty() ? reply.json() : reply.joinedText() + reply.json();
    }

    private static ObjectNode usage(ModelReply reply) {
        return OpenAiChatFormat.usage(reply.usage().inputTokens(), reply.usage().outputTokens(),
                reply.usage().cachedTokens());
    }

    private String callId(ToolCall call, int index) {
        return call.id() != null ? call.id() : "call_" + Ids.alphanumeric(request, "call_" + index, CALL_ID_LENGTH);
    }

    private SseEvent chunk(ObjectNode delta, String finish, boolean usageNull) {
        ObjectNode chunk = OpenAiChatFormat.chunk(id, created, model, delta, finish, usageNull);
        chunk.put("service_tier", "default");
        chunk.put("system_fingerprint", fingerprint);
        return Replies.data(chunk);
    }
}
