package dev.aigw.emulator.internal.provider.fake;

import static dev.aigw.emulator.internal.provider.fake.FakeRequests.events;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.json;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkersAiFakeTest {

    private static final String RUN = "/client/v4/accounts/0123456789abcdef0123456789abcdef/ai/run/";
    private static final String LLAMA = "@cf/meta/llama-3.1-8b-instruct";

    private final FakeProvider workersAi = new RegisteredFakes().forSlug("workers-ai").orElseThrow();

    @Test
    void promptGetsTheV4EnvelopeWithResponseAndUsage() {
        UpstreamReply reply = workersAi.answer(post("workers-ai", RUN + LLAMA, "{\"prompt\":\"Why is the sky blue?\"}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers()).containsEntry("content-type", "application/json");
        JsonNode body = json(reply);
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("errors")).isEmpty();
        assertThat(body.get("messages")).isEmpty();
        assertThat(body.at("/result/response").asText()).isEqualTo("Emulated reply from " + LLAMA
                + " to: Why is the sky blue?");
        assertThat(body.at("/result/usage/prompt_tokens").asInt()).isEqualTo(5);
        assertThat(body.at("/result/usage/total_tokens").asInt()).isEqualTo(
                body.at("/result/usage/prompt_tokens").asInt() + body.at("/result/usage/completion_tokens").asInt());
    }

    @Test
    void messagesUseTheLastUserMessage() {
        JsonNode body = json(workersAi.answer(post("workers-ai", RUN + LLAMA, "{\"messages\":[{\"role\":\"system\","
                + "\"content\":\"s\"},{\"role\":\"user\",\"content\":\"first\"},{\"role\":\"assistant\",\"content\":\"a\"},"
                + "{\"role\":\"user\",\"content\":\"second\"}]}")));

        assertThat(body.at("/result/response").asText()).endsWith(" to: second");
    }

    @Test
    void streamSendsResponseChunksThenUsageThenDone() throws Exception {
        UpstreamReply reply = workersAi.answer(post("workers-ai", RUN + LLAMA, "{\"prompt\":\"hi\",\"stream\":true}"));

        assertThat(reply.headers().get("content-type")).isEqualTo("text/event-stream");
        List<SseEvent> events = events(reply);
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        JsonNode last = Json.parse(events.get(events.size() - 2).data());
        assertThat(last.get("response").asText()).isEmpty();
        assertThat(last.at("/usage/prompt_tokens").asInt()).isEqualTo(1);
        StringBuilder text = new StringBuilder();
        for (SseEvent e : events.subList(0, events.size() - 2)) {
            assertThat(e.event()).isNull();
            JsonNode chunk = Json.parse(e.data());
            assertThat(chunk.has("usage")).isFalse();
            text.append(chunk.get("response").asText());
        }
        assertThat(text.toString()).isEqualTo("Emulated reply from " + LLAMA + " to: hi");
    }

    @Test
    void embeddingModelsAnswerShapeAndData() {
        JsonNode body = json(workersAi.answer(post("workers-ai", RUN + "@cf/baai/bge-small-en-v1.5",
                "{\"text\":[\"a\",\"b\"]}")));

        assertThat(body.at("/result/shape/0").asInt()).isEqualTo(2);
        assertThat(body.at("/result/shape/1").asInt()).isEqualTo(384);
        assertThat(body.at("/result/data/0")).hasSize(384);
    }

    @Test
    void openAiStyleEndpointAnswersChatCompletions() {
        JsonNode body = json(workersAi.answer(post("workers-ai",
                "/client/v4/accounts/0123456789abcdef0123456789abcdef/ai/v1/chat/completions",
                "{\"model\":\"" + LLAMA + "\",\"messages\":[{\"role\":\"user\",\"content\":\"yo\"}]}")));

        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("Emulated reply from " + LLAMA + " to: yo");
    }

    @Test
    void badInputAndUnknownPathsGetV4Errors() {
        UpstreamReply bad = workersAi.answer(post("workers-ai", RUN + LLAMA, "{\"temperature\":1}"));
        assertThat(bad.status()).isEqualTo(400);
        JsonNode body = json(bad);
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("result").isNull()).isTrue();
        assertThat(body.at("/errors/0/code").asInt()).isEqualTo(5006);
        assertThat(body.at("/errors/0/message").asText()).contains("prompt").contains("messages");

        UpstreamReply unknown = workersAi.answer(post("workers-ai", "/client/v4/accounts/x/ai/nothing", "{}"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(json(unknown).at("/errors/0/code").asInt()).isEqualTo(7003);
    }

    @Test
    void errorsUseTheV4Envelope() {
        var request = post("workers-ai", RUN + LLAMA, "{\"prompt\":\"hi\"}");
        UpstreamReply limited = workersAi.error(429, request);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(json(limited).at("/errors/0/code").asInt()).isEqualTo(3040);
        assertThat(json(limited).get("success").asBoolean()).isFalse();
        assertThat(json(workersAi.error(401, request)).at("/errors/0/code").asInt()).isEqualTo(10000);
        assertThat(json(workersAi.error(500, request)).at("/errors/0/code").asInt()).isEqualTo(3043);
        assertThat(workersAi.error(503, request).status()).isEqualTo(503);
    }
}
