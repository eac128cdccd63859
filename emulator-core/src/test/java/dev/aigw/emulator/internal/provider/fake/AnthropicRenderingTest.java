package dev.aigw.emulator.internal.provider.fake;

import static dev.aigw.emulator.internal.provider.fake.FakeRequests.data;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.events;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.json;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.post;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.wire;
import static dev.aigw.emulator.internal.provider.fake.JsonShapes.assertSameShape;
import static dev.aigw.emulator.internal.provider.fake.JsonShapes.assertSameStreamShape;
import static dev.aigw.emulator.internal.provider.fake.JsonShapes.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.reply.ReplyBook;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Replies decided by rules, rendered by the Anthropic fake in the documented shapes (fixtures/anthropic). */
class AnthropicRenderingTest {

    private static final String ASK = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,"
            + "\"tools\":[{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\","
            + "\"properties\":{\"location\":{\"type\":\"string\"}}}}],"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"What is the weather like in San Francisco?\"}]}";
    private static final String STREAM = ASK.replace("{\"model\"", "{\"stream\":true,\"model\"");
    private static final ModelReply TOOL_CALL = ModelReply.builder()
            .text("Okay, let's check the weather for San Francisco, CA:")
            .toolCall("get_weather", "{\"location\":\"San Francisco, CA\"}").build();
    private static final ModelReply THINKING = ModelReply.builder()
            .reasoning("I need to find the GCD of 1071 and 462 using the Euclidean algorithm.")
            .text("The greatest common divisor of 1071 and 462 is 21.").build();

    private final FakeProvider anthropic = new RegisteredFakes().forSlug("anthropic").orElseThrow();

    private static ReplyBook answering(ModelReply reply) {
        ReplyBook book = new ReplyBook();
        book.add(ReplyRule.builder("rule").reply(reply).build());
        return book;
    }

    private UpstreamReply answer(String body, ModelReply reply) {
        return anthropic.answer(post("anthropic", "/v1/messages", body), answering(reply));
    }

    @Test
    void aToolCallIsATextAndAToolUseBlockWithStopReasonToolUse() {
        JsonNode message = json(answer(ASK, TOOL_CALL));

        assertSameShape(fixture("anthropic/message-tool-use.json"), message);
        JsonNode use = message.at("/content/1");
        assertThat(use.get("id").asText()).startsWith("toolu_01").hasSize(30);
        assertThat(use.get("input")).isEqualTo(Json.object().put("location", "San Francisco, CA"));
        assertThat(message.get("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(wire(answer(ASK, TOOL_CALL))).isEqualTo(wire(answer(ASK, TOOL_CALL)));
    }

    @Test
    void reasoningIsAThinkingBlockWithASignatureBeforeTheText() {
        JsonNode message = json(answer(ASK, THINKING));

        assertSameShape(fixture("anthropic/message-thinking.json"), message);
        assertThat(message.at("/content/0/thinking").asText()).startsWith("I need to find the GCD");
        assertThat(message.at("/content/0/signature").asText()).hasSizeGreaterThan(40)
                .isEqualTo(json(answer(ASK, THINKING)).at("/content/0/signature").asText());
        assertThat(message.get("stop_reason").asText()).isEqualTo("end_turn");
    }

    @Test
    void aStreamedToolCallSendsItsInputInPiecesOfJson() {
        UpstreamReply reply = answer(STREAM, TOOL_CALL);

        assertThat(reply.headers()).containsEntry("content-type", "text/event-stream");
        assertSameStreamShape(fixture("anthropic/stream-tool-use.json"), events(reply));
        List<JsonNode> payloads = data(reply);
        List<String> pieces = payloads.stream().filter(p -> p.at("/delta/type").asText().equals("input_json_delta"))
                .peek(p -> assertThat(p.get("index").asInt()).isEqualTo(1))
                .map(p -> p.at("/delta/partial_json").asText()).toList();
        assertThat(pieces).hasSize(3);
        assertThat(String.join("", pieces)).isEqualTo("{\"location\":\"San Francisco, CA\"}");
        String text = payloads.stream().filter(p -> p.at("/delta/type").asText().equals("text_delta"))
                .map(p -> p.at("/delta/text").asText()).collect(Collectors.joining());
        assertThat(text).isEqualTo("Okay, let's check the weather for San Francisco, CA:");
        JsonNode start = payloads.stream().filter(p -> p.at("/content_block/type").asText().equals("tool_use"))
                .findFirst().orElseThrow();
        assertThat(start.at("/content_block/id").asText()).startsWith("toolu_01");
        assertThat(wire(answer(STREAM, TOOL_CALL))).isEqualTo(wire(reply));
        JsonNode end = payloads.get(payloads.size() - 2);
        assertThat(end.at("/delta/stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void streamedReasoningIsThinkingDeltasThenOneSignatureDelta() {
        UpstreamReply reply = answer(STREAM, THINKING);

        assertSameStreamShape(fixture("anthropic/stream-thinking.json"), events(reply));
        List<JsonNode> payloads = data(reply);
        String thinking = payloads.stream().filter(p -> p.at("/delta/type").asText().equals("thinking_delta"))
                .map(p -> p.at("/delta/thinking").asText()).collect(Collectors.joining());
        assertThat(thinking).isEqualTo(THINKING.reasoning());
        assertThat(payloads.stream().filter(p -> p.at("/delta/type").asText().equals("signature_delta"))
                .map(p -> p.at("/delta/signature").asText()).toList())
                .singleElement().asString().startsWith("Eu").hasSizeGreaterThan(40);
    }

    @Test
    void usageReportsCachedTokensAsCacheReads() {
        ModelReply reply = ModelReply.builder().text("Sunny.").usage(new TokenUsage(100, 20, 60)).build();

        JsonNode usage = json(answer(ASK, reply)).get("usage");
        assertThat(usage.get("input_tokens").asInt()).isEqualTo(40);
        assertThat(usage.get("cache_read_input_tokens").asInt()).isEqualTo(60);
        assertThat(usage.get("cache_creation_input_tokens").asInt()).isZero();
        assertThat(usage.get("output_tokens").asInt()).isEqualTo(20);
        List<JsonNode> stream = data(answer(STREAM, reply));
        assertThat(stream.get(0).at("/message/usage/input_tokens").asInt()).isEqualTo(40);
        assertThat(stream.get(0).at("/message/usage/cache_read_input_tokens").asInt()).isEqualTo(60);
        JsonNode delta = stream.get(stream.size() - 2).get("usage");
        assertThat(delta.get("cache_read_input_tokens").asInt()).isEqualTo(60);
        assertThat(delta.get("output_tokens").asInt()).isEqualTo(20);
    }

    @Test
    void textPartsJsonAndARefusalAreTextBlocksInOrder() {
        JsonNode parts = json(answer(ASK, ModelReply.builder().text("One.", "Two.").build()));
        assertThat(parts.get("content")).extracting(b -> b.get("text").asText()).containsExactly("One.", "Two.");

        JsonNode structured = json(answer(ASK, ModelReply.json("{\"celsius\":21}")));
        assertThat(structured.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(structured.at("/content/0/text").asText()).isEqualTo("{\"celsius\":21}");
        assertThat(structured.get("stop_reason").asText()).isEqualTo("end_turn");

        JsonNode refusal = json(answer(ASK, ModelReply.refusal("I can't help with that.")));
        assertThat(refusal.at("/content/0/text").asText()).isEqualTo("I can't help with that.");
        assertThat(refusal.get("stop_reason").asText()).isEqualTo("refusal");

        JsonNode cut = json(answer(ASK, ModelReply.builder().text("Half").finishReason(FinishReason.LENGTH).build()));
        assertThat(cut.get("stop_reason").asText()).isEqualTo("max_tokens");
    }

    @Test
    void toolCallsKeepGivenIdsAndGetDistinctOnesOtherwise() {
        ModelReply reply = ModelReply.builder().toolCall(new ToolCall("toolu_given", "get_weather", "{}"))
                .toolCall("get_weather", "{\"location\":\"Paris\"}").toolCall("get_weather", "{\"location\":\"Rome\"}")
                .build();

        JsonNode content = json(answer(ASK, reply)).get("content");

        assertThat(content).extracting(b -> b.get("type").asText()).containsOnly("tool_use");
        List<String> ids = content.findValuesAsText("id");
        assertThat(ids.get(0)).isEqualTo("toolu_given");
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith("toolu_"));
    }

    @Test
    void strictRepliesWithoutAMatchingRuleAnswerAnthropicsInvalidRequestError() {
        ReplyBook strict = new ReplyBook();
        strict.strict(true);

        UpstreamReply reply = anthropic.answer(post("anthropic", "/v1/messages", ASK), strict);

        assertThat(reply.status()).isEqualTo(400);
        JsonNode body = json(reply);
        assertSameShape(fixture("anthropic/error-invalid-request.json"), body);
        assertThat(body.at("/error/message").asText()).startsWith("strict replies: no reply rule matches")
                .contains("What is the weather like in San Francisco?");
        assertThat(reply.headers().get("request-id")).startsWith("req_01");
    }

    @Test
    void aRuleMatchesOnTheToolResultOfAnAnthropicTurn() {
        ReplyBook book = new ReplyBook();
        book.add(ReplyRule.builder("ask").turn(0).reply(TOOL_CALL).build());
        book.add(ReplyRule.builder("answer").toolResultFor("get_weather").reply(ModelReply.text("15 degrees.")).build());
        String second = ASK.replace("]}", ",{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\","
                + "\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"location\":\"SF\"}}]},{\"role\":\"user\","
                + "\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"15\"}]}]}");

        JsonNode first = json(anthropic.answer(post("anthropic", "/v1/messages", ASK), book));
        JsonNode last = json(anthropic.answer(post("anthropic", "/v1/messages", second), book));

        assertThat(first.get("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(last.at("/content/0/text").asText()).isEqualTo("15 degrees.");
        assertThat(last.get("stop_reason").asText()).isEqualTo("end_turn");
    }

}
