package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The response cache over HTTP (proxy.md 5): what is stored, for how long on the clock, and what bypasses it. */
@Timeout(30)
class CachingTest {

    private static final String OTHER_CHAT =
            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Something else\"}]}";

    private final VirtualClock clock = VirtualClock.create();
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
    private final ProxyClient client = new ProxyClient(emulator);
    private final ManagementCalls management = new ManagementCalls(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> chat(String gateway, String body, String... headers) {
        return client.post(client.path(gateway, "openai/chat/completions"), body, headers);
    }

    private static Optional<String> cacheStatus(HttpResponse<String> response) {
        return response.headers().firstValue("cf-aig-cache-status");
    }

    private int upstreamCalls() {
        return emulator.recordedRequests().size();
    }

    @Test
    void aRepeatedRequestIsAMissThenAHitWithTheSameBodyAndFreshGatewayHeaders() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());

        HttpResponse<String> miss = chat("gw", ProxyClient.CHAT);
        HttpResponse<String> hit = chat("gw", ProxyClient.CHAT);

        assertThat(miss.statusCode()).isEqualTo(200);
        assertThat(cacheStatus(miss)).contains("MISS");
        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(cacheStatus(hit)).contains("HIT");
        assertThat(hit.body()).isEqualTo(miss.body());
        assertThat(hit.headers().firstValue("content-type")).isEqualTo(miss.headers().firstValue("content-type"));
        assertThat(hit.headers().firstValue("cf-aig-log-id")).isPresent()
                .isNotEqualTo(miss.headers().firstValue("cf-aig-log-id"));
        assertThat(hit.headers().firstValue("cf-aig-request-id")).isPresent()
                .isNotEqualTo(miss.headers().firstValue("cf-aig-request-id"));
    }

    @Test
    void aHitMakesNoUpstreamAttempt() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());

        chat("gw", ProxyClient.CHAT);
        chat("gw", ProxyClient.CHAT);
        chat("gw", ProxyClient.CHAT);

        assertThat(emulator.recordedRequests()).hasSize(1);
        assertThat(emulator.timelines()).as("a hit reaches no upstream, so it has no timeline").hasSize(1);
    }

    @Test
    void anEntryExpiresWhenItsTtlRunsOutOnTheEmulatorsClock() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(60)).build());
        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT))).contains("MISS");

        clock.advance(Duration.ofSeconds(59));
        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT))).contains("HIT");

        clock.advance(Duration.ofSeconds(1));
        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT))).contains("MISS");
        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT))).as("the fresh response replaced it").contains("HIT");
        assertThat(upstreamCalls()).isEqualTo(2);
    }

    @Test
    void differentBodiesAreDifferentEntries() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());

        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT))).contains("MISS");
        assertThat(cacheStatus(chat("gw", OTHER_CHAT))).contains("MISS");
        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT))).contains("HIT");
        assertThat(cacheStatus(chat("gw", OTHER_CHAT))).contains("HIT");
        assertThat(upstreamCalls()).isEqualTo(2);
    }

    @Test
    void providerCredentialsAreNotPartOfTheKey() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());

        chat("gw", ProxyClient.CHAT, "authorization", "Bearer sk-alice");
        HttpResponse<String> bob = chat("gw", ProxyClient.CHAT, "authorization", "Bearer sk-bob");

        assertThat(cacheStatus(bob)).contains("HIT");
    }

    @Test
    void skipCacheGoesUpstreamWithoutReadingOrWritingTheCacheAndSendsNoStatus() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());

        HttpResponse<String> skipped = chat("gw", ProxyClient.CHAT, "cf-aig-skip-cache", "true");
        assertThat(cacheStatus(skipped)).isEmpty();
        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT))).as("the skipped response was not stored")
                .contains("MISS");
        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT, "cf-skip-cache", "true"))).isEmpty();
        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT))).contains("HIT");
        assertThat(upstreamCalls()).isEqualTo(3);
    }

    @Test
    void aCustomCacheKeyReplacesTheDerivedKeyAndLivesFiveMinutesOnAGatewayWithCachingOff() {
        emulator.createGateway("gw");

        HttpResponse<String> first = chat("gw", ProxyClient.CHAT, "cf-aig-cache-key", "greeting");
        HttpResponse<String> other = chat("gw", OTHER_CHAT, "cf-aig-cache-key", "greeting");

        assertThat(cacheStatus(first)).contains("MISS");
        assertThat(cacheStatus(other)).contains("HIT");
        assertThat(other.body()).isEqualTo(first.body());
        clock.advance(Duration.ofSeconds(299));
        assertThat(cacheStatus(chat("gw", OTHER_CHAT, "cf-aig-cache-key", "greeting"))).contains("HIT");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cacheStatus(chat("gw", OTHER_CHAT, "cf-aig-cache-key", "greeting"))).contains("MISS");
        assertThat(cacheStatus(chat("gw", OTHER_CHAT))).as("no key, caching off: no cache").isEmpty();
    }

    @Test
    void theTtlHeaderTurnsCachingOnForOneRequestAndZeroTurnsItOff() {
        emulator.createGateway("off");
        emulator.createGateway("on", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());

        assertThat(cacheStatus(chat("off", ProxyClient.CHAT, "cf-aig-cache-ttl", "120"))).contains("MISS");
        assertThat(cacheStatus(chat("off", ProxyClient.CHAT, "cf-aig-cache-ttl", "120"))).contains("HIT");
        assertThat(cacheStatus(chat("off", ProxyClient.CHAT))).isEmpty();
        assertThat(cacheStatus(chat("on", ProxyClient.CHAT, "cf-aig-cache-ttl", "0"))).isEmpty();
        assertThat(cacheStatus(chat("on", ProxyClient.CHAT, "cf-aig-cache-ttl", "0"))).isEmpty();
    }

    @Test
    void aTtlHeaderBelowAMinuteIsRaisedToSixtySeconds() {
        emulator.createGateway("gw");

        chat("gw", ProxyClient.CHAT, "cf-aig-cache-ttl", "5");
        clock.advance(Duration.ofSeconds(59));
        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT, "cf-aig-cache-ttl", "5"))).contains("HIT");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT, "cf-aig-cache-ttl", "5"))).contains("MISS");
    }

    @Test
    void streamingResponsesAreNotCached() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());
        String stream = "{\"model\":\"gpt-4o-mini\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

        HttpResponse<String> first = chat("gw", stream);
        HttpResponse<String> second = chat("gw", stream);

        assertThat(first.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/event-stream"));
        assertThat(cacheStatus(first)).contains("MISS");
        assertThat(cacheStatus(second)).contains("MISS");
        assertThat(upstreamCalls()).isEqualTo(2);
    }

    @Test
    void errorRepliesAreNotCachedButTheNextSuccessIs() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());
        emulator.script("openai").enqueue(UpstreamResponse.status(500));

        HttpResponse<String> failed = chat("gw", ProxyClient.CHAT);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(cacheStatus(failed)).contains("MISS");
        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT))).contains("MISS");
        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT))).contains("HIT");
    }

    @Test
    void onlyTheFinalSuccessOfRetriesIsStoredAndAHitIsNotRetried() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());
        emulator.script("openai").enqueue(UpstreamResponse.status(503), 2);

        HttpResponse<String> retried = chat("gw", ProxyClient.CHAT, "cf-aig-max-attempts", "3");
        HttpResponse<String> hit = chat("gw", ProxyClient.CHAT, "cf-aig-max-attempts", "3");

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(cacheStatus(hit)).contains("HIT");
        assertThat(hit.body()).isEqualTo(retried.body());
        assertThat(emulator.recordedRequests()).extracting(RecordedRequest::attempt).containsExactly(1, 2, 3);
    }

    @Test
    void updatingAGatewayWithCacheInvalidateOnUpdateDropsItsEntries() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .cacheTtl(Duration.ofSeconds(300)).cacheInvalidateOnUpdate(true).build());
        chat("gw", ProxyClient.CHAT);
        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT))).contains("HIT");

        management.updateWith("gw", "\"cache_ttl\":300,\"cache_invalidate_on_update\":true");

        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT))).contains("MISS");
    }

    @Test
    void updatingAGatewayWithoutCacheInvalidateOnUpdateKeepsItsEntries() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());
        chat("gw", ProxyClient.CHAT);

        management.updateWith("gw", "\"cache_ttl\":300,\"collect_logs\":false");

        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT))).contains("HIT");
    }

    @Test
    void deletingAGatewayDropsItsCache() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());
        chat("gw", ProxyClient.CHAT);

        emulator.deleteGateway("gw");
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());

        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT))).contains("MISS");
    }

    @Test
    void gatewaysDoNotShareEntries() {
        emulator.createGateway("one", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());
        emulator.createGateway("two", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());
        chat("one", ProxyClient.CHAT);

        assertThat(cacheStatus(chat("two", ProxyClient.CHAT))).contains("MISS");
    }

    @Test
    void resetEmptiesTheCache() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());
        chat("gw", ProxyClient.CHAT);

        emulator.reset();
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());

        assertThat(cacheStatus(chat("gw", ProxyClient.CHAT))).contains("MISS");
    }

    @Test
    void aUniversalStepsOwnCacheHeadersBeatTheRequests() {
        emulator.createGateway("gw");
        String steps = "[{\"provider\":\"openai\",\"endpoint\":\"chat/completions\","
                + "\"headers\":{\"cf-aig-cache-ttl\":\"120\"},\"query\":" + ProxyClient.CHAT + "}]";

        HttpResponse<String> miss = client.post("/v1/" + emulator.accountId() + "/gw", steps, "cf-aig-cache-ttl", "0");
        HttpResponse<String> hit = client.post("/v1/" + emulator.accountId() + "/gw", steps, "cf-aig-cache-ttl", "0");

        assertThat(cacheStatus(miss)).contains("MISS");
        assertThat(cacheStatus(hit)).contains("HIT");
        assertThat(hit.headers().firstValue("cf-aig-step")).contains("0");
    }

    @Test
    void aCompatHitReturnsExactlyTheTranslatedAnswerTheMissGot() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());
        String body = "{\"model\":\"anthropic/claude-sonnet-4-5\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

        HttpResponse<String> miss = client.post(client.path("gw", "compat/chat/completions"), body);
        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> hit = client.post(client.path("gw", "compat/chat/completions"), body);

        assertThat(cacheStatus(miss)).contains("MISS");
        assertThat(cacheStatus(hit)).contains("HIT");
        assertThat(ProxyClient.json(miss).get("object").textValue()).isEqualTo("chat.completion");
        assertThat(hit.body()).isEqualTo(miss.body());
        assertThat(hit.headers().firstValue("cf-aig-provider")).contains("anthropic");
    }
}
