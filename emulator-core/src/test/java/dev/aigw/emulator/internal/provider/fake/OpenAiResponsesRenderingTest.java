package dev.aigw.emulator.internal.provider.fake;

import static dev.aigw.emulator.internal.provider.fake.FakeRequests.data;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.events;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.json;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.post;
import static dev.aigw.emulator.internal.provider.fake.OpenAiShapes.assertShape;
import static dev.aigw.emulator.internal.provider.fake.OpenAiShapes.assertStreamShape;
import static dev.aigw.emulator.internal.provider.fake.OpenAiShapes.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.reply.ReplyBook;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpenAiResponsesRenderingTest {

    private static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\",\"description\":"
            + "\"Get current temperature for a given location.\",\"parameters\":{\"type\":\"object\",\"properties\":"
            + "{\"location\":{\"type\":\"string\",\"description\":\"City and country e.g. Bogotá, Colombia\"}},"
            + "\"required\":[\"location\"],\"additionalProperties\":false},\"strict\":true}]";
    private static final String ARGUMENTS = "{\"location\":\"Paris, France\"}";
    private static final String SUMMARY = "The user asks for the weather in Paris.";

    private final FakeProvider openAi = new RegisteredFakes().forSlug("openai").orElseThrow();

    @Test
    void reasoningAndAToolCallAreOutputItemsAsDocumented() {
        ReplyBook book = rules(ModelReply.builder().reasoning(SUMMARY).toolCall("get_weather", ARGUMENTS)
                .usage(new TokenUsage(291, 23, 128)).build());

        JsonNode body = json(openAi.answer(post("openai", "/v1/responses", request("", TOOLS)), book));

        assertShape(fixture("response-function-call.json"), body);
        assertThat(body.at("/output/0/summary/0/text").asText()).isEqualTo(SUMMARY);
        JsonNode call = body.at("/output/1");
        assertThat(call.get("id").asText()).matches("fc_[0-9a-f]{48}");
        assertThat(call.get("call_id").asText()).matches("call_[A-Za-z0-9]{24}");
        assertThat(call.get("arguments").asText()).isEqualTo(ARGUMENTS);
        assertThat(body.at("/usage/input_tokens_details/cached_tokens").asInt()).isEqualTo(128);
        assertThat(body.at("/usage/output_tokens_details/reasoning_tokens").asInt()).isEqualTo(10);
        assertThat(body.at("/tools/0/name").asText()).isEqualTo("get_weather");
    }

    @Test
    void textAndARefusalArePartsOfOneMessageAsDocumented() {
        ReplyBook book = rules(ModelReply.builder().text("In a peaceful grove beneath a silver moon...")
                .refusal("I'm sorry, I cannot assist with that request.").build());

        JsonNode body = json(openAi.answer(post("openai", "/v1/responses", request("", null)), book));

        assertShape(fixture("response-message-refusal.json"), body);
        assertThat(body.get("status").asText()).isEqualTo("completed");
    }

    @Test
    void aReplyCutByTheOutputLimitIsIncompleteAsDocumented() {
        ReplyBook book = rules(ModelReply.builder().text("In a peaceful grove beneath a silver moon, a unicorn")
                .finishReason(FinishReason.LENGTH).build());

        JsonNode body = json(openAi.answer(post("openai", "/v1/responses",
                request("\"max_output_tokens\":16,", null)), book));

        assertShape(fixture("response-incomplete.json"), body);
        assertThat(body.at("/incomplete_details/reason").asText()).isEqualTo("max_output_tokens");
    }

    @Test
    void structuredOutputIsTheOutputTextAndTheRequestedFormatIsEchoed() {
        ReplyBook book = rules(ModelReply.json("{\"celsius\":21}"));
        String format = "\"text\":{\"format\":{\"type\":\"json_schema\",\"name\":\"weather\",\"schema\":{\"type\":"
                + "\"object\",\"properties\":{\"celsius\":{\"type\":\"number\"}}},\"strict\":true}}";

        JsonNode body = json(openAi.answer(post("openai", "/v1/responses", request("", format)), book));

        assertThat(body.at("/output/0/content/0/text").asText()).isEqualTo("{\"celsius\":21}");
        assertThat(body.at("/text/format/name").asText()).isEqualTo("weather");
    }

    @Test
    void aStreamedReasoningAndToolCallSendTheDocumentedEventsInOrder() {
        ReplyBook book = rules(ModelReply.builder().reasoning(SUMMARY).toolCall("get_weather", ARGUMENTS).build());

        UpstreamReply reply = openAi.answer(post("openai", "/v1/responses", request("\"stream\":true,", null)), book);

        List<JsonNode> payloads = data(reply);
        assertStreamShape(fixture("responses-stream-function-call.json"), payloads, p -> p.get("type").asText());
        assertSequenced(reply, payloads);
        List<String> pieces = payloads.stream()
                .filter(p -> p.get("type").asText().equals("response.function_call_arguments.delta"))
                .map(p -> p.get("delta").asText()).toList();
        assertThat(pieces).hasSizeBetween(2, 3);
        assertThat(String.join("", pieces)).isEqualTo(ARGUMENTS);
        assertThat(payloads.stream()
                .filter(p -> p.get("type").asText().equals("response.reasoning_summary_text.delta"))
                .map(p -> p.get("delta").asText()).collect(Collectors.joining())).isEqualTo(SUMMARY);
        JsonNode completed = payloads.get(payloads.size() - 1).get("response");
        assertThat(completed.at("/output/1/call_id").asText())
                .isEqualTo(payloads.stream().filter(p -> p.get("type").asText().equals("response.output_item.added"))
                        .reduce((a, b) -> b).orElseThrow().at("/item/call_id").asText());
    }

    @Test
    void aStreamedTextAndRefusalSendTheDocumentedEventsInOrder() {
        ReplyBook book = rules(ModelReply.builder().text("Hi there!").refusal("I'm sorry, I cannot assist with that.")
                .build());

        UpstreamReply reply = openAi.answer(post("openai", "/v1/responses", request("\"stream\":true,", null)), book);

        List<JsonNode> payloads = data(reply);
        assertStreamShape(fixture("responses-stream-text-refusal.json"), payloads, p -> p.get("type").asText());
        assertSequenced(reply, payloads);
        assertThat(payloads.stream().filter(p -> p.get("type").asText().equals("response.refusal.delta"))
                .map(p -> p.get("delta").asText()).collect(Collectors.joining()))
                .isEqualTo("I'm sorry, I cannot assist with that.");
    }

    @Test
    void strictRepliesWithoutAMatchingRuleAreOpenAisInvalidRequestError() {
        ReplyBook book = new ReplyBook(List.of(), true);

        UpstreamReply reply = openAi.answer(post("openai", "/v1/responses", request("", null)), book);

        assertThat(reply.status()).isEqualTo(400);
        assertShape(fixture("error-invalid-request.json"), json(reply));
        assertThat(json(reply).at("/error/message").asText()).contains("there are no reply rules");
    }

    @Test
    void aRuleMatchesTheToolResultOfAResponsesConversation() {
        ReplyBook book = new ReplyBook(List.of(ReplyRule.builder("answer").toolResultFor("get_weather")
                .reply(ModelReply.text("It is 21 degrees in Paris.")).build()), true);
        String secondTurn = "{\"model\":\"gpt-4.1\",\"input\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"},"
                + "{\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":"
                + "\"{}\"},{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"21 C\"}]}";

        JsonNode body = json(openAi.answer(post("openai", "/v1/responses", secondTurn), book));

        assertThat(body.at("/output/0/content/0/text").asText()).isEqualTo("It is 21 degrees in Paris.");
    }

    private static void assertSequenced(UpstreamReply reply, List<JsonNode> payloads) {
        List<SseEvent> events = events(reply);
        for (int i = 0; i < payloads.size(); i++) {
            assertThat(payloads.get(i).get("sequence_number").asInt()).isEqualTo(i);
            assertThat(events.get(i).event()).isEqualTo(payloads.get(i).get("type").asText());
        }
        assertThat(events).noneMatch(e -> e.data().equals("[DONE]"));
    }

    private static String request(String extra, String member) {
        return "{\"model\":\"o4-mini\"," + extra + "\"reasoning\":{\"effort\":\"medium\"},\"input\":"
                + "\"What is the weather in Paris?\"" + (member == null ? "" : "," + member) + "}";
    }

    private static ReplyBook rules(ModelReply reply) {
        return new ReplyBook(List.of(ReplyRule.builder("rule").reply(reply).build()), false);
    }
}
