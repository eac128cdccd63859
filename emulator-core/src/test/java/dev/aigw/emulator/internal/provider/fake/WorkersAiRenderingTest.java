package dev.aigw.emulator.internal.provider.fake;

import static dev.aigw.emulator.internal.provider.fake.FakeRequests.data;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.events;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.json;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.post;
import static dev.aigw.emulator.testsupport.ProviderShapes.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.reply.ReplyBook;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Model replies rendered by the Workers AI fake, compared with the documented shapes under fixtures/workers-ai. */
class WorkersAiRenderingTest {

    private static final String RUN = "/client/v4/accounts/0123456789abcdef0123456789abcdef/ai/run/"
            + "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
    private static final String BODY = "{\"messages\":[{\"role\":\"user\",\"content\":\"what is the weather in london?\"}],"
            + "\"tools\":[{\"name\":\"getWeather\",\"description\":\"Weather\",\"parameters\":{\"type\":\"object\"}}]";

    private final FakeProvider workersAi = new RegisteredFakes().forSlug("workers-ai").orElseThrow();

    private static ReplyBook answering(ModelReply reply) {
        ReplyBook book = new ReplyBook();
        book.add(ReplyRule.builder("r").offersTool("getWeather").reply(reply).build());
        return book;
    }

    private JsonNode run(ModelReply reply) {
        UpstreamReply answer = workersAi.answer(post("workers-ai", RUN, BODY + "}"), answering(reply));
        assertThat(answer.status()).isEqualTo(200);
        return json(answer);
    }

    @Test
    void textHasTheDocumentedShape() {
        JsonNode body = run(ModelReply.builder().text("Cloudy, ", "14 degrees.").usage(TokenUsage.of(12, 5)).build());

        assertSameShape("workers-ai/text.json", body);
        assertThat(body.at("/result/response").asText()).isEqualTo("Cloudy, 14 degrees.");
        assertThat(body.at("/result/usage/total_tokens").asInt()).isEqualTo(17);
    }

    @Test
    void toolCallsAreNamesWithArgumentObjectsAndNoResponse() {
        JsonNode body = run(ModelReply.toolCall("getWeather", "{\"latitude\":\"51.5074\",\"longitude\":\"-0.1278\"}"));

        assertSameShape("workers-ai/tool-calls.json", body);
        assertThat(body.at("/result/tool_calls/0/name").asText()).isEqualTo("getWeather");
        assertThat(body.at("/result/tool_calls/0/arguments/latitude").asText()).isEqualTo("51.5074");
    }

    @Test
    void structuredOutputIsTheJsonValueItself() {
        JsonNode body = run(ModelReply.json("{\"name\":\"India\",\"capital\":\"New Delhi\",\"languages\":[\"Hindi\"]}"));

        assertSameShape("workers-ai/json-mode.json", body);
        assertThat(body.at("/result/response/capital").asText()).isEqualTo("New Delhi");
    }

    @Test
    void aStreamSendsWordsThenTheCallsWholeThenUsageThenDone() {
        UpstreamReply reply = workersAi.answer(post("workers-ai", RUN, BODY + ",\"stream\":true}"),
                answering(ModelReply.builder().text("Let me check.").toolCall("getWeather", "{\"latitude\":\"1\"}")
                        .build()));

        assertThat(events(reply).get(events(reply).size() - 1).data()).isEqualTo("[DONE]");
        List<JsonNode> events = data(reply);
        assertThat(events).hasSize(5);
        events.subList(0, 3).forEach(e -> assertSameShape("workers-ai/stream-event.json", e));
        assertThat(events.subList(0, 3).stream().map(e -> e.get("response").asText()).collect(Collectors.joining()))
                .isEqualTo("Let me check.");
        assertThat(events.get(3).at("/tool_calls/0/arguments/latitude").asText()).isEqualTo("1");
        assertSameShape("workers-ai/stream-last-event.json", events.get(4));
    }

    @Test
    void strictModeWithoutAMatchingRuleIsTheV4BadInputError() {
        ReplyBook book = new ReplyBook();
        book.strict(true);

        UpstreamReply reply = workersAi.answer(post("workers-ai", RUN, BODY + "}"), book);

        assertThat(reply.status()).isEqualTo(400);
        assertSameShape("workers-ai/error-400.json", json(reply));
        assertThat(json(reply).at("/errors/0/code").asInt()).isEqualTo(5006);
        assertThat(json(reply).at("/errors/0/message").asText()).startsWith("strict replies:");
    }

    @Test
    void theEchoKeepsTheDocumentedTextShape() {
        assertSameShape("workers-ai/text.json", json(workersAi.answer(post("workers-ai", RUN, BODY + "}"),
                new ReplyBook())));
    }
}
