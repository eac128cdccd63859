package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyProblem;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A reply rule's answer goes through the gateway like any upstream answer: logs count its tokens and price them,
 * the cache keeps it, a scripted failure comes first and the retry gets the rule's reply, and strict mode answers
 * the client with the provider's own 400.
 */
@Timeout(30)
class ReplyRulesThroughTheGatewayTest {

    private static final String ASK_WEATHER =
            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}]}";

    private final VirtualClock clock = VirtualClock.create();
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
    private final ProxyClient client = new ProxyClient(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> chat(String gateway, String body, String... headers) {
        return client.post(client.path(gateway, "openai/chat/completions"), body, headers);
    }

    private static String content(HttpResponse<String> response) {
        return ProxyClient.json(response).path("choices").path(0).path("message").path("content").asText();
    }

    @Test
    void theLogCountsAndPricesTheTokensTheRuleReports() {
        emulator.createGateway("gw");
        emulator.replies().add(ReplyRule.builder("weather").lastUserMessageContains("Weather")
                .reply(ModelReply.builder().text("Sunny.").usage(TokenUsage.of(1_000_000, 1_000_000)).build())
                .build());

        HttpResponse<String> response = chat("gw", ASK_WEATHER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(content(response)).isEqualTo("Sunny.");
        JsonNode usage = ProxyClient.json(response).path("usage");
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(1_000_000);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(1_000_000);
        LogEntry log = emulator.logs("gw").get(0);
        assertThat(log.tokensIn()).isEqualTo(1_000_000);
        assertThat(log.tokensOut()).isEqualTo(1_000_000);
        // gpt-4o-mini: $0.15 per million input tokens, $0.60 per million output tokens
        assertThat(log.cost()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aCachedRuleReplyIsServedAgainWithoutTakingTheRulesNextReply() {
        emulator.createGateway("cached", GatewaySettings.builder().cacheTtl(Duration.ofMinutes(5)).build());
        emulator.createGateway("plain");
        emulator.replies().add(ReplyRule.builder("seq")
                .reply(ModelReply.text("first"), ModelReply.text("second")).build());

        HttpResponse<String> miss = chat("cached", ASK_WEATHER);
        HttpResponse<String> hit = chat("cached", ASK_WEATHER);
        HttpResponse<String> next = chat("plain", ASK_WEATHER);

        assertThat(content(miss)).isEqualTo("first");
        assertThat(hit.headers().firstValue("cf-aig-cache-status")).contains("HIT");
        assertThat(content(hit)).isEqualTo("first");
        assertThat(content(next)).isEqualTo("second");
    }

    @Test
    void aScriptedFailureComesFirstAndTheRetryGetsTheRulesReply() {
        emulator.createGateway("gw", GatewaySettings.builder().retryMaxAttempts(3).retryDelay(Duration.ofSeconds(1))
                .build());
        emulator.replies().add(ReplyRule.builder("seq")
                .reply(ModelReply.text("first"), ModelReply.text("second")).build());
        emulator.script("openai").enqueue(UpstreamResponse.status(503));

        HttpResponse<String> response = chat("gw", ASK_WEATHER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(content(response)).as("the scripted attempt took no reply of the rule").isEqualTo("first");
        assertThat(emulator.lastTimeline().attempts()).extracting(a -> a.status()).containsExactly(503, 200);
    }

    @Test
    void metadataAndTheTestIdHeaderSelectTheRule() {
        emulator.createGateway("gw");
        emulator.replies().add(ReplyRule.builder("team").metadata("team", "search")
                .reply(ModelReply.text("for search")).build());
        emulator.replies().forTest("t1").add(ReplyRule.builder("t1").reply(ModelReply.text("for t1")).build());

        assertThat(content(chat("gw", ASK_WEATHER, "cf-aig-metadata", "{\"team\":\"search\"}")))
                .isEqualTo("for search");
        assertThat(content(chat("gw", ASK_WEATHER, AiGatewayEmulator.TEST_ID_HEADER, "t1"))).isEqualTo("for t1");
        assertThat(content(chat("gw", ASK_WEATHER))).startsWith("Emulated reply from gpt-4o-mini to: ");
    }

    @Test
    void strictModeAnswersTheClientWithTheProvidersOwn400AndKeepsTheProblem() {
        emulator.createGateway("gw");
        emulator.replies().strict(true).add(ReplyRule.builder("snow").lastUserMessageContains("snow")
                .reply(ModelReply.text("x")).build());

        HttpResponse<String> response = chat("gw", ASK_WEATHER, AiGatewayEmulator.TEST_ID_HEADER, "t7");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = ProxyClient.json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asText()).contains("closest: 'snow' (the latest user message "
                + "\"Weather in Paris?\" does not contain \"snow\")");
        List<ReplyProblem> problems = emulator.replyProblems();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ReplyProblem.Kind.UNMATCHED);
            assertThat(p.gatewayId()).isEqualTo("gw");
            assertThat(p.testId()).isEqualTo("t7");
        });
        assertThat(emulator.logs("gw").get(0).statusCode()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> emulator.verifyReplies("t7"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("1 reply problem for test \"t7\":");
        emulator.verifyReplies("another-test");
    }
}
