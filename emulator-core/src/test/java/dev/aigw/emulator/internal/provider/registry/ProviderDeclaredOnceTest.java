package dev.aigw.emulator.internal.provider.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.internal.EmulatorSettings;
import dev.aigw.emulator.internal.EmulatorState;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.CredentialHeader;
import dev.aigw.emulator.internal.provider.compat.CompatTranslation;
import dev.aigw.emulator.internal.provider.fake.Fakes;
import dev.aigw.emulator.internal.provider.fake.OpenAiEndpoint;
import dev.aigw.emulator.internal.server.EmulatorServer;
import dev.aigw.emulator.internal.server.HandlerChain;
import dev.aigw.emulator.internal.server.InFlightRequests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A provider declared in one registry entry is routable, fakeable and translatable, even when added at run time. */
@Timeout(30)
class ProviderDeclaredOnceTest {

    private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "aigw-emulator-token";
    private static final String MESSAGES = "{\"model\":\"claude-x\",\"max_tokens\":64,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    /** A provider that speaks Anthropic's API under its own name, credential header and compat alias. */
    private static final ProviderEntry ACME = ProviderEntry.provider("acme").upstream("https://api.acme.test")
            .credential(CredentialHeader.named("x-acme-key")).fake(Fakes.anthropic())
            .compat(CompatTranslation.Dialect.ANTHROPIC, "v1/messages").compatAlias("acme-ai").build();

    private final EmulatorState state = new EmulatorState(new EmulatorSettings("127.0.0.1", 0, ACCOUNT, Set.of(ACCOUNT),
            List.of(ApiToken.of(TOKEN, ACCOUNT, Permission.values())), List.of(), VirtualClock.create(), 1 << 20, 10,
            false, 1, 4, Map.of(), 100, true, Duration.ofSeconds(5), Set.of(), List.of(), false));
    private final EmulatorServer server = new EmulatorServer("provider-declared-once", "127.0.0.1", 0, 1, 4,
            Duration.ofSeconds(5), HandlerChain.build(state, new InFlightRequests()));
    private final String root = "http://127.0.0.1:" + server.start();
    private final String base = root + "/v1/" + ACCOUNT + "/default/";
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.stop();
        state.close();
    }

    @Test
    void aProviderDeclaredOnceIsRoutableAtItsPath() throws Exception {
        state.providers().register(ACME);

        post("acme/v1/messages", MESSAGES, "x-acme-key", "k-1");

        RecordedRequest upstream = state.journal().take().orElseThrow();
        assertThat(upstream.provider()).isEqualTo("acme");
        assertThat(upstream.url()).isEqualTo("https://api.acme.test/v1/messages");
        assertThat(upstream.header("x-acme-key")).contains("k-1");
    }

    @Test
    void aProviderDeclaredOnceAnswersFromItsFake() throws Exception {
        state.providers().register(ACME);

        HttpResponse<String> response = post("acme/v1/messages", MESSAGES, "x-acme-key", "k-1");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode message = Json.parse(response.body());
        assertThat(message.get("type").asText()).isEqualTo("message");
        assertThat(message.at("/content/0/text").asText()).isEqualTo("Emulated reply from claude-x to: Hi");
    }

    @Test
    void aProviderDeclaredOnceIsTranslatableThroughTheCompatEndpoint() throws Exception {
        state.providers().register(ACME);

        HttpResponse<String> response = post("compat/chat/completions",
                "{\"model\":\"acme-ai/claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                "authorization", "Bearer k-2");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode completion = Json.parse(response.body());
        assertThat(completion.get("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo("Emulated reply from claude-x to: Hi");
        RecordedRequest upstream = state.journal().take().orElseThrow();
        assertThat(upstream.url()).isEqualTo("https://api.acme.test/v1/messages");
        assertThat(upstream.header("x-acme-key")).contains("k-2");
        assertThat(upstream.headers()).doesNotContainKey("authorization");
        assertThat(Json.parse(upstream.body()).get("model").asText()).isEqualTo("claude-x");
    }

    @Test
    void aProviderRegisteredWhileTheEmulatorRunsIsRoutableFromThen() throws Exception {
        String chat = "{\"model\":\"zeta-1\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        assertThat(post("zeta/chat/completions", chat).statusCode()).isEqualTo(400);

        state.providers().register(ProviderEntry.provider("zeta").upstream("https://api.zeta.test")
                .openAiFake(EnumSet.of(OpenAiEndpoint.CHAT_COMPLETIONS), "zeta-1").build());
        HttpResponse<String> response = post("zeta/chat/completions", chat);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parse(response.body()).at("/choices/0/message/content").asText())
                .isEqualTo("Emulated reply from zeta-1 to: Hi");
        assertThat(state.journal().take().orElseThrow().url()).isEqualTo("https://api.zeta.test/chat/completions");
    }

    @Test
    void aProviderRegisteredWhileTheEmulatorRunsCanBeScriptedFromThen() throws Exception {
        String chat = "{\"model\":\"zeta-1\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        HttpResponse<String> refused = postControl("/scripts/zeta-ai", "{\"steps\":[{\"status\":503}]}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("unknown provider \\\"zeta-ai\\\"");

        state.providers().register(ProviderEntry.provider("zeta-ai").upstream("https://api.zeta.test")
                .openAiFake(EnumSet.of(OpenAiEndpoint.CHAT_COMPLETIONS), "zeta-1").build());
        HttpResponse<String> queued = postControl("/scripts/zeta-ai", "{\"steps\":[{\"status\":503}]}");

        assertThat(queued.statusCode()).isEqualTo(200);
        assertThat(post("zeta-ai/chat/completions", chat).statusCode()).isEqualTo(503);
        assertThat(state.providers().unknown("zeta-a")).startsWith(
                "unknown provider \"zeta-a\" (did you mean \"zeta-ai\"?)");
    }

    private HttpResponse<String> postControl(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(root + "/__emulator" + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String rest, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + rest))
                .header("cf-aig-authorization", "Bearer " + TOKEN).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
