package dev.aigw.emulator.internal.provider.fake;

import static dev.aigw.emulator.internal.provider.fake.FakeRequests.data;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.events;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.json;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.post;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OtherFakesTest {

    private final RegisteredFakes fakes = new RegisteredFakes();

    @Test
    void everySlugOfTheSpecIsKnown() {
        assertThat(fakes.slugs()).containsExactlyInAnyOrder("openai", "anthropic", "workers-ai", "azure-openai",
                "google-ai-studio", "google-vertex-ai", "aws-bedrock", "groq", "mistral", "openrouter", "deepseek",
                "perplexity-ai", "huggingface", "cohere", "grok", "cerebras", "replicate", "elevenlabs", "cartesia",
                "deepgram", "fal", "ideogram", "baseten", "parallel", "saladcloud", "neon");
        assertThat(fakes.forSlug("custom-mine")).isEmpty();
        assertThat(fakes.forSlug("nope")).isEmpty();
    }

    @Test
    void providersWithoutAFakeAnswer501SayingHowToConfigureARealUpstream() {
        for (String slug : List.of("aws-bedrock", "replicate", "elevenlabs", "deepgram", "neon")) {
            UpstreamReply reply = fakes.forSlug(slug).orElseThrow().answer(post(slug, "/anything", "{}"));
            assertThat(reply.status()).as(slug).isEqualTo(501);
            assertThat(reply.headers()).containsEntry("content-type", "application/json");
            JsonNode error = json(reply).get("error");
            assertThat(error.get("message").asText()).isEqualTo("The emulator has no fake for provider '" + slug
                    + "' yet: configure a real upstream for it, e.g. AiGatewayEmulator.builder().upstream(\"" + slug
                    + "\", \"http://127.0.0.1:PORT\")");
            assertThat(error.get("type").asText()).isEqualTo("not_implemented");
            assertThat(error.get("code").asText()).isEqualTo("no_fake_provider");
            assertThat(error.has("param")).isTrue();
        }
        UpstreamReply scripted = fakes.forSlug("replicate").orElseThrow().error(503, post("replicate", "/x", ""));
        assertThat(scripted.status()).isEqualTo(503);
        assertThat(json(scripted).at("/error/type").asText()).isEqualTo("server_error");
    }

    @Test
    void huggingFaceTextGenerationAndErrors() {
        FakeProvider hf = fakes.forSlug("huggingface").orElseThrow();
        JsonNode body = json(hf.answer(post("huggingface", "/models/bigcode/starcoder", "{\"inputs\":\"def f():\"}")));
        assertThat(body.at("/0/generated_text").asText()).isEqualTo("Emulated reply from bigcode/starcoder to: def f():");
        UpstreamReply loading = hf.error(503, post("huggingface", "/models/x", "{}"));
        assertThat(json(loading).get("estimated_time").asDouble()).isEqualTo(20.0);
        assertThat(hf.answer(post("huggingface", "/models/x", "{}")).status()).isEqualTo(400);
    }

    @Test
    void cohereV2ChatAndStream() {
        FakeProvider cohere = fakes.forSlug("cohere").orElseThrow();
        String request = "{\"model\":\"command-a-03-2025\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
        JsonNode body = json(cohere.answer(post("cohere", "/v2/chat", request)));
        assertThat(body.at("/message/role").asText()).isEqualTo("assistant");
        assertThat(body.at("/message/content/0/text").asText()).isEqualTo("Emulated reply from command-a-03-2025 to: hello");
        assertThat(body.get("finish_reason").asText()).isEqualTo("COMPLETE");
        assertThat(body.at("/usage/tokens/input_tokens").asInt()).isEqualTo(2);

        UpstreamReply stream = cohere.answer(post("cohere", "/v2/chat", request.replace("{", "{\"stream\":true,")));
        List<String> names = events(stream).stream().map(SseEvent::event).distinct().collect(Collectors.toList());
        assertThat(names).containsExactly("message-start", "content-start", "content-delta", "content-end",
                "message-end");
        String text = data(stream).stream().filter(d -> d.get("type").asText().equals("content-delta"))
                .map(d -> d.at("/delta/message/content/text").asText()).collect(Collectors.joining());
        assertThat(text).isEqualTo("Emulated reply from command-a-03-2025 to: hello");
        assertThat(json(cohere.error(429, post("cohere", "/v2/chat", request))).has("message")).isTrue();
    }

    @Test
    void cohereV1ChatStreamsNewlineDelimitedJson() {
        FakeProvider cohere = fakes.forSlug("cohere").orElseThrow();
        UpstreamReply reply = cohere.answer(post("cohere", "/v1/chat", "{\"message\":\"hi\",\"stream\":true}"));
        assertThat(reply.headers().get("content-type")).isEqualTo("application/stream+json");
        String[] lines = text(reply).split("\n");
        assertThat(lines[0]).contains("\"event_type\":\"stream-start\"");
        assertThat(lines[lines.length - 1]).contains("\"event_type\":\"stream-end\"").contains("\"is_finished\":true");
    }
}
