package dev.aigw.emulator.internal.provider.fake;

import static dev.aigw.emulator.internal.provider.fake.FakeRequests.events;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.json;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.post;
import static dev.aigw.emulator.testsupport.ProviderShapes.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.reply.ReplyBook;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Model replies rendered by Cohere's v2 chat fake, compared with the documented shapes under fixtures/cohere. */
class CohereRenderingTest {

    private static final String BODY = "{\"model\":\"command-a-03-2025\",\"messages\":[{\"role\":\"user\",\"content\":"
            + "\"What's the weather in Toronto?\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":"
            + "\"get_weather\",\"parameters\":{\"type\":\"object\"}}}]";

    private final FakeProvider cohere = new RegisteredFakes().forSlug("cohere").orElseThrow();

    private static ReplyBook answering(ModelReply reply) {
        ReplyBook book = new ReplyBook();
        book.add(ReplyRule.builder("r").offersTool("get_weather").reply(reply).build());
        return book;
    }

    private JsonNode chat(ModelReply reply) {
        UpstreamReply answer = cohere.answer(post("cohere", "/v2/chat", BODY + "}"), answering(reply));
        assertThat(answer.status()).isEqualTo(200);
        return json(answer);
    }

    private List<SseEvent> stream(ModelReply reply) {
        return events(cohere.answer(post("cohere", "/v2/chat", BODY + ",\"stream\":true}"), answering(reply)));
    }

    private static JsonNode data(SseEvent event) {
        try {
            return Json.parse(event.data());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void textHasTheDocumentedShape() {
        JsonNode body = chat(ModelReply.builder().text("It is ", "20C.").usage(TokenUsage.of(5, 3)).build());

        assertSameShape("cohere/text.json", body);
        assertThat(body.at("/message/content/0/text").asText()).isEqualTo("It is 20C.");
        assertThat(body.get("finish_reason").asText()).isEqualTo("COMPLETE");
        assertThat(body.at("/usage/billed_units/input_tokens").asInt()).isEqualTo(5);
        assertThat(body.at("/usage/tokens/output_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void aToolCallHasThePlanCohereIdsAndFinishesWithToolCall() {
        JsonNode body = chat(ModelReply.builder().text("I will search for the weather in Toronto.")
                .toolCall("get_weather", "{\"location\":\"Toronto\"}").build());

        assertSameShape("cohere/tool-call.json", body);
        assertThat(body.at("/message/tool_plan").asText()).isEqualTo("I will search for the weather in Toronto.");
        JsonNode call = body.at("/message/tool_calls/0");
        assertThat(call.get("id").asText()).matches("get_weather_[0-9a-f]{12}");
        assertThat(call.at("/function/arguments").asText()).isEqualTo("{\"location\":\"Toronto\"}");
        assertThat(body.get("finish_reason").asText()).isEqualTo("TOOL_CALL");
        assertThat(chat(ModelReply.toolCall("get_weather", "{\"location\":\"Toronto\"}")).at("/message/tool_calls/0/id"))
                .isEqualTo(call.get("id"));
    }

    @Test
    void aGivenCallIdIsKeptAndSeveralCallsGetDistinctIds() {
        JsonNode body = chat(ModelReply.builder().toolCall(new ToolCall("mine", "get_weather", "{}"))
                .toolCall("get_weather", "{}").toolCall("get_weather", "{}").build());

        JsonNode calls = body.at("/message/tool_calls");
        assertThat(calls.at("/0/id").asText()).isEqualTo("mine");
        assertThat(calls.at("/1/id").asText()).isNotEqualTo(calls.at("/2/id").asText());
        assertThat(body.at("/message").has("tool_plan")).isFalse();
    }

    @Test
    void reasoningIsAThinkingBlockBeforeTheText() {
        JsonNode body = chat(ModelReply.builder().reasoning("12 times 3 is 36.").text("36").build());

        assertSameShape("cohere/thinking.json", body);
        assertThat(body.at("/message/content/0/thinking").asText()).isEqualTo("12 times 3 is 36.");
    }

    @Test
    void aStreamedToolCallHasEveryDocumentedEventAndArgumentsInPieces() {
        List<SseEvent> events = stream(ModelReply.builder().text("I will check.")
                .toolCall("get_weather", "{\"location\":\"Toronto\"}").build());

        assertThat(events).extracting(SseEvent::event).containsExactly("message-start", "tool-plan-delta",
                "tool-plan-delta", "tool-plan-delta", "tool-call-start", "tool-call-delta", "tool-call-delta",
                "tool-call-delta", "tool-call-end", "message-end");
        for (SseEvent e : events) {
            assertSameShape("cohere/stream/" + e.event() + ".json", data(e));
            assertThat(data(e).get("type").asText()).isEqualTo(e.event());
        }
        assertThat(events.stream().filter(e -> e.event().equals("tool-call-delta"))
                .map(e -> data(e).at("/delta/message/tool_calls/function/arguments").asText())
                .collect(Collectors.joining())).isEqualTo("{\"location\":\"Toronto\"}");
        assertThat(data(events.get(9)).at("/delta/finish_reason").asText()).isEqualTo("TOOL_CALL");
    }

    @Test
    void aStreamedTextWithReasoningHasAThinkingBlockThenATextBlock() {
        List<SseEvent> events = stream(ModelReply.builder().reasoning("Easy.").text("Sunny.").build());

        assertThat(events).extracting(SseEvent::event).containsExactly("message-start", "content-start",
                "content-delta", "content-end", "content-start", "content-delta", "content-end", "message-end");
        assertThat(data(events.get(1)).at("/delta/message/content/type").asText()).isEqualTo("thinking");
        assertThat(data(events.get(2)).at("/delta/message/content/thinking").asText()).isEqualTo("Easy.");
        assertThat(data(events.get(4)).get("index").asInt()).isEqualTo(1);
        for (SseEvent e : events.subList(4, 8)) {
            assertSameShape("cohere/stream/" + e.event() + ".json", data(e));
        }
    }


    @Test
    void strictModeWithoutAMatchingRuleIsCoheresErrorBody() {
        ReplyBook book = new ReplyBook();
        book.strict(true);

        UpstreamReply reply = cohere.answer(post("cohere", "/v2/chat", BODY + "}"), book);

        assertThat(reply.status()).isEqualTo(400);
        assertSameShape("cohere/error-400.json", json(reply));
        assertThat(json(reply).get("message").asText()).startsWith("strict replies:");
    }

    @Test
    void theEchoKeepsTheDocumentedTextShape() {
        assertSameShape("cohere/text.json", json(cohere.answer(post("cohere", "/v2/chat", BODY + "}"),
                new ReplyBook())));
    }
}
