package dev.aigw.emulator.failures;

import static dev.aigw.emulator.failures.ControlCalls.call;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertNotFound;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertServiceError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.proxy.ProxyClient;
import dev.aigw.emulator.testsupport.ApiReply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The control API offers every operation of the Java API, with its semantics and its words: take a recorded
 * request, count and clear exactly one script scope, replace a gateway's settings, read full log entries, advance
 * the clock below the millisecond; and it refuses mistakes by name.
 */
@Timeout(30)
class ControlApiParityTest {

    private static final Instant START = Instant.parse("2026-04-01T08:00:00Z");

    private final VirtualClock clock = VirtualClock.startingAt(START);
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).gateway("gw").build().start();
    private final ProxyClient proxy = new ProxyClient(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    private void chat() {
        assertThat(proxy.post(proxy.path("gw", "openai/chat/completions"), ProxyClient.CHAT).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRecordedRequestIsTakenOnceAndThenNoneIsLeft() {
        chat();

        ApiReply taken = call(emulator, "POST", "/requests/take", "{}");
        ApiReply none = call(emulator, "POST", "/requests/take", "{}");

        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.json().get("request").get("path").textValue()).isEqualTo("/v1/chat/completions");
        assertThat(taken.json().get("request").get("at").textValue()).isEqualTo("2026-04-01T08:00:00.000Z");
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("errors")).isEqualTo(json("[{\"code\":7001,\"message\":\"no untaken request has"
                + " reached an upstream; recorded so far: 1\"}]"));
    }

    @Test
    void aTakeWithATimeoutWaitsForARequestSentMeanwhile() throws Exception {
        CompletableFuture<ApiReply> take = CompletableFuture.supplyAsync(
                () -> call(emulator, "POST", "/requests/take", "{\"timeout_ms\":10000}"));
        chat();

        assertThat(take.get(10, TimeUnit.SECONDS).json().get("request").get("provider").textValue())
                .isEqualTo("openai");
    }

    @Test
    void aTakeThatTimesOutSaysHowLongItWaitedInTheJavaApisWords() {
        ApiReply none = call(emulator, "POST", "/requests/take", "{\"timeout_ms\":20}");

        assertThat(assertServiceError(none, 409, 7001).get("message").textValue())
                .isEqualTo("no untaken request reached an upstream within PT0.02S (real time); recorded so far: 0");
    }

    @Test
    void aTakeRefusesMistakesByName() {
        assertThat(assertValidationError(call(emulator, "POST", "/requests/take", "{\"timeout\":5}"),
                "body", "timeout").get("message").textValue()).isEqualTo("Input Validation Error: timeout: unknown"
                + " member (did you mean \"timeout_ms\"?); the members are timeout_ms");
        assertValidationError(call(emulator, "POST", "/requests/take", "{\"timeout_ms\":\"5s\"}"),
                "body", "timeout_ms");
        assertThat(assertValidationError(call(emulator, "POST", "/requests/take", "{\"timeout_ms\":600001}"),
                "body", "timeout_ms").get("message").textValue()).isEqualTo("Input Validation Error: timeout_ms:"
                + " expected an integer from 0 to 600000, got 600001");
        assertThat(assertValidationError(call(emulator, "POST", "/requests/take", "{oops"), "body")
                .get("message").textValue()).startsWith("Input Validation Error: the body is not valid JSON");
        assertValidationError(call(emulator, "POST", "/requests/take", "[]"), "body");
    }

    @Test
    void theResponsesOfExactlyOneScopeAreCountedAndClearedAsProviderScriptDoes() {
        emulator.script("openai").enqueue(UpstreamResponse.status(503), 2);
        emulator.script("openai").forGateway("gw").enqueue(UpstreamResponse.status(500), 3);
        emulator.script("openai").always(UpstreamResponse.status(429));

        assertThat(call(emulator, "GET", "/scripts/openai", null).json())
                .isEqualTo(json("{\"provider\":\"openai\",\"pending\":2,\"repeating\":1}"));
        assertThat(call(emulator, "GET", "/scripts/openai?gateway_id=gw", null).json().get("pending").intValue())
                .isEqualTo(3);

        ApiReply cleared = call(emulator, "DELETE", "/scripts/openai?exact_scope=true", null);

        assertThat(cleared.json()).isEqualTo(json("{\"provider\":\"openai\",\"pending\":0,\"repeating\":0}"));
        assertThat(emulator.script("openai").forGateway("gw").pending()).as("another scope stays").isEqualTo(3);
    }

    @Test
    void scriptCountsAndClearsRefuseMistakesByName() {
        assertThat(assertValidationError(call(emulator, "GET", "/scripts/openai?gateway=gw", null),
                "query", "gateway").get("message").textValue()).isEqualTo("Input Validation Error: unknown query"
                + " parameter \"gateway\" (did you mean \"gateway_id\"?); this call takes gateway_id, test_id");
        assertThat(assertValidationError(call(emulator, "DELETE", "/scripts/openai?exact_scope=yes", null),
                "query", "exact_scope").get("message").textValue())
                .isEqualTo("Input Validation Error: exact_scope: expected true or false, got \"yes\"");
        assertValidationError(call(emulator, "GET", "/scripts/opnai", null), "provider");
    }

    @Test
    void aGatewaysSettingsAreReplacedAsAWholeAsUpdateGatewayDoes() {
        emulator.updateGateway("gw", GatewaySettings.builder().retryMaxAttempts(3).cacheTtl(Duration.ofSeconds(60))
                .build());

        ApiReply replaced = call(emulator, "PUT", "/gateways/gw", "{\"cache_ttl\":0,\"cache_invalidate_on_update\":"
                + "false,\"collect_logs\":true,\"rate_limiting_interval\":0,\"rate_limiting_limit\":0}");

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("gateway").get("id").textValue()).isEqualTo("gw");
        assertThat(replaced.json().get("gateway").has("retry_max_attempts")).as("left out, so unset").isFalse();
        assertThat(emulator.gateway("gw").orElseThrow().settings()).isEqualTo(GatewaySettings.defaults());
    }

    @Test
    void aReplacementRefusesMistakesByName() {
        String valid = "\"cache_invalidate_on_update\":false,\"collect_logs\":true,\"rate_limiting_interval\":0,"
                + "\"rate_limiting_limit\":0";
        assertThat(assertValidationError(call(emulator, "PUT", "/gateways/gw", "{\"cache_tl\":0," + valid + "}"),
                "body", "cache_tl").get("message").textValue()).startsWith("Input Validation Error: cache_tl: unknown"
                + " member (did you mean \"cache_ttl\"?)");
        assertValidationError(call(emulator, "PUT", "/gateways/gw", "{\"cache_ttl\":\"x\"," + valid + "}"),
                "body", "cache_ttl");
        assertValidationError(call(emulator, "PUT", "/gateways/gw", "{oops"), "body");
        assertNotFound(call(emulator, "PUT", "/gateways/nope", "{\"cache_ttl\":0," + valid + "}"));
        assertValidationError(call(emulator, "PUT", "/gateways/gw?acount_id=x", "{}"), "query", "acount_id");
    }

    @Test
    void fullLogEntriesAreListedOldestFirstWithTheLogsApisFilters() {
        chat();
        clock.advance(Duration.ofSeconds(1));
        emulator.script("openai").enqueue(UpstreamResponse.status(500));
        assertThat(proxy.post(proxy.path("gw", "openai/chat/completions"), ProxyClient.CHAT).statusCode())
                .isEqualTo(500);

        JsonNode all = call(emulator, "GET", "/logs/gw", null).json().get("logs");
        JsonNode failures = call(emulator, "GET", "/logs/gw?filters=" + URLEncoder.encode(
                "[{\"key\":\"success\",\"operator\":\"eq\",\"value\":[false]}]", StandardCharsets.UTF_8), null)
                .json().get("logs");

        assertThat(all).extracting(e -> e.get("status_code").intValue()).containsExactly(200, 500);
        assertThat(all.get(0).get("authenticated").booleanValue()).isFalse();
        assertThat(all.get(0).get("request").get("body").textValue()).isEqualTo(ProxyClient.CHAT);
        assertThat(failures).extracting(e -> e.get("status_code").intValue()).containsExactly(500);
        assertThat(call(emulator, "GET", "/logs/gw?search=OPENAI", null).json().get("logs")).hasSize(2);
        assertThat(call(emulator, "GET", "/logs/nope", null).json()).isEqualTo(json("{\"logs\":[]}"));
    }

    @Test
    void logListingsRefuseMistakesByName() {
        assertThat(assertValidationError(call(emulator, "GET", "/logs/gw?serch=x", null), "query", "serch")
                .get("message").textValue()).isEqualTo("Input Validation Error: unknown query parameter \"serch\""
                + " (did you mean \"search\"?); this call takes account_id, filters, search");
        assertValidationError(call(emulator, "GET", "/logs/gw?filters=nope", null), "query", "filters");
    }

    @Test
    void theClockAdvancesByAFractionOfAMillisecond() {
        call(emulator, "PUT", "/clock", "{\"mode\":\"manual\"}");

        ApiReply advanced = call(emulator, "POST", "/clock/advance", "{\"millis\":1.5}");

        assertThat(advanced.json().get("now").textValue()).isEqualTo("2026-04-01T08:00:00.0015Z");
        assertThat(clock.now()).isEqualTo(START.plusNanos(1_500_000));
        assertThat(clock.mode()).isEqualTo(ClockMode.MANUAL);
        assertThat(assertValidationError(call(emulator, "POST", "/clock/advance", "{\"millis\":1.0000001}"),
                "body", "millis").get("message").textValue()).isEqualTo("Input Validation Error: millis: expected a"
                + " number of milliseconds from 0 to 9223372036854 (at most 6 decimals), got 1.0000001");
    }

    @Test
    void timelinesNameTheirAccount() {
        chat();

        assertThat(call(emulator, "GET", "/timelines", null).json().get("timelines").get(0).get("account_id")
                .textValue()).isEqualTo(AiGatewayEmulator.DEFAULT_ACCOUNT_ID);
    }
}
