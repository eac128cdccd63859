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

class GoogleCompatTest {

    private static final String CHAT = "{\"model\":\"google-ai-studio/gemini-2.5-flash\",\"messages\":["
            + "{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Why?\"}]}";

    @Test
    void requestMapsContentsSystemInstructionGenerationConfigAndTools() {
        CompatTranslation.Target target = target("google-ai-studio", "gemini-2.5-flash", json(
                "{\"temperature\":0.2,\"top_p\":0.5,\"max_tokens\":100,\"stop\":[\"x\"],\"n\":1,\"seed\":7,"
                + "\"response_format\":{\"type\":\"json_object\"},\"tool_choice\":\"auto\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Look\"},{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"data:image/jpeg;base64,BBBB\"}}]},"
                + "{\"role\":\"assistant\",\"content\":\"Calling.\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"snow\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"weather\",\"parameters\":{\"type\":\"object\"}}}]}"));

        assertThat(target.path()).isEqualTo("v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(target.query()).isEmpty();
        assertThat(json(target.body())).isEqualTo(json("{\"contents\":["
                + "{\"role\":\"user\",\"parts\":[{\"text\":\"Look\"},{\"inlineData\":{\"mimeType\":\"image/jpeg\","
                + "\"data\":\"BBBB\"}}]},"
                + "{\"role\":\"model\",\"parts\":[{\"text\":\"Calling.\"},{\"functionCall\":{\"name\":\"weather\","
                + "\"args\":{\"city\":\"Oslo\"}}}]},"
                + "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"weather\",\"response\":"
                + "{\"content\":\"snow\"}}}]}],"
                + "\"systemInstruction\":{\"parts\":[{\"text\":\"Be brief.\"}]},"
                + "\"generationConfig\":{\"temperature\":0.2,\"topP\":0.5,\"maxOutputTokens\":100,\"candidateCount\":1,"
                + "\"seed\":7,\"stopSequences\":[\"x\"],\"responseMimeType\":\"application/json\"},"
                + "\"tools\":[{\"functionDeclarations\":[{\"name\":\"weather\",\"parametersJsonSchema\":{\"type\":\"object\"}}]}],"
                + "\"toolConfig\":{\"functionCallingConfig\":{\"mode\":\"AUTO\"}}}"));
        assertThat(target.upstreamHeaders("g")).containsEntry("x-goog-api-key", "g");
    }

    @Test
    void streamingTargetsStreamGenerateContentWithAltSse() {
        CompatTranslation.Target target = target("google-ai-studio", "models/gemini-2.5-flash",
                json("{\"stream\":true,\"messages\":[]}"));

        assertThat(target.path()).isEqualTo("v1beta/models/gemini-2.5-flash:streamGenerateContent");
        assertThat(target.query()).isEqualTo("alt=sse");
        assertThat(json(target.body()).has("stream")).isFalse();
    }

    @Test
    void fakeAnswerComesBackAsAChatCompletion() {
        CompatTranslation.Target target = target("google-ai-studio", "gemini-2.5-flash", json(CHAT));
        UpstreamReply nativeReply = callFake(target, "/");
        assertThat(nativeReply.status()).isEqualTo(200);

        JsonNode completion = body(CompatTranslation.toOpenAi(target, nativeReply, NOW));

        JsonNode nativeBody = body(nativeReply);
        assertThat(completion.get("id").asText()).isEqualTo("chatcmpl-" + nativeBody.get("responseId").asText());
        assertThat(completion.get("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.get("model").asText()).isEqualTo("gemini-2.5-flash");
        assertThat(completion.at("/choices/0/message/content").asText())
                .isEqualTo("Emulated reply from gemini-2.5-flash to: Why?");
        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(completion.at("/usage/prompt_tokens").asInt())
                .isEqualTo(nativeBody.at("/usageMetadata/promptTokenCount").asInt());
        assertThat(completion.at("/usage/completion_tokens").asInt())
                .isEqualTo(nativeBody.at("/usageMetadata/candidatesTokenCount").asInt());
    }

    @Test
    void finishReasonsAndFunctionCallsMap() {
        CompatTranslation.Target target = target("google-ai-studio", "g", json("{\"messages\":[]}"));
        String nativeBody = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"thinking\","
                + "\"thought\":true},{\"functionCall\":{\"name\":\"weather\",\"args\":{\"city\":\"Oslo\"}}}]},"
                + "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":4,"
                + "\"candidatesTokenCount\":3,\"thoughtsTokenCount\":2,\"totalTokenCount\":9}}";
        JsonNode completion = body(CompatTranslation.toOpenAi(target, new UpstreamReply(200, Map.of(),
                new UpstreamReply.Full(nativeBody.getBytes(StandardCharsets.UTF_8))), NOW));

        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(completion.at("/choices/0/message/content").isNull()).isTrue();
        assertThat(completion.at("/choices/0/message/tool_calls/0/function/name").asText()).isEqualTo("weather");
        assertThat(completion.at("/choices/0/message/tool_calls/0/function/arguments").asText())
                .isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(completion.at("/usage/completion_tokens").asInt()).isEqualTo(5);
        assertThat(completion.get("model").asText()).isEqualTo("g");
        assertThat(GoogleCompat.finishReason("MAX_TOKENS", false)).isEqualTo("length");
        assertThat(GoogleCompat.finishReason("SAFETY", false)).isEqualTo("content_filter");
    }

    @Test
    void fakeStreamComesBackAsChunksEndingWithUsageAndDone() {
        CompatTranslation.Target target = target("google-ai-studio", "gemini-2.5-flash", json(
                CHAT.replace("{\"model\"", "{\"stream\":true,\"stream_options\":{\"include_usage\":true},\"model\"")));
        UpstreamReply nativeReply = callFake(target, "/");
        assertThat(nativeReply.body()).isInstanceOf(UpstreamReply.Stream.class);

        UpstreamReply reply = CompatTranslation.toOpenAi(target, nativeReply, NOW);

        List<SseEvent> events = events(reply);
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        List<JsonNode> chunks = chunks(reply);
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        String text = chunks.stream().map(c -> c.at("/choices/0/delta/content").asText(""))
                .collect(Collectors.joining());
        assertThat(text).isEqualTo("Emulated reply from gemini-2.5-flash to: Why?");
        assertThat(chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.get("choices")).isEmpty();
        assertThat(usage.at("/usage/total_tokens").asInt()).isEqualTo(
                usage.at("/usage/prompt_tokens").asInt() + usage.at("/usage/completion_tokens").asInt());
        assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(12); // 45 characters
    }

    @Test
    void streamWithoutUsageRequestEndsWithFinishThenDone() {
        CompatTranslation.Target target = target("google-ai-studio", "gemini-2.5-flash", json(
                CHAT.replace("{\"model\"", "{\"stream\":true,\"model\"")));
        UpstreamReply reply = CompatTranslation.toOpenAi(target, callFake(target, "/"), NOW);

        List<JsonNode> chunks = chunks(reply);
        assertThat(chunks.get(chunks.size() - 1).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(chunks).allSatisfy(c -> assertThat(c.has("usage")).isFalse());
    }

    @Test
    void aSafetyStopsFinishMessageIsTheRefusalWholeAndStreamed() {
        CompatTranslation.Target target = target("google-ai-studio", "g", json("{\"messages\":[]}"));
        String nativeBody = "{\"candidates\":[{\"finishReason\":\"SAFETY\",\"finishMessage\":\"Not that.\","
                + "\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":4,\"candidatesTokenCount\":0,"
                + "\"totalTokenCount\":4}}";
        JsonNode completion = body(CompatTranslation.toOpenAi(target, new UpstreamReply(200, Map.of(),
                new UpstreamReply.Full(nativeBody.getBytes(StandardCharsets.UTF_8))), NOW));

        assertThat(completion.at("/choices/0/message/refusal").asText()).isEqualTo("Not that.");
        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("content_filter");

        GoogleStream stream = new GoogleStream(new ChunkWriter(false, 0, "id", "g"));
        List<SseEvent> events = stream.onEvent(new SseEvent(null, nativeBody));
        assertThat(events).extracting(SseEvent::data).anySatisfy(d -> assertThat(d).contains("\"refusal\":\"Not that.\""))
                .last().satisfies(d -> assertThat(d).contains("\"finish_reason\":\"content_filter\""));
    }
}
