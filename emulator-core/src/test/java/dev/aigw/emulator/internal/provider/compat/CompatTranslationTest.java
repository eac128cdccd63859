package dev.aigw.emulator.internal.provider.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.provider.registry.ProviderEntry;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CompatTranslationTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode json(byte[] bytes) {
        try {
            return Json.parse(bytes);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode body(UpstreamReply reply) {
        return json(((UpstreamReply.Full) reply.body()).bytes());
    }

    static List<SseEvent> events(UpstreamReply reply) {
        return ((UpstreamReply.Stream) reply.body()).events();
    }

    static List<JsonNode> chunks(UpstreamReply reply) {
        List<JsonNode> chunks = new ArrayList<>();
        for (SseEvent e : events(reply)) {
            if (!e.data().equals("[DONE]")) {
                chunks.add(json(e.data().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return chunks;
    }

    /** Maps a compat request for {@code prefix}/{@code model} as the proxy does, through the built-in providers. */
    static CompatTranslation.Target target(String prefix, String model, ObjectNode request) {
        return target(ProviderRegistry.withBuiltIns(), prefix, model, request);
    }

    private static CompatTranslation.Target target(ProviderRegistry providers, String prefix, String model,
                                                   ObjectNode request) {
        return providers.findCompat(prefix).orElseThrow().compatTarget(model, request);
    }

    /** Sends a target to the built-in fake as the proxy would (path below the upstream base). */
    static UpstreamReply callFake(CompatTranslation.Target target, String upstreamPrefix) {
        UpstreamRequest request = new UpstreamRequest(target.provider(), "POST", upstreamPrefix + target.path(),
                target.query(), Map.of(), target.body(), NOW);
        return fake(target.provider()).answer(request);
    }

    private static FakeProvider fake(String slug) {
        return ProviderRegistry.withBuiltIns().find(slug).orElseThrow().fake();
    }

    @Test
    void openAiIsIdentityButForTheBareModel() {
        ObjectNode request = json("{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"stream\":true,\"stream_options\":{\"include_usage\":true}}");

        CompatTranslation.Target target = target("openai", "gpt-4o-mini", request);

        assertThat(target.path()).isEqualTo("chat/completions");
        assertThat(target.query()).isEmpty();
        assertThat(target.dialect()).isEqualTo(CompatTranslation.Dialect.OPENAI);
        assertThat(target.stream()).isTrue();
        ObjectNode expected = request.deepCopy();
        expected.put("model", "gpt-4o-mini");
        assertThat(json(target.body())).isEqualTo(expected);
        assertThat(request.get("model").asText()).isEqualTo("openai/gpt-4o-mini");
        UpstreamReply nativeReply = callFake(target, "/v1/");
        assertThat(CompatTranslation.toOpenAi(target, nativeReply, NOW)).isSameAs(nativeReply);
        assertThat(target.upstreamHeaders("sk-1")).containsEntry("authorization", "Bearer sk-1")
                .containsEntry("content-type", "application/json");
    }

    @Test
    void openAiCompatibleProvidersGoToTheirChatCompletionsPath() {
        ObjectNode request = json("{\"model\":\"x/m\",\"messages\":[]}");
        assertThat(target("workers-ai", "@cf/meta/llama-3.1-8b-instruct", request).path())
                .isEqualTo("v1/chat/completions");
        assertThat(target("groq", "m", request).path()).isEqualTo("chat/completions");
        assertThat(target("mistral", "m", request).path()).isEqualTo("v1/chat/completions");
        CompatTranslation.Target perplexity = target("perplexity", "sonar", request);
        assertThat(perplexity.provider()).isEqualTo("perplexity-ai");
        assertThat(perplexity.path()).isEqualTo("chat/completions");
        ProviderRegistry withCustom = ProviderRegistry.withBuiltIns();
        withCustom.register(ProviderEntry.provider("custom-mine").upstream("https://llm.example.com").build());
        assertThat(target(withCustom, "custom-mine", "m", request).path()).isEqualTo("chat/completions");
        assertThat(json(target("workers-ai", "@cf/meta/llama-3.1-8b-instruct", request).body())
                .get("model").asText()).isEqualTo("@cf/meta/llama-3.1-8b-instruct");
    }

    @Test
    void unknownProvidersAreInvalidAndUntranslatedOnesSaySo() {
        ObjectNode request = json("{\"messages\":[]}");
        assertThat(ProviderRegistry.withBuiltIns().findCompat("nope")).isEmpty();
        assertThatThrownBy(() -> target("aws-bedrock", "m", request))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).error().code()).isEqualTo(2005))
                .hasMessageContaining("aws-bedrock").hasMessageContaining("native endpoint");
    }

    @Test
    void errorRepliesPassThroughUnchanged() {
        ObjectNode request = json("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        CompatTranslation.Target target = target("anthropic", "claude-haiku-4-5", request);
        UpstreamReply overloaded = fake("anthropic").error(529,
                new UpstreamRequest("anthropic", "POST", "/v1/messages", "", Map.of(), target.body(), NOW));

        assertThat(CompatTranslation.toOpenAi(target, overloaded, NOW)).isSameAs(overloaded);
        UpstreamReply malformed = new UpstreamReply(200, Map.of("content-type", "application/json"),
                new UpstreamReply.Full("{not json".getBytes(StandardCharsets.UTF_8)));
        assertThat(CompatTranslation.toOpenAi(target, malformed, NOW)).isSameAs(malformed);
    }

    @Test
    void streamedNativeRepliesCanBeTranslatedEventByEvent() {
        ObjectNode request = json("{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        CompatTranslation.Target target = target("anthropic", "claude-haiku-4-5", request);
        UpstreamReply nativeReply = callFake(target, "/");
        EventTranslator translator = CompatTranslation.eventTranslator(target, NOW);
        List<SseEvent> flowing = new ArrayList<>();
        events(nativeReply).forEach(e -> flowing.addAll(translator.onEvent(e)));
        flowing.addAll(translator.onEnd());

        assertThat(flowing).isEqualTo(events(CompatTranslation.toOpenAi(target, nativeReply, NOW)));
        assertThat(flowing.stream().map(SseEvent::data).collect(Collectors.toList())).last().isEqualTo("[DONE]");
    }
}
