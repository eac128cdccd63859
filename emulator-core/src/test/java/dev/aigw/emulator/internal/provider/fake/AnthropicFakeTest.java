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
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AnthropicFakeTest {

    private static final String MESSAGES = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"system\":\"Be kind.\","
            + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hi Claude\"}]}]}";
    private static final String REPLY = "Emulated reply from claude-sonnet-4-5 to: Hi Claude";

    private final FakeProvider anthropic = new RegisteredFakes().forSlug("anthropic").orElseThrow();

    @Test
    void messageHasAnthropicsShape() {
        UpstreamReply reply = anthropic.answer(post("anthropic", "/v1/messages", MESSAGES));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers()).containsEntry("content-type", "application/json")
                .containsKeys("request-id", "anthropic-ratelimit-requests-remaining");
        assertThat(reply.headers().get("request-id")).startsWith("req_01");
        assertThat(reply.headers().get("anthropic-ratelimit-requests-reset")).isEqualTo("2025-06-01T12:00:01Z");
        JsonNode body = json(reply);
        assertThat(body.get("id").asText()).startsWith("msg_01");
        assertThat(body.get("type").asText()).isEqualTo("message");
        assertThat(body.get("role").asText()).isEqualTo("assistant");
        assertThat(body.get("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.get("content")).hasSize(1);
        assertThat(body.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(body.at("/content/0/text").asText()).isEqualTo(REPLY);
        assertThat(body.get("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(body.get("stop_sequence").isNull()).isTrue();
        assertThat(body.at("/usage/input_tokens").asInt()).isEqualTo(5); // "Be kind.\nHi Claude" = 18 chars
        assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(13); // 51 chars
        assertThat(body.at("/usage/cache_read_input_tokens").asInt()).isZero();
        assertThat(wire(anthropic.answer(post("anthropic", "/v1/messages", MESSAGES)))).isEqualTo(wire(reply));
    }

    @Test
    void maxTokensStopsTheReply() {
        JsonNode body = json(anthropic.answer(post("anthropic", "/v1/messages",
                MESSAGES.replace("\"max_tokens\":1024", "\"max_tokens\":2"))));

        assertThat(body.at("/content/0/text").asText()).isEqualTo("Emulated");
        assertThat(body.get("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void streamSendsAnthropicsNamedEventsInOrder() {
        UpstreamReply reply = anthropic.answer(post("anthropic", "/v1/messages",
                MESSAGES.replace("{\"model\"", "{\"stream\":true,\"model\"")));

        assertThat(reply.headers().get("content-type")).isEqualTo("text/event-stream");
        List<SseEvent> events = events(reply);
        List<String> names = events.stream().map(SseEvent::event).collect(Collectors.toList());
        assertThat(names.subList(0, 3)).containsExactly("message_start", "content_block_start", "ping");
        assertThat(names.subList(names.size() - 3, names.size()))
                .containsExactly("content_block_stop", "message_delta", "message_stop");
        assertThat(names.subList(3, names.size() - 3)).hasSize(7).containsOnly("content_block_delta");
        List<JsonNode> payloads = data(reply);
        for (int i = 0; i < payloads.size(); i++) {
            assertThat(payloads.get(i).get("type").asText()).isEqualTo(names.get(i));
        }
        JsonNode start = payloads.get(0).get("message");
        assertThat(start.get("content")).isEmpty();
        assertThat(start.get("stop_reason").isNull()).isTrue();
        assertThat(start.at("/usage/input_tokens").asInt()).isEqualTo(5);
        assertThat(payloads.get(1).at("/content_block/type").asText()).isEqualTo("text");
        assertThat(payloads.get(1).at("/content_block/text").asText()).isEmpty();
        String text = payloads.stream().filter(p -> p.get("type").asText().equals("content_block_delta"))
                .peek(p -> assertThat(p.at("/delta/type").asText()).isEqualTo("text_delta"))
                .map(p -> p.at("/delta/text").asText()).collect(Collectors.joining());
        assertThat(text).isEqualTo(REPLY);
        JsonNode delta = payloads.get(payloads.size() - 2);
        assertThat(delta.at("/delta/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(delta.at("/delta/stop_sequence").isNull()).isTrue();
        assertThat(delta.at("/usage/output_tokens").asInt()).isEqualTo(13);
        assertThat(events).noneMatch(e -> e.data().equals("[DONE]"));
    }

    @Test
    void badInputGetsInvalidRequestError() {
        UpstreamReply noMaxTokens = anthropic.answer(post("anthropic", "/v1/messages",
                "{\"model\":\"claude-sonnet-4-5\",\"messages\":[]}"));
        assertThat(noMaxTokens.status()).isEqualTo(400);
        JsonNode body = json(noMaxTokens);
        assertThat(body.get("type").asText()).isEqualTo("error");
        assertThat(body.at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(body.at("/error/message").asText()).isEqualTo("max_tokens: Field required");
        assertThat(body.get("request_id").asText()).startsWith("req_01");

        assertThat(json(anthropic.answer(post("anthropic", "/v1/messages", "{\"max_tokens\":1}")))
                .at("/error/message").asText()).isEqualTo("model: Field required");
        assertThat(anthropic.answer(post("anthropic", "/v1/messages", "not json")).status()).isEqualTo(400);
    }

    @Test
    void unknownPathIsNotFoundError() {
        UpstreamReply reply = anthropic.answer(post("anthropic", "/v1/complete", "{}"));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(json(reply).at("/error/type").asText()).isEqualTo("not_found_error");
        assertThat(json(reply).at("/error/message").asText()).contains("upstream(\"anthropic\"");
    }

    @Test
    void errorsUseAnthropicsTypesPerStatus() {
        var request = post("anthropic", "/v1/messages", MESSAGES);
        UpstreamReply overloaded = anthropic.error(529, request);
        assertThat(overloaded.status()).isEqualTo(529);
        assertThat(json(overloaded).at("/error/type").asText()).isEqualTo("overloaded_error");
        assertThat(json(overloaded).at("/error/message").asText()).isEqualTo("Overloaded");

        UpstreamReply limited = anthropic.error(429, request);
        assertThat(json(limited).at("/error/type").asText()).isEqualTo("rate_limit_error");
        assertThat(limited.headers()).containsEntry("retry-after", "1")
                .containsEntry("anthropic-ratelimit-requests-remaining", "0")
                .containsKeys("anthropic-ratelimit-requests-limit", "anthropic-ratelimit-requests-reset", "request-id");

        assertThat(json(anthropic.error(500, request)).at("/error/type").asText()).isEqualTo("api_error");
        assertThat(json(anthropic.error(401, request)).at("/error/type").asText()).isEqualTo("authentication_error");
        assertThat(json(anthropic.error(403, request)).at("/error/type").asText()).isEqualTo("permission_error");
        assertThat(json(anthropic.error(404, request)).at("/error/type").asText()).isEqualTo("not_found_error");
        assertThat(json(anthropic.error(413, request)).at("/error/type").asText()).isEqualTo("request_too_large");
    }

    @Test
    void countTokensAndModels() {
        JsonNode count = json(anthropic.answer(post("anthropic", "/v1/messages/count_tokens", MESSAGES)));
        assertThat(count.get("input_tokens").asInt()).isEqualTo(5);
        JsonNode models = json(anthropic.answer(request("anthropic", "GET", "/v1/models", "", "")));
        assertThat(models.get("data")).isNotEmpty();
        assertThat(models.at("/data/0/type").asText()).isEqualTo("model");
        assertThat(models.get("has_more").asBoolean()).isFalse();
    }
}
