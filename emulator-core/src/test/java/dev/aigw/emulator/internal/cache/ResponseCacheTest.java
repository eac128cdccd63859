package dev.aigw.emulator.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The cache rules of proxy.md 5 on a virtual clock, without sockets. */
class ResponseCacheTest {

    private static final GatewayRef GATEWAY = new GatewayRef("acct", "gw", "incarnation-1");
    private static final byte[] BODY = "{\"model\":\"gpt-4o-mini\"}".getBytes(StandardCharsets.UTF_8);

    private final VirtualClock clock = VirtualClock.create();
    private final ResponseCache cache = new ResponseCache(clock);

    private static Optional<CachePolicy> policy(long gatewayTtl, Long headerTtl, boolean skip, String customKey) {
        return CachePolicy.decide(gatewayTtl, headerTtl == null ? OptionalLong.empty() : OptionalLong.of(headerTtl),
                skip, Optional.ofNullable(customKey));
    }

    private static CacheKey key(String path, String query, byte[] body) {
        return CacheKey.derived(GATEWAY, "openai", "POST", path, query, body);
    }

    private void store(CacheKey key, long ttlSeconds, String body) {
        cache.store(key, new CachePolicy(Duration.ofSeconds(ttlSeconds), Optional.empty()), 200,
                Map.of("content-type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theGatewayTtlAppliesWhenTheRequestSetsNone() {
        assertThat(policy(300, null, false, null)).map(CachePolicy::ttl).contains(Duration.ofSeconds(300));
        assertThat(policy(0, null, false, null)).isEmpty();
    }

    @Test
    void theTtlHeaderOverridesTheGatewayAndItsZeroDisablesCaching() {
        assertThat(policy(0, 120L, false, null)).map(CachePolicy::ttl).contains(Duration.ofSeconds(120));
        assertThat(policy(300, 120L, false, null)).map(CachePolicy::ttl).contains(Duration.ofSeconds(120));
        assertThat(policy(300, 0L, false, null)).isEmpty();
        assertThat(policy(0, 0L, false, "mine")).isEmpty();
    }

    @Test
    void headerTtlsBelowAMinuteAreRaisedAndAboveAMonthLowered() {
        assertThat(policy(0, 1L, false, null)).map(CachePolicy::ttl).contains(Duration.ofSeconds(60));
        assertThat(policy(0, 59L, false, null)).map(CachePolicy::ttl).contains(Duration.ofSeconds(60));
        assertThat(policy(0, 60L, false, null)).map(CachePolicy::ttl).contains(Duration.ofSeconds(60));
        assertThat(policy(0, 2_592_000L, false, null)).map(CachePolicy::ttl).contains(Duration.ofSeconds(2_592_000));
        assertThat(policy(0, 2_592_001L, false, null)).map(CachePolicy::ttl).contains(Duration.ofSeconds(2_592_000));
    }

    @Test
    void aCustomKeyOnAGatewayWithCachingOffLivesFiveMinutes() {
        assertThat(policy(0, null, false, "mine")).map(CachePolicy::ttl).contains(Duration.ofSeconds(300));
        assertThat(policy(3600, null, false, "mine")).map(CachePolicy::ttl).contains(Duration.ofSeconds(3600));
        assertThat(policy(0, 900L, false, "mine")).map(CachePolicy::ttl).contains(Duration.ofSeconds(900));
    }

    @Test
    void skipCacheMakesCachingIneffectiveWhateverElseIsSet() {
        assertThat(policy(300, 600L, true, "mine")).isEmpty();
    }

    @Test
    void aStoredResponseIsServedUntilItsTtlRunsOutOnTheClock() {
        CacheKey key = key("/v1/chat/completions", "", BODY);
        store(key, 60, "{\"answer\":1}");

        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.lookup(key)).map(r -> new String(r.body(), StandardCharsets.UTF_8)).contains("{\"answer\":1}");

        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.lookup(key)).isEmpty();
        assertThat(cache.size()).as("the stale entry is dropped").isZero();
    }

    @Test
    void aFreshStoreReplacesTheEntryAndRestartsItsTtl() {
        CacheKey key = key("/v1/chat/completions", "", BODY);
        store(key, 60, "{\"answer\":1}");
        clock.advance(Duration.ofSeconds(50));
        store(key, 60, "{\"answer\":2}");
        clock.advance(Duration.ofSeconds(50));

        assertThat(cache.lookup(key)).map(r -> new String(r.body(), StandardCharsets.UTF_8)).contains("{\"answer\":2}");
    }

    @Test
    void theDerivedKeyCoversProviderMethodPathQueryAndExactBodyBytes() {
        CacheKey base = key("/v1/chat/completions", "", BODY);

        assertThat(key("/v1/chat/completions", "", BODY.clone())).isEqualTo(base);
        assertThat(key("/v1/chat/completions", "", "{\"model\": \"gpt-4o-mini\"}".getBytes(StandardCharsets.UTF_8)))
                .as("one more space in the body").isNotEqualTo(base);
        assertThat(key("/v1/embeddings", "", BODY)).isNotEqualTo(base);
        assertThat(key("/v1/chat/completions", "a=1", BODY)).isNotEqualTo(base);
        assertThat(CacheKey.derived(GATEWAY, "groq", "POST", "/v1/chat/completions", "", BODY)).isNotEqualTo(base);
        assertThat(CacheKey.derived(GATEWAY, "openai", "PUT", "/v1/chat/completions", "", BODY)).isNotEqualTo(base);
        assertThat(CacheKey.derived(new GatewayRef("acct", "other", "incarnation-1"), "openai", "POST", "/v1/chat/completions", "",
                BODY)).isNotEqualTo(base);
        assertThat(CacheKey.derived(GATEWAY, "open", "aiPOST", "/v1/chat/completions", "", BODY))
                .as("parts are length-prefixed, so they cannot run into each other").isNotEqualTo(base);
    }

    @Test
    void aCustomKeyIsScopedToItsGateway() {
        assertThat(CacheKey.custom(GATEWAY, "k")).isEqualTo(CacheKey.custom(new GatewayRef("acct", "gw", "incarnation-1"), "k"));
        assertThat(CacheKey.custom(GATEWAY, "k")).isNotEqualTo(CacheKey.custom(new GatewayRef("acct", "gw2", "incarnation-1"), "k"));
    }

    @Test
    void onlyWhole2xxJsonTextOrImageResponsesToSmallNonStreamingRequestsAreCacheable() {
        assertThat(ResponseCache.isCacheable(200, "application/json", false, 100)).isTrue();
        assertThat(ResponseCache.isCacheable(201, "application/json; charset=utf-8", false, 100)).isTrue();
        assertThat(ResponseCache.isCacheable(200, "text/plain", false, 100)).isTrue();
        assertThat(ResponseCache.isCacheable(200, "image/png", false, 100)).isTrue();
        assertThat(ResponseCache.isCacheable(200, "application/problem+json", false, 100)).isTrue();
        assertThat(ResponseCache.isCacheable(500, "application/json", false, 100)).isFalse();
        assertThat(ResponseCache.isCacheable(429, "application/json", false, 100)).isFalse();
        assertThat(ResponseCache.isCacheable(200, "text/event-stream", false, 100)).isFalse();
        assertThat(ResponseCache.isCacheable(200, "audio/mpeg", false, 100)).isFalse();
        assertThat(ResponseCache.isCacheable(200, null, false, 100)).isFalse();
        assertThat(ResponseCache.isCacheable(200, "application/json", true, 100)).isFalse();
        assertThat(ResponseCache.isCacheable(200, "application/json", false, 25L * 1024 * 1024)).isTrue();
        assertThat(ResponseCache.isCacheable(200, "application/json", false, 25L * 1024 * 1024 + 1)).isFalse();
    }

    @Test
    void streamingRequestsAreRecognisedByBodyGooglePathAndSseQuery() {
        byte[] none = new byte[0];
        assertThat(ResponseCache.asksToStream("/v1/chat/completions", "",
                "{\"model\":\"m\",\"stream\":true}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(ResponseCache.asksToStream("/v1/chat/completions", "",
                "{\"model\":\"m\",\"stream\":false}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(ResponseCache.asksToStream("/v1beta/models/gemini-2.0-flash:streamGenerateContent", "", none))
                .isTrue();
        assertThat(ResponseCache.asksToStream("/v1beta/models/gemini-2.0-flash:generateContent", "key=1&alt=sse",
                none)).isTrue();
        assertThat(ResponseCache.asksToStream("/v1beta/models/gemini-2.0-flash:generateContent", "", none)).isFalse();
        assertThat(ResponseCache.asksToStream("/v1/chat/completions", "", "not json".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    void droppingAGatewayLeavesOtherGatewaysEntries() {
        CacheKey mine = key("/v1/chat/completions", "", BODY);
        CacheKey other = CacheKey.derived(new GatewayRef("acct", "other", "incarnation-1"), "openai", "POST", "/v1/chat/completions",
                "", BODY);
        store(mine, 60, "{}");
        store(other, 60, "{}");

        cache.dropGateway(GATEWAY);

        assertThat(cache.lookup(mine)).isEmpty();
        assertThat(cache.lookup(other)).isPresent();
        cache.clear();
        assertThat(cache.lookup(other)).isEmpty();
    }

    @Test
    void storesSweepExpiredEntriesNowAndThen() {
        for (int i = 0; i < 200; i++) {
            store(CacheKey.custom(GATEWAY, "old-" + i), 60, "{}");
        }
        clock.advance(Duration.ofMinutes(2));
        for (int i = 0; i < 100; i++) {
            store(CacheKey.custom(GATEWAY, "new-" + i), 60, "{}");
        }

        assertThat(cache.size()).isLessThan(300);
    }
}
