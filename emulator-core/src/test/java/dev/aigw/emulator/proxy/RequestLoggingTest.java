package dev.aigw.emulator.proxy;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertNotFound;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.UpstreamFault;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the proxy writes to a gateway's logs (proxy.md 7, 4.7), read back through the Logs API. */
@Timeout(30)
class RequestLoggingTest {

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-05-01T10:00:00Z"));
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
    private final ProxyClient client = new ProxyClient(emulator);
    private final ManagementApi api = ManagementApi.of(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> chat(String body, String... headers) {
        return client.post(client.path("gw", "openai/chat/completions"), body, headers);
    }

    private JsonNode log(String id) {
        return assertOk(api.get("/gateways/gw/logs/" + id));
    }

    private static String logId(HttpResponse<String> response) {
        return response.headers().firstValue("cf-aig-log-id").orElseThrow(() -> new AssertionError(
                "no cf-aig-log-id on " + response.statusCode() + " " + response.body()));
    }

    @Test
    void aSuccessIsLoggedWithEveryFieldOfTheLogsApi() {
        emulator.createGateway("gw");
        emulator.script("openai").enqueue(UpstreamResponse.builder().latency(Duration.ofMillis(1500)).build());

        HttpResponse<String> response = chat(ProxyClient.CHAT, "cf-aig-metadata", "{\"user\":\"u-1\",\"team\":\"ai\"}",
                "user-agent", "logging-test/1.0");

        String id = logId(response);
        assertThat(id).isEqualTo(response.headers().firstValue("cf-aig-request-id").orElseThrow());
        JsonNode usage = ProxyClient.json(response).get("usage");
        int in = usage.get("prompt_tokens").intValue();
        int out = usage.get("completion_tokens").intValue();
        JsonNode log = log(id);
        assertThat(log).isEqualTo(ProxyClient.parse("""
                {"id":"%s","created_at":"2026-05-01T10:00:00.000Z","provider":"openai","model":"gpt-4o-mini",
                 "path":"chat/completions","request_type":"provider","step":0,"status_code":200,"success":true,
                 "cached":false,"duration":1500,"tokens_in":%d,"tokens_out":%d,"cost":%s,"custom_cost":false,
                 "wholesale":false,"metadata":"{\\"user\\":\\"u-1\\",\\"team\\":\\"ai\\"}","event_id":"%s",
                 "request_content_type":"application/json","response_content_type":"application/json",
                 "user_agent":"logging-test/1.0","request_head":%s,"request_head_complete":true,"request_size":%d,
                 "response_head":%s,"response_head_complete":true,"response_size":%d}
                """.formatted(id, in, out, new BigDecimal(in).multiply(new BigDecimal("0.15"))
                        .add(new BigDecimal(out).multiply(new BigDecimal("0.60"))).movePointLeft(6).doubleValue(),
                        id, ProxyClient.JSON.valueToTree(ProxyClient.CHAT), ProxyClient.CHAT.length(),
                        ProxyClient.JSON.valueToTree(response.body()), response.body().length())));
        assertThat(emulator.logs("gw")).extracting(LogEntry::id).containsExactly(id);
    }

    @Test
    void aFailureAfterRetriesIsOneEntryWithTheLastStatusAndTheWholeDuration() {
        emulator.createGateway("gw");
        emulator.script("openai").enqueue(UpstreamResponse.status(503), 2);

        HttpResponse<String> response = chat(ProxyClient.CHAT, "cf-aig-max-attempts", "2",
                "cf-aig-retry-delay", "2000");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode log = log(logId(response));
        assertThat(log.get("status_code").intValue()).isEqualTo(503);
        assertThat(log.get("success").booleanValue()).isFalse();
        assertThat(log.get("duration").longValue()).as("the retry wait is included").isEqualTo(2000);
        assertThat(log.get("tokens_in").isNull()).isTrue();
        assertThat(log.get("tokens_out").isNull()).isTrue();
        assertThat(log.get("cost").doubleValue()).isZero();
        assertThat(log.get("response_head").textValue()).isEqualTo(response.body());
        assertThat(emulator.logs("gw")).hasSize(1);
    }

    @Test
    void aCachedResponseIsLoggedAsCachedWithItsTokensAndNoCost() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());
        HttpResponse<String> miss = chat(ProxyClient.CHAT);
        clock.advance(Duration.ofSeconds(10));

        HttpResponse<String> hit = chat(ProxyClient.CHAT);

        JsonNode first = log(logId(miss));
        JsonNode cached = log(logId(hit));
        assertThat(first.get("cached").booleanValue()).isFalse();
        assertThat(first.get("cost").doubleValue()).isPositive();
        assertThat(cached.get("cached").booleanValue()).isTrue();
        assertThat(cached.get("cost").doubleValue()).isZero();
        assertThat(cached.get("status_code").intValue()).isEqualTo(200);
        assertThat(cached.get("tokens_in")).isEqualTo(first.get("tokens_in"));
        assertThat(cached.get("tokens_out")).isEqualTo(first.get("tokens_out"));
        assertThat(cached.get("created_at").textValue()).isEqualTo("2026-05-01T10:00:10.000Z");
        assertThat(cached.get("response_head").textValue()).isEqualTo(hit.body());
    }

    @Test
    void aGatewayWithCollectLogsOffLogsNothingAndSendsNoLogId() {
        emulator.createGateway("gw", GatewaySettings.builder().collectLogs(false).build());

        HttpResponse<String> response = chat(ProxyClient.CHAT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("cf-aig-log-id")).isEmpty();
        assertThat(emulator.logs("gw")).isEmpty();
    }

    @Test
    void theCollectLogHeaderOverridesTheGatewayBothWays() {
        emulator.createGateway("gw", GatewaySettings.builder().collectLogs(false).build());
        emulator.createGateway("on");

        HttpResponse<String> forced = chat(ProxyClient.CHAT, "cf-aig-collect-log", "true");
        HttpResponse<String> suppressed = client.post(client.path("on", "openai/chat/completions"), ProxyClient.CHAT,
                "cf-aig-collect-log", "false");

        assertThat(emulator.logs("gw")).extracting(LogEntry::id).containsExactly(logId(forced));
        assertThat(suppressed.headers().firstValue("cf-aig-log-id")).isEmpty();
        assertThat(emulator.logs("on")).isEmpty();
    }

    @Test
    void withPayloadCollectionOffTheEntryKeepsEverythingButTheBodies() {
        emulator.createGateway("gw");

        HttpResponse<String> response = chat(ProxyClient.CHAT, "cf-aig-collect-log-payload", "false");

        String id = logId(response);
        JsonNode log = log(id);
        assertThat(log.has("request_head")).isFalse();
        assertThat(log.has("response_head")).isFalse();
        assertThat(log.get("request_head_complete").booleanValue()).isFalse();
        assertThat(log.get("response_head_complete").booleanValue()).isFalse();
        assertThat(log.get("request_size").intValue()).isEqualTo(ProxyClient.CHAT.length());
        assertThat(log.get("response_size").intValue()).isEqualTo(response.body().length());
        assertThat(log.get("tokens_in").intValue()).isPositive();
        assertThat(log.get("cost").doubleValue()).isPositive();
        assertNotFound(api.get("/gateways/gw/logs/" + id + "/request"));
        assertNotFound(api.get("/gateways/gw/logs/" + id + "/response"));
    }

    @Test
    void aStreamIsLoggedWhenItEndsWithTheRawEventsAndTheTokensOfItsUsageEvent() {
        emulator.createGateway("gw");
        emulator.script("openai").enqueue(UpstreamResponse.builder().tokensPerSecond(10).build());
        String withUsage = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]}";
        String withoutUsage = "{\"model\":\"gpt-4o-mini\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]}";

        HttpResponse<String> counted = chat(withUsage);
        HttpResponse<String> uncounted = chat(withoutUsage);

        JsonNode log = log(logId(counted));
        assertThat(log.get("response_content_type").textValue()).startsWith("text/event-stream");
        assertThat(log.get("response_head").textValue()).isEqualTo(counted.body()).endsWith("data: [DONE]\n\n");
        assertThat(log.get("tokens_in").intValue()).isPositive();
        assertThat(log.get("tokens_out").intValue()).isPositive();
        int events = counted.body().split("\n\n").length;
        assertThat(log.get("duration").longValue()).as("paced at 10 events per second, to the last byte")
                .isEqualTo((events - 1) * 100L);
        JsonNode plain = log(logId(uncounted));
        assertThat(plain.get("tokens_in").isNull()).isTrue();
        assertThat(plain.get("tokens_out").isNull()).isTrue();
    }

    @Test
    void theUniversalEndpointLogsEveryStepTriedWithItsIndex() {
        emulator.createGateway("gw");
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(500).latency(Duration.ofMillis(300))
                .build());
        String steps = "[{\"provider\":\"openai\",\"endpoint\":\"chat/completions\",\"query\":" + ProxyClient.CHAT
                + "},{\"provider\":\"groq\",\"endpoint\":\"chat/completions\",\"query\":" + ProxyClient.CHAT + "}]";

        HttpResponse<String> response = client.post("/v1/" + emulator.accountId() + "/gw", steps);

        assertThat(response.headers().firstValue("cf-aig-step")).contains("1");
        List<LogEntry> entries = emulator.logs("gw");
        assertThat(entries).extracting(LogEntry::step, LogEntry::provider, LogEntry::statusCode, LogEntry::success,
                LogEntry::requestType).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "openai", 500, false, "universal"),
                        org.assertj.core.groups.Tuple.tuple(1, "groq", 200, true, "universal"));
        assertThat(entries.get(0).id()).isEqualTo(response.headers().firstValue("cf-aig-request-id").orElseThrow());
        assertThat(entries.get(1).id()).isEqualTo(logId(response)).isNotEqualTo(entries.get(0).id());
        assertThat(entries).extracting(LogEntry::durationMillis).containsExactly(300L, 0L);
        assertThat(entries.get(1).createdAt()).isEqualTo(entries.get(0).createdAt().plusMillis(300));
        assertThat(entries.get(0).request().text()).contains(ProxyClient.CHAT);
    }

    @Test
    void theCompatEndpointLogsTheAnsweringProviderModelAndTheClientsBody() {
        emulator.createGateway("gw");
        String body = "{\"model\":\"anthropic/claude-sonnet-4-5\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

        HttpResponse<String> response = client.post(client.path("gw", "compat/chat/completions"), body);

        JsonNode log = log(logId(response));
        assertThat(log.get("provider").textValue()).isEqualTo("anthropic");
        assertThat(log.get("model").textValue()).isEqualTo("claude-sonnet-4-5");
        assertThat(log.get("request_type").textValue()).isEqualTo("compat");
        assertThat(log.get("request_head").textValue()).isEqualTo(body);
        assertThat(log.get("response_head").textValue()).isEqualTo(response.body());
        assertThat(log.get("tokens_in")).isEqualTo(ProxyClient.json(response).get("usage").get("prompt_tokens"));
    }

    @Test
    void aCustomCostPricesTheTokensAndIsFlagged() {
        emulator.createGateway("gw");

        HttpResponse<String> response = chat(ProxyClient.CHAT, "cf-aig-custom-cost",
                "{\"per_token_in\":0.001,\"per_token_out\":0.002}");

        JsonNode usage = ProxyClient.json(response).get("usage");
        JsonNode log = log(logId(response));
        assertThat(log.get("custom_cost").booleanValue()).isTrue();
        assertThat(log.get("cost").decimalValue()).isEqualByComparingTo(new BigDecimal("0.001")
                .multiply(BigDecimal.valueOf(usage.get("prompt_tokens").intValue()))
                .add(new BigDecimal("0.002").multiply(BigDecimal.valueOf(usage.get("completion_tokens").intValue()))));
    }

    @Test
    void theClientsEventIdIsStoredOnTheEntry() {
        emulator.createGateway("gw");

        HttpResponse<String> response = chat(ProxyClient.CHAT, "cf-aig-event-id", "evt-7");

        assertThat(log(logId(response)).get("event_id").textValue()).isEqualTo("evt-7");
    }

    @Test
    void aRateLimitedRequestIsLoggedAsAFailureWithItsStatus() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(1).rateLimitingInterval(Duration.ofSeconds(60)).build());
        chat(ProxyClient.CHAT);

        HttpResponse<String> refused = chat(ProxyClient.CHAT);

        JsonNode log = log(logId(refused));
        assertThat(log.get("status_code").intValue()).isEqualTo(429);
        assertThat(log.get("success").booleanValue()).isFalse();
        assertThat(log.get("provider").textValue()).isEqualTo("openai");
        assertThat(ProxyClient.parse(log.get("response_head").textValue())).isEqualTo(ProxyClient.json(refused));
    }

    @Test
    void aRequestThatGotNoResponseFromTheProviderIsLoggedAsItsGatewayError() {
        emulator.createGateway("gw");
        emulator.script("openai").enqueue(UpstreamFault.connectionReset());

        HttpResponse<String> failed = chat(ProxyClient.CHAT);

        assertThat(failed.statusCode()).isEqualTo(400);
        JsonNode log = log(logId(failed));
        assertThat(log.get("status_code").intValue()).isEqualTo(400);
        assertThat(log.get("success").booleanValue()).isFalse();
        assertThat(ProxyClient.parse(log.get("response_head").textValue()).get("internalCode").intValue())
                .isEqualTo(2005);
    }

    @Test
    void requestsRefusedBeforeTheGatewayCouldActAreNotLogged() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());
        emulator.createGateway("open");

        assertThat(chat(ProxyClient.CHAT).statusCode()).as("2009").isEqualTo(401);
        assertThat(client.post(client.path("open", "nope/x"), "{}").statusCode()).as("2008").isEqualTo(400);
        assertThat(client.post(client.path("missing", "openai/chat/completions"), ProxyClient.CHAT).statusCode())
                .as("2001").isEqualTo(400);

        assertThat(emulator.logs("gw")).isEmpty();
        assertThat(emulator.logs("open")).isEmpty();
        assertThat(emulator.logs("missing")).isEmpty();
    }

    @Test
    void anEntryWhoseBodiesExceedTenMegabytesIsNotStoredUnlessItsPayloadIsLeftOut() {
        try (AiGatewayEmulator big = AiGatewayEmulator.builder().maxBodyBytes(11 * 1024 * 1024).build().start()) {
            big.createGateway("gw");
            ProxyClient bigClient = new ProxyClient(big);
            String huge = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
                    + "a".repeat(10 * 1024 * 1024) + "\"}]}";

            HttpResponse<String> dropped = bigClient.post(bigClient.path("gw", "openai/chat/completions"), huge);
            HttpResponse<String> kept = bigClient.post(bigClient.path("gw", "openai/chat/completions"), huge,
                    "cf-aig-collect-log-payload", "false");

            assertThat(dropped.statusCode()).isEqualTo(200);
            assertThat(big.logs("gw")).extracting(LogEntry::id).containsExactly(logId(kept));
            assertThat(big.logs("gw").get(0).request().size()).isEqualTo(huge.length());
        }
    }

    @Test
    void deletingAGatewayDeletesItsLogsAndResetEmptiesEveryLog() {
        emulator.createGateway("gw");
        emulator.createGateway("kept");
        chat(ProxyClient.CHAT);
        client.post(client.path("kept", "openai/chat/completions"), ProxyClient.CHAT);

        emulator.deleteGateway("gw");
        emulator.createGateway("gw");

        assertThat(emulator.logs("gw")).isEmpty();
        assertThat(emulator.logs("kept")).hasSize(1);
        emulator.reset();
        assertThat(emulator.logs("kept")).isEmpty();
    }
}
