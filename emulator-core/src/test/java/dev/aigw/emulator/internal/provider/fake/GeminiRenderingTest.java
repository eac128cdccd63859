package dev.aigw.emulator.internal.provider.fake;

import static dev.aigw.emulator.internal.provider.fake.FakeRequests.data;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.json;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.post;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.request;
import static dev.aigw.emulator.testsupport.ProviderShapes.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.reply.ReplyBook;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Model replies rendered by the Gemini fake, compared with the documented shapes under fixtures/gemini. */
class GeminiRenderingTest {

    private static final String PATH = "/v1beta/models/gemini-2.5-flash:generateContent";
    private static final String STREAM_PATH = "/v1beta/models/gemini-2.5-flash:streamGenerateContent";
    private static final String BODY = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Weather in Paris?\"}]}],"
            + "\"tools\":[{\"functionDeclarations\":[{\"name\":\"get_weather\",\"parameters\":{\"type\":\"OBJECT\","
            + "\"properties\":{\"location\":{\"type\":\"STRING\"}}}}]}]}";

    private final FakeProvider google = new RegisteredFakes().forSlug("google-ai-studio").orElseThrow();

    private static ReplyBook answering(ModelReply reply) {
        ReplyBook book = new ReplyBook();
        book.add(ReplyRule.builder("r").reply(reply).build());
        return book;
    }

    private JsonNode generate(ModelReply reply) {
        UpstreamReply answer = google.answer(post("google-ai-studio", PATH, BODY), answering(reply));
        assertThat(answer.status()).isEqualTo(200);
        return json(answer);
    }

    private List<JsonNode> stream(ModelReply reply) {
        return data(google.answer(request("google-ai-studio", "POST", STREAM_PATH, "alt=sse", BODY),
                answering(reply)));
    }

    @Test
    void textHasTheDocumentedShape() {
        JsonNode body = generate(ModelReply.builder().text("It is ", "sunny.").usage(TokenUsage.of(5, 3)).build());

        assertSameShape("gemini/text.json", body);
        assertThat(body.at("/candidates/0/content/parts/0/text").asText()).isEqualTo("It is ");
        assertThat(body.at("/candidates/0/content/parts/1/text").asText()).isEqualTo("sunny.");
        assertThat(body.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
        assertThat(body.at("/usageMetadata/promptTokenCount").asInt()).isEqualTo(5);
        assertThat(body.at("/usageMetadata/candidatesTokenCount").asInt()).isEqualTo(3);
        assertThat(body.at("/usageMetadata/totalTokenCount").asInt()).isEqualTo(8);
        assertThat(body.get("modelVersion").asText()).isEqualTo("gemini-2.5-flash");
    }

    @Test
    void aToolCallIsAFunctionCallPartWithoutIdAndFinishesWithStop() {
        JsonNode body = generate(ModelReply.toolCall("get_weather", "{\"location\":\"Paris\"}"));

        assertSameShape("gemini/function-call.json", body);
        JsonNode call = body.at("/candidates/0/content/parts/0/functionCall");
        assertThat(call.get("name").asText()).isEqualTo("get_weather");
        assertThat(call.get("args").get("location").asText()).isEqualTo("Paris");
        assertThat(call.has("id")).isFalse();
        assertThat(body.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
    }

    @Test
    void aToolCallIdGivenByTheRuleIsSentAndSeveralCallsKeepTheirOrder() {
        JsonNode body = generate(ModelReply.builder().toolCall(new ToolCall("fc-1", "get_weather", "{\"location\":\"A\"}"))
                .toolCall("get_weather", "{\"location\":\"B\"}").build());

        JsonNode parts = body.at("/candidates/0/content/parts");
        assertThat(parts).hasSize(2);
        assertThat(parts.at("/0/functionCall/id").asText()).isEqualTo("fc-1");
        assertThat(parts.at("/1/functionCall/args/location").asText()).isEqualTo("B");
        assertThat(parts.at("/1/functionCall").has("id")).isFalse();
    }

    @Test
    void reasoningIsAThoughtPartWithThoughtsTokensAndCachedTokensAreReported() {
        JsonNode body = generate(ModelReply.builder().reasoning("The user wants the razor.").text("Simplest wins.")
                .usage(new TokenUsage(14, 17, 4)).build());

        assertSameShape("gemini/thinking.json", body);
        assertThat(body.at("/candidates/0/content/parts/0/thought").asBoolean()).isTrue();
        assertThat(body.at("/candidates/0/content/parts/0/text").asText()).isEqualTo("The user wants the razor.");
        assertThat(body.at("/candidates/0/content/parts/1").has("thought")).isFalse();
        assertThat(body.at("/usageMetadata/cachedContentTokenCount").asInt()).isEqualTo(4);
        assertThat(body.at("/usageMetadata/thoughtsTokenCount").asInt()).isEqualTo(7);
        assertThat(body.at("/usageMetadata/totalTokenCount").asInt()).isEqualTo(14 + 17 + 7);
    }

    @Test
    void aRefusalStopsWithSafetyAndItsMessage() {
        JsonNode body = generate(ModelReply.builder().refusal("I can't help with that.").usage(TokenUsage.of(9, 0))
                .build());

        assertSameShape("gemini/safety.json", body);
        assertThat(body.at("/candidates/0/finishReason").asText()).isEqualTo("SAFETY");
        assertThat(body.at("/candidates/0/finishMessage").asText()).isEqualTo("I can't help with that.");
    }

    @Test
    void structuredOutputIsTheTextAndLengthIsMaxTokens() {
        JsonNode body = generate(ModelReply.builder().json("{\"city\":\"Paris\"}").finishReason(FinishReason.LENGTH)
                .build());

        assertThat(body.at("/candidates/0/content/parts/0/text").asText()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(body.at("/candidates/0/finishReason").asText()).isEqualTo("MAX_TOKENS");
    }

    @Test
    void aStreamSendsWordsThenTheWholeCallAndEndsWithFinishAndUsage() {
        List<JsonNode> chunks = stream(ModelReply.builder().reasoning("Need weather.").text("Checking now.")
                .toolCall("get_weather", "{\"location\":\"Paris\"}").build());

        assertThat(chunks).hasSize(5);
        chunks.subList(2, 4).forEach(c -> assertSameShape("gemini/stream-chunk.json", c));
        assertThat(chunks.subList(0, 2)).allSatisfy(c ->
                assertThat(c.at("/candidates/0/content/parts/0/thought").asBoolean()).isTrue());
        assertThat(chunks.subList(2, 4).stream().map(c -> c.at("/candidates/0/content/parts/0/text").asText())
                .collect(Collectors.joining())).isEqualTo("Checking now.");
        JsonNode last = chunks.get(4);
        assertThat(last.at("/candidates/0/content/parts/0/functionCall/args/location").asText()).isEqualTo("Paris");
        assertThat(last.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
        assertThat(last.at("/usageMetadata/thoughtsTokenCount").asInt()).isPositive();
        assertThat(chunks.get(0).get("responseId")).isEqualTo(last.get("responseId"));
    }

    @Test
    void aTextStreamEndsWithTheDocumentedLastChunk() {
        List<JsonNode> chunks = stream(ModelReply.text("Once upon a time."));

        assertThat(chunks).hasSize(4);
        assertSameShape("gemini/stream-chunk.json", chunks.get(0));
        assertSameShape("gemini/stream-last-chunk.json", chunks.get(3));
    }

    @Test
    void aStreamedRefusalIsOneChunkWithoutContent() {
        List<JsonNode> chunks = stream(ModelReply.refusal("No."));

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.at("/candidates/0").has("content")).isFalse();
            assertThat(c.at("/candidates/0/finishReason").asText()).isEqualTo("SAFETY");
        });
    }

    @Test
    void strictModeWithoutAMatchingRuleIsGooglesInvalidArgument() {
        ReplyBook book = new ReplyBook();
        book.strict(true);

        UpstreamReply reply = google.answer(post("google-ai-studio", PATH, BODY), book);

        assertThat(reply.status()).isEqualTo(400);
        assertSameShape("gemini/error-400.json", json(reply));
        assertThat(json(reply).at("/error/message").asText()).startsWith("strict replies: no reply rule matches");
    }

    @Test
    void aRuleMatchesTheToolOfferedInGeminisFormAndGeneratesNoIdForVertex() {
        ReplyBook book = new ReplyBook();
        book.add(ReplyRule.builder("weather").offersTool("get_weather").lastUserMessageContains("Paris")
                .reply(ModelReply.toolCall("get_weather", "{\"location\":\"Paris\"}")).build());
        FakeProvider vertex = new RegisteredFakes().forSlug("google-vertex-ai").orElseThrow();

        JsonNode body = json(vertex.answer(post("google-vertex-ai", "/v1/projects/p/locations/us-central1/publishers/"
                + "google/models/gemini-2.5-pro:generateContent", BODY), book));

        assertThat(body.at("/candidates/0/content/parts/0/functionCall/name").asText()).isEqualTo("get_weather");
        assertThat(body.get("modelVersion").asText()).isEqualTo("gemini-2.5-pro");
    }

    @Test
    void theEchoStaysWhenNoRuleMatches() {
        JsonNode body = json(google.answer(post("google-ai-studio", PATH, BODY), new ReplyBook()));

        assertSameShape("gemini/text.json", body);
        assertThat(body.at("/candidates/0/content/parts/0/text").asText())
                .isEqualTo("Emulated reply from gemini-2.5-flash to: Weather in Paris?");
    }
}
