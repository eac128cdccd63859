package dev.aigw.emulator.internal.provider.fake;

import static dev.aigw.emulator.internal.provider.fake.FakeRequests.data;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.events;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.json;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.post;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.request;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.wire;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GoogleAiStudioFakeTest {

    private static final String BODY = "{\"systemInstruction\":{\"parts\":[{\"text\":\"Be short\"}]},\"contents\":"
            + "[{\"role\":\"user\",\"parts\":[{\"text\":\"What is AI?\"}]}]}";
    private static final String REPLY = "Emulated reply from gemini-2.5-flash to: What is AI?";

    private final FakeProvider google = new RegisteredFakes().forSlug("google-ai-studio").orElseThrow();

    @Test
    void generateContentHasGeminisShape() {
        UpstreamReply reply = google.answer(post("google-ai-studio",
                "/v1beta/models/gemini-2.5-flash:generateContent", BODY));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = json(reply);
        JsonNode candidate = body.at("/candidates/0");
        assertThat(candidate.at("/content/role").asText()).isEqualTo("model");
        assertThat(candidate.at("/content/parts/0/text").asText()).isEqualTo(REPLY);
        assertThat(candidate.get("finishReason").asText()).isEqualTo("STOP");
        assertThat(candidate.get("index").asInt()).isZero();
        assertThat(body.at("/usageMetadata/promptTokenCount").asInt()).isEqualTo(5); // "Be short\nWhat is AI?"
        assertThat(body.at("/usageMetadata/candidatesTokenCount").asInt()).isEqualTo(13);
        assertThat(body.at("/usageMetadata/totalTokenCount").asInt()).isEqualTo(18);
        assertThat(body.get("modelVersion").asText()).isEqualTo("gemini-2.5-flash");
        assertThat(body.get("responseId").asText()).isNotEmpty();
        assertThat(wire(google.answer(post("google-ai-studio", "/v1beta/models/gemini-2.5-flash:generateContent",
                BODY)))).isEqualTo(wire(reply));
    }

    @Test
    void streamWithAltSseSendsDataChunksWithUsageOnTheLastAndNoDone() {
        UpstreamReply reply = google.answer(request("google-ai-studio", "POST",
                "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", BODY));

        assertThat(reply.headers().get("content-type")).isEqualTo("text/event-stream");
        assertThat(events(reply)).allSatisfy(e -> assertThat(e.event()).isNull())
                .noneMatch(e -> e.data().equals("[DONE]"));
        List<JsonNode> chunks = data(reply);
        assertThat(chunks).hasSize(8);
        String text = chunks.stream().map(c -> c.at("/candidates/0/content/parts/0/text").asText())
                .collect(Collectors.joining());
        assertThat(text).isEqualTo(REPLY);
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
        assertThat(last.at("/usageMetadata/totalTokenCount").asInt()).isEqualTo(18);
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> {
            assertThat(c.has("usageMetadata")).isFalse();
            assertThat(c.at("/candidates/0").has("finishReason")).isFalse();
        });
    }

    @Test
    void streamWithoutAltSseIsOneJsonArray() {
        UpstreamReply reply = google.answer(post("google-ai-studio",
                "/v1/models/gemini-2.5-flash:streamGenerateContent", BODY));

        JsonNode array = json(reply);
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(8);
    }

    @Test
    void maxOutputTokensReportsMaxTokens() {
        JsonNode body = json(google.answer(post("google-ai-studio", "/v1beta/models/gemini-2.5-flash:generateContent",
                BODY.replace("{\"systemInstruction\"", "{\"generationConfig\":{\"maxOutputTokens\":1},"
                        + "\"systemInstruction\""))));

        assertThat(body.at("/candidates/0/finishReason").asText()).isEqualTo("MAX_TOKENS");
        assertThat(body.at("/candidates/0/content/parts/0/text").asText()).isEqualTo("Emul");
    }

    @Test
    void badInputAndUnknownPathsGetGoogleErrors() {
        UpstreamReply noContents = google.answer(post("google-ai-studio",
                "/v1beta/models/gemini-2.5-flash:generateContent", "{}"));
        assertThat(noContents.status()).isEqualTo(400);
        assertThat(json(noContents).at("/error/status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(json(noContents).at("/error/code").asInt()).isEqualTo(400);
        assertThat(google.answer(post("google-ai-studio", "/v1beta/models/gemini-2.5-flash:generateContent", "{"))
                .status()).isEqualTo(400);
        UpstreamReply unknown = google.answer(post("google-ai-studio", "/v1beta/files", "{}"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(json(unknown).at("/error/status").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void errorsUseGoogleRpcStatuses() {
        var request = post("google-ai-studio", "/v1beta/models/gemini-2.5-flash:generateContent", BODY);
        JsonNode exhausted = json(google.error(429, request)).get("error");
        assertThat(exhausted.get("code").asInt()).isEqualTo(429);
        assertThat(exhausted.get("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(exhausted.at("/details/0/@type").asText()).isEqualTo("type.googleapis.com/google.rpc.RetryInfo");
        assertThat(json(google.error(503, request)).at("/error/status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(json(google.error(500, request)).at("/error/status").asText()).isEqualTo("INTERNAL");
        assertThat(json(google.error(504, request)).at("/error/status").asText()).isEqualTo("DEADLINE_EXCEEDED");
    }

    @Test
    void countTokensAndEmbedContent() {
        JsonNode count = json(google.answer(post("google-ai-studio", "/v1beta/models/gemini-2.5-flash:countTokens",
                BODY)));
        assertThat(count.get("totalTokens").asInt()).isEqualTo(5);
        JsonNode embedding = json(google.answer(post("google-ai-studio",
                "/v1beta/models/gemini-embedding-001:embedContent",
                "{\"content\":{\"parts\":[{\"text\":\"hello\"}]},\"outputDimensionality\":4}")));
        assertThat(embedding.at("/embedding/values")).hasSize(4);
    }

    @Test
    void vertexGeminiPathsShareTheShapes() {
        FakeProvider vertex = new RegisteredFakes().forSlug("google-vertex-ai").orElseThrow();
        JsonNode body = json(vertex.answer(post("google-vertex-ai",
                "/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-pro:generateContent", BODY)));
        assertThat(body.at("/candidates/0/content/parts/0/text").asText()).startsWith("Emulated reply from gemini-2.5-pro");
    }
}
