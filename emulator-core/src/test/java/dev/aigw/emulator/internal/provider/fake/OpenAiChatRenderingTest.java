package dev.aigw.emulator.internal.provider.fake;

import static dev.aigw.emulator.internal.provider.fake.FakeRequests.data;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.events;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.json;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.post;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.wire;
import static dev.aigw.emulator.internal.provider.fake.OpenAiShapes.assertShape;
import static dev.aigw.emulator.internal.provider.fake.OpenAiShapes.assertStreamShape;
import static dev.aigw.emulator.internal.provider.fake.OpenAiShapes.fixture;
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

class OpenAiChatRenderingTest {

    private static final String WEATHER = "{\"model\":\"gpt-4o-mini\",%s\"messages\":[{\"role\":\"user\",\"content\":"
            + "\"What is the weather in Paris?\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":"
            + "\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}}}}}]}";
    private static final String ARGUMENTS = "{\"location\":\"Paris, France\"}";

    private final FakeProvider openAi = new RegisteredFakes().forSlug("openai").orElseThrow();

    @Test
    void aToolCallIsAMessageWithToolCallsAndNoContentAsDocumented() {
        ReplyBook book = rules(ModelReply.builder().toolCall("get_weather", ARGUMENTS)
                .usage(new TokenUsage(82, 17, 64)).build());

        JsonNode body = json(openAi.answer(post("openai", "/v1/chat/completions", weather("")), book));

        assertShape(fixture("chat-completion-tool-calls.json"), body);
        JsonNode call = body.at("/choices/0/message/tool_calls/0");
        assertThat(call.get("id").asText()).matches("call_[A-Za-z0-9]{24}");
        assertThat(call.at("/function/name").asText()).isEqualTo("get_weather");
        assertThat(call.at("/function/arguments").asText()).isEqualTo(ARGUMENTS);
        assertThat(body.at("/choices/0/message/content").isNull()).isTrue();
        assertThat(body.at("/usage/prompt_tokens_details/cached_tokens").asInt()).isEqualTo(64);
        assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(99);
    }

    @Test
    void toolCallIdsAreTheRulesOrDerivedFromTheRequestAndSeveralCallsKeepTheirOrder() {
        ReplyBook book = rules(ModelReply.builder().text("Checking both.")
                .toolCall(new ToolCall("call_given", "get_weather", ARGUMENTS))
                .toolCall("get_time", "{}").build());

        UpstreamReply first = openAi.answer(post("openai", "/v1/chat/completions", weather("")), book);
        UpstreamReply again = openAi.answer(post("openai", "/v1/chat/completions", weather("")), book);

        JsonNode message = json(first).at("/choices/0/message");
        assertThat(message.get("content").asText()).isEqualTo("Checking both.");
        assertThat(message.at("/tool_calls/0/id").asText()).isEqualTo("call_given");
        assertThat(message.at("/tool_calls/1/id").asText()).startsWith("call_");
        assertThat(message.at("/tool_calls/1/function/name").asText()).isEqualTo("get_time");
        assertThat(json(first).at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(wire(again)).isEqualTo(wire(first));
    }

    @Test
    void aRefusalIsTheMessagesRefusalWithContentFilterAsDocumented() {
        ReplyBook book = rules(ModelReply.refusal("I'm sorry, I cannot assist with that request."));

        JsonNode body = json(openAi.answer(post("openai", "/v1/chat/completions", weather("")), book));

        assertShape(fixture("chat-completion-refusal.json"), body);
        assertThat(body.at("/choices/0/message/refusal").asText())
                .isEqualTo("I'm sorry, I cannot assist with that request.");
        assertThat(body.at("/choices/0/message").has("tool_calls")).isFalse();
    }

    @Test
    void structuredOutputIsTheContentTextAndFinishReasonsMapToOpenAisWords() {
        ReplyBook book = rules(ModelReply.builder().json("{\"celsius\":21}").finishReason(FinishReason.LENGTH)
                .build());

        JsonNode body = json(openAi.answer(post("openai", "/v1/chat/completions", weather("")), book));

        assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("{\"celsius\":21}");
        assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("length");
    }

    @Test
    void aStreamedToolCallStartsWithItsIdAndNameThenSendsItsArgumentsInPiecesAsDocumented() {
        ReplyBook book = rules(ModelReply.toolCall("get_weather", ARGUMENTS));

        UpstreamReply reply = openAi.answer(post("openai", "/v1/chat/completions",
                weather("\"stream\":true,\"stream_options\":{\"include_usage\":true},")), book);

        List<JsonNode> chunks = data(reply);
        assertStreamShape(fixture("chat-stream-tool-call.json"), chunks, OpenAiChatRenderingTest::kind);
        List<String> pieces = chunks.stream().filter(c -> kind(c).equals("tool-arguments"))
                .map(c -> c.at("/choices/0/delta/tool_calls/0/function/arguments").asText()).toList();
        assertThat(pieces).hasSizeBetween(2, 3);
        assertThat(String.join("", pieces)).isEqualTo(ARGUMENTS);
        assertThat(chunks.get(0).at("/choices/0/delta/content").isNull()).isTrue();
        assertThat(chunks.get(1).at("/choices/0/delta/tool_calls/0/id").asText()).matches("call_[A-Za-z0-9]{24}");
        assertThat(events(reply).get(events(reply).size() - 1).data()).isEqualTo("[DONE]");
    }

    @Test
    void severalStreamedToolCallsAreIndexedInOrder() {
        ReplyBook book = rules(ModelReply.builder().toolCall("get_weather", ARGUMENTS)
                .toolCall("get_time", "{\"zone\":\"Europe/Paris\"}").build());

        List<JsonNode> chunks = data(openAi.answer(post("openai", "/v1/chat/completions",
                weather("\"stream\":true,")), book));

        List<Integer> indexes = chunks.stream().filter(c -> c.at("/choices/0/delta").has("tool_calls"))
                .map(c -> c.at("/choices/0/delta/tool_calls/0/index").asInt()).distinct().toList();
        assertThat(indexes).containsExactly(0, 1);
        String second = chunks.stream().filter(c -> c.at("/choices/0/delta/tool_calls/0/index").asInt(-1) == 1)
                .map(c -> c.at("/choices/0/delta/tool_calls/0/function/arguments").asText())
                .collect(Collectors.joining());
        assertThat(second).isEqualTo("{\"zone\":\"Europe/Paris\"}");
    }

    @Test
    void aStreamedRefusalSendsRefusalDeltasAndEndsWithContentFilterAsDocumented() {
        ReplyBook book = rules(ModelReply.refusal("I'm sorry, I cannot assist with that."));

        List<JsonNode> chunks = data(openAi.answer(post("openai", "/v1/chat/completions",
                weather("\"stream\":true,")), book));

        assertStreamShape(fixture("chat-stream-refusal.json"), chunks, OpenAiChatRenderingTest::kind);
        assertThat(chunks.stream().filter(c -> kind(c).equals("refusal"))
                .map(c -> c.at("/choices/0/delta/refusal").asText()).collect(Collectors.joining()))
                .isEqualTo("I'm sorry, I cannot assist with that.");
    }

    @Test
    void aStreamedTextRuleSendsOneContentChunkPerWord() {
        ReplyBook book = rules(ModelReply.text("It is sunny in Paris."));

        List<JsonNode> chunks = data(openAi.answer(post("openai", "/v1/chat/completions",
                weather("\"stream\":true,")), book));

        assertThat(chunks.get(0).at("/choices/0/delta/content").asText()).isEmpty();
        assertThat(chunks.stream().filter(c -> kind(c).equals("content"))
                .map(c -> c.at("/choices/0/delta/content").asText()).toList())
                .containsExactly("It ", "is ", "sunny ", "in ", "Paris.");
        assertThat(chunks.get(chunks.size() - 1).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void strictRepliesWithoutAMatchingRuleAreOpenAisInvalidRequestError() {
        ReplyBook book = new ReplyBook(List.of(ReplyRule.builder("weather").lastUserMessageContains("London")
                .reply(ModelReply.text("Rainy.")).build()), true);

        UpstreamReply reply = openAi.answer(post("openai", "/v1/chat/completions", weather("")), book);

        assertThat(reply.status()).isEqualTo(400);
        assertShape(fixture("error-invalid-request.json"), json(reply));
        assertThat(json(reply).at("/error/message").asText()).contains("strict replies").contains("'weather'");
        assertThat(reply.headers()).containsKey("x-request-id");
        assertThat(book.problems()).hasSize(1);
    }

    @Test
    void aCompatibleProviderRendersTheSameReplyInTheSameFormat() {
        ReplyBook book = rules(ModelReply.toolCall("get_weather", ARGUMENTS));
        FakeProvider groq = new RegisteredFakes().forSlug("groq").orElseThrow();

        JsonNode body = json(groq.answer(post("groq", "/openai/v1/chat/completions", weather("")), book));

        assertShape(fixture("chat-completion-tool-calls.json"), body);
    }

    private static String weather(String extra) {
        return String.format(WEATHER, extra);
    }

    private static ReplyBook rules(ModelReply reply) {
        return new ReplyBook(List.of(ReplyRule.builder("rule").reply(reply).build()), false);
    }

    /** Names what a chunk carries, as the fixtures' sequences do. */
    static String kind(JsonNode chunk) {
        JsonNode choices = chunk.get("choices");
        if (choices.isEmpty()) {
            return "usage";
        }
        JsonNode choice = choices.get(0);
        JsonNode delta = choice.get("delta");
        if (!choice.get("finish_reason").isNull()) {
            return "finish";
        }
        if (delta.has("role")) {
            return "role";
        }
        if (delta.has("tool_calls")) {
            return delta.at("/tool_calls/0").has("id") ? "tool-start" : "tool-arguments";
        }
        return delta.has("refusal") ? "refusal" : "content";
    }
}
