package dev.aigw.emulator.internal.provider.compat;

import static dev.aigw.emulator.internal.provider.compat.CompatTranslationTest.NOW;
import static dev.aigw.emulator.internal.provider.compat.CompatTranslationTest.body;
import static dev.aigw.emulator.internal.provider.compat.CompatTranslationTest.callFake;
import static dev.aigw.emulator.internal.provider.compat.CompatTranslationTest.chunks;
import static dev.aigw.emulator.internal.provider.compat.CompatTranslationTest.events;
import static dev.aigw.emulator.internal.provider.compat.CompatTranslationTest.json;
import static dev.aigw.emulator.internal.provider.compat.CompatTranslationTest.target;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AnthropicCompatTest {

    private static final String CHAT = "{\"model\":\"anthropic/claude-sonnet-4-5\",\"messages\":["
            + "{\"role\":\"system\",\"content\":\"Be brief.\"},"
            + "{\"role\":\"user\",\"content\":\"What is the weather?\"}]}";

    @Test
    void requestMapsSystemMessagesToolsAndDefaults() {
        CompatTranslation.Target target = target("anthropic", "claude-sonnet-4-5", json(
                "{\"model\":\"anthropic/claude-sonnet-4-5\",\"temperature\":1.5,\"top_p\":0.9,\"stop\":\"END\","
                + "\"user\":\"u1\",\"tool_choice\":\"required\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"developer\",\"content\":\"Use tools.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Look\"},{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"data:image/png;base64,AAAA\"}}]},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"sunny\"},"
                + "{\"role\":\"user\",\"content\":\"Thanks\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"weather\",\"description\":\"Weather\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}]}"));

        assertThat(target.path()).isEqualTo("v1/messages");
        assertThat(target.query()).isEmpty();
        assertThat(target.stream()).isFalse();
        assertThat(json(target.body())).isEqualTo(json("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":4096,"
                + "\"system\":\"Be brief.\\n\\nUse tools.\",\"messages\":["
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Look\"},{\"type\":\"image\","
                + "\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"AAAA\"}}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"weather\","
                + "\"input\":{\"city\":\"Paris\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\","
                + "\"content\":\"sunny\"},{\"type\":\"text\",\"text\":\"Thanks\"}]}],"
                + "\"temperature\":1.0,\"top_p\":0.9,\"stop_sequences\":[\"END\"],\"metadata\":{\"user_id\":\"u1\"},"
                + "\"tools\":[{\"name\":\"weather\",\"description\":\"Weather\",\"input_schema\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"}}}}],\"tool_choice\":{\"type\":\"any\"}}"));
        assertThat(target.upstreamHeaders("key")).containsEntry("x-api-key", "key")
                .containsEntry("anthropic-version", "2023-06-01").doesNotContainKey("authorization");
    }

    @Test
    void aJsonSchemaResponseFormatBecomesOutputConfigAndStrictToolsStayStrict() {
        JsonNode sent = json(target("anthropic", "m", json("{\"messages\":[],\"response_format\":{\"type\":"
                + "\"json_schema\",\"json_schema\":{\"name\":\"w\",\"strict\":true,\"schema\":{\"type\":\"object\"}}},"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"strict\":true,"
                + "\"parameters\":{\"type\":\"object\"}}}]}")).body());

        assertThat(sent.get("output_config")).isEqualTo(json("{\"format\":{\"type\":\"json_schema\","
                + "\"schema\":{\"type\":\"object\"}}}"));
        assertThat(sent.at("/tools/0/strict").asBoolean()).isTrue();
        JsonNode jsonMode = json(target("anthropic", "m", json("{\"messages\":[],\"response_format\":"
                + "{\"type\":\"json_object\"}}")).body());
        assertThat(jsonMode.has("output_config")).isFalse();
    }

    @Test
    void maxCompletionTokensWinsOverMaxTokens() {
        CompatTranslation.Target target = target("anthropic", "m", json(
                "{\"max_tokens\":10,\"max_completion_tokens\":20,\"messages\":[]}"));
        assertThat(json(target.body()).get("max_tokens").asInt()).isEqualTo(20);
    }

    @Test
    void fakeMessageComesBackAsAChatCompletion() {
        CompatTranslation.Target target = target("anthropic", "claude-sonnet-4-5", json(CHAT));
        UpstreamReply nativeReply = callFake(target, "/");
        assertThat(nativeReply.status()).isEqualTo(200);

        UpstreamReply reply = CompatTranslation.toOpenAi(target, nativeReply, NOW);

        assertThat(reply.headers()).containsEntry("content-type", "application/json").containsKey("request-id");
        JsonNode completion = body(reply);
        JsonNode nativeBody = body(nativeReply);
        assertThat(completion.get("id").asText()).isEqualTo("chatcmpl-" + nativeBody.get("id").asText());
        assertThat(completion.get("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.get("created").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(completion.get("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(completion.at("/choices/0/index").asInt()).isZero();
        assertThat(completion.at("/choices/0/message/role").asText()).isEqualTo("assistant");
        assertThat(completion.at("/choices/0/message/content").asText())
                .isEqualTo("Emulated reply from claude-sonnet-4-5 to: What is the weather?");
        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(completion.at("/usage/prompt_tokens").asInt()).isEqualTo(nativeBody.at("/usage/input_tokens").asInt());
        assertThat(completion.at("/usage/completion_tokens").asInt())
                .isEqualTo(nativeBody.at("/usage/output_tokens").asInt());
        assertThat(completion.at("/usage/total_tokens").asInt()).isEqualTo(
                completion.at("/usage/prompt_tokens").asInt() + completion.at("/usage/completion_tokens").asInt());
    }

    @Test
    void toolUseAndMaxTokensMapToFinishReasons() {
        CompatTranslation.Target target = target("anthropic", "m", json("{\"messages\":[]}"));
        String nativeBody = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"Let me check.\"},{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"weather\","
                + "\"input\":{\"city\":\"Paris\"}}],\"stop_reason\":\"tool_use\",\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":10,\"cache_read_input_tokens\":5,\"cache_creation_input_tokens\":0,"
                + "\"output_tokens\":7}}";
        JsonNode completion = body(CompatTranslation.toOpenAi(target, new UpstreamReply(200, Map.of(),
                new UpstreamReply.Full(nativeBody.getBytes(StandardCharsets.UTF_8))), NOW));

        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo("Let me check.");
        JsonNode call = completion.at("/choices/0/message/tool_calls/0");
        assertThat(call.get("id").asText()).isEqualTo("toolu_1");
        assertThat(call.get("type").asText()).isEqualTo("function");
        assertThat(call.at("/function/name").asText()).isEqualTo("weather");
        assertThat(call.at("/function/arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(completion.at("/usage/prompt_tokens").asInt()).isEqualTo(15);
        assertThat(completion.at("/usage/prompt_tokens_details/cached_tokens").asInt()).isEqualTo(5);
        assertThat(AnthropicCompat.finishReason("max_tokens")).isEqualTo("length");
        assertThat(AnthropicCompat.finishReason("end_turn")).isEqualTo("stop");
        assertThat(AnthropicCompat.finishReason("refusal")).isEqualTo("content_filter");
    }

    @Test
    void fakeStreamComesBackAsChunksEndingWithUsageAndDone() {
        CompatTranslation.Target target = target("anthropic", "claude-sonnet-4-5", json(CHAT.replace(
                "{\"model\"", "{\"stream\":true,\"stream_options\":{\"include_usage\":true},\"model\"")));
        assertThat(json(target.body()).get("stream").asBoolean()).isTrue();
        assertThat(json(target.body()).has("stream_options")).isFalse();
        UpstreamReply nativeReply = callFake(target, "/");

        UpstreamReply reply = CompatTranslation.toOpenAi(target, nativeReply, NOW);

        assertThat(reply.headers()).containsEntry("content-type", "text/event-stream");
        List<SseEvent> events = events(reply);
        assertThat(events).allSatisfy(e -> assertThat(e.event()).isNull());
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        List<JsonNode> chunks = chunks(reply);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.get("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(c.get("id")).isEqualTo(chunks.get(0).get("id"));
            assertThat(c.get("model").asText()).isEqualTo("claude-sonnet-4-5");
        });
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        String text = chunks.stream().map(c -> c.at("/choices/0/delta/content").asText(""))
                .collect(Collectors.joining());
        assertThat(text).isEqualTo("Emulated reply from claude-sonnet-4-5 to: What is the weather?");
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.get("choices")).isEmpty();
        assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(16); // 62 characters
        assertThat(usage.at("/usage/prompt_tokens").asInt()).isEqualTo(8); // "Be brief.\nWhat is the weather?"
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.get("usage").isNull()).isTrue());
    }

    @Test
    void streamedToolUseBecomesToolCallDeltas() {
        CompatTranslation.Target target = target("anthropic", "m", json("{\"stream\":true,\"messages\":[]}"));
        List<SseEvent> nativeEvents = List.of(
                new SseEvent("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_9\",\"model\":\"m\","
                        + "\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}"),
                new SseEvent("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                        + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"weather\",\"input\":{}}}"),
                new SseEvent("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                        + "{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\":\"}}"),
                new SseEvent("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                        + "{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"Paris\\\"}\"}}"),
                new SseEvent("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                new SseEvent("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},"
                        + "\"usage\":{\"output_tokens\":9}}"),
                new SseEvent("message_stop", "{\"type\":\"message_stop\"}"));

        UpstreamReply reply = CompatTranslation.toOpenAi(target, new UpstreamReply(200, Map.of(),
                new UpstreamReply.Stream(nativeEvents)), NOW);

        List<JsonNode> chunks = chunks(reply);
        assertThat(chunks).hasSize(5);
        assertThat(chunks.get(0).get("id").asText()).isEqualTo("chatcmpl-msg_9");
        JsonNode first = chunks.get(1).at("/choices/0/delta/tool_calls/0");
        assertThat(first.get("index").asInt()).isZero();
        assertThat(first.get("id").asText()).isEqualTo("toolu_1");
        assertThat(first.at("/function/name").asText()).isEqualTo("weather");
        String arguments = chunks.subList(1, 4).stream()
                .map(c -> c.at("/choices/0/delta/tool_calls/0/function/arguments").asText())
                .collect(Collectors.joining());
        assertThat(arguments).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(chunks.get(4).at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(chunks).allSatisfy(c -> assertThat(c.has("usage")).isFalse());
        List<SseEvent> events = events(reply);
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    }
}
