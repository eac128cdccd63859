package dev.aigw.emulator.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.gateway.RateLimit.Technique;
import dev.aigw.emulator.internal.gateway.RateLimit;
import dev.aigw.emulator.internal.gateway.StoredSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The windows of proxy.md 6.2 on a virtual clock, without sockets. */
class RateLimiterTest {

    private static final GatewayRef GATEWAY = new GatewayRef("acct", "gw", "incarnation-1");

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-03-01T12:00:00Z"));
    private final RateLimiter limiter = new RateLimiter();

    private boolean request(RateLimit limit) {
        return limiter.tryAcquire(GATEWAY, limit, clock.now());
    }

    private void at(String time) {
        clock.advance(Duration.between(clock.now(), Instant.parse("2026-03-01T" + time + "Z")));
    }

    private int passing(RateLimit limit, int requests) {
        int passed = 0;
        for (int i = 0; i < requests; i++) {
            passed += request(limit) ? 1 : 0;
        }
        return passed;
    }

    @Test
    void theDocsExampleFixedWindowsPassTenAtTwelveNineAndTenAtTwelveEleven() {
        RateLimit limit = new RateLimit(10, 600, Technique.FIXED);

        at("12:09:00");
        assertThat(passing(limit, 10)).isEqualTo(10);
        at("12:11:00");
        assertThat(passing(limit, 10)).isEqualTo(10);
    }

    @Test
    void theDocsExampleSlidingWindowRefusesTheSecondTen() {
        RateLimit limit = new RateLimit(10, 600, Technique.SLIDING);

        at("12:09:00");
        assertThat(passing(limit, 10)).isEqualTo(10);
        at("12:11:00");
        assertThat(passing(limit, 10)).isZero();
    }

    @Test
    void aFixedWindowIsAlignedToTheEpochAndResetsExactlyAtItsEdge() {
        RateLimit limit = new RateLimit(1, 60, Technique.FIXED);

        at("12:00:59.999");
        assertThat(request(limit)).isTrue();
        assertThat(request(limit)).as("same window, one millisecond before its edge").isFalse();
        at("12:01:00");
        assertThat(request(limit)).as("the next window starts at 12:01:00").isTrue();
    }

    @Test
    void aSlidingWindowFreesASlotExactlyOneIntervalAfterTheAcceptedRequest() {
        RateLimit limit = new RateLimit(1, 60, Technique.SLIDING);

        at("12:00:30");
        assertThat(request(limit)).isTrue();
        at("12:01:29.999");
        assertThat(request(limit)).as("one millisecond before the accepted request leaves the window").isFalse();
        at("12:01:30");
        assertThat(request(limit)).isTrue();
    }

    @Test
    void refusedRequestsDoNotCountSoASteadilyRetryingClientRecovers() {
        RateLimit limit = new RateLimit(2, 10, Technique.SLIDING);
        assertThat(passing(limit, 2)).isEqualTo(2);
        for (int second = 1; second < 10; second++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(request(limit)).isFalse();
        }

        clock.advance(Duration.ofSeconds(1));

        assertThat(passing(limit, 3)).isEqualTo(2);
    }

    @Test
    void gatewaysCountSeparately() {
        RateLimit limit = new RateLimit(1, 60, Technique.FIXED);

        assertThat(limiter.tryAcquire(GATEWAY, limit, clock.now())).isTrue();
        assertThat(limiter.tryAcquire(new GatewayRef("acct", "other", "incarnation-1"), limit, clock.now())).isTrue();
        assertThat(limiter.tryAcquire(new GatewayRef("other-acct", "gw", "incarnation-1"), limit, clock.now())).isTrue();
        assertThat(limiter.tryAcquire(GATEWAY, limit, clock.now())).isFalse();
    }

    @Test
    void aChangedTechniqueOrIntervalStartsAFreshWindowButAChangedLimitKeepsTheCount() {
        assertThat(passing(new RateLimit(2, 60, Technique.FIXED), 2)).isEqualTo(2);

        assertThat(passing(new RateLimit(3, 60, Technique.FIXED), 5)).as("limit raised to 3: one more").isEqualTo(1);
        assertThat(passing(new RateLimit(3, 60, Technique.SLIDING), 5)).isEqualTo(3);
        assertThat(passing(new RateLimit(3, 120, Technique.SLIDING), 5)).isEqualTo(3);
    }

    @Test
    void forgettingAGatewayEmptiesItsWindow() {
        RateLimit limit = new RateLimit(1, 60, Technique.FIXED);
        assertThat(request(limit)).isTrue();

        limiter.forget(GATEWAY);

        assertThat(request(limit)).isTrue();
        limiter.clear();
        assertThat(request(limit)).isTrue();
    }

    @Test
    @Timeout(30)
    void sixtyFourConcurrentRequestsAgainstALimitOfTenLetExactlyTenPass() throws Exception {
        for (Technique technique : Technique.values()) {
            RateLimiter fresh = new RateLimiter();
            RateLimit limit = new RateLimit(10, 60, technique);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                Callable<Boolean> call = () -> {
                    start.await();
                    return fresh.tryAcquire(GATEWAY, limit, clock.now());
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            int passed = 0;
            for (Future<Boolean> result : results) {
                passed += result.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(passed).as("%s window", technique).isEqualTo(10);
        }
    }

    @Test
    void aGatewayLimitsOnlyWhenLimitAndIntervalAreSetAboveZero() {
        assertThat(gateway(Map.of("rate_limiting_limit", num(10), "rate_limiting_interval", num(60))).rateLimit())
                .contains(new RateLimit(10, 60, Technique.FIXED));
        assertThat(gateway(Map.of("rate_limiting_limit", num(10), "rate_limiting_interval", num(60),
                "rate_limiting_technique", TextNode.valueOf("sliding"))).rateLimit())
                .contains(new RateLimit(10, 60, Technique.SLIDING));
        assertThat(gateway(Map.of("rate_limiting_limit", num(0), "rate_limiting_interval", num(60))).rateLimit())
                .isEmpty();
        assertThat(gateway(Map.of("rate_limiting_limit", num(10), "rate_limiting_interval",
                NullNode.getInstance())).rateLimit()).isEmpty();
        assertThat(gateway(Map.of()).rateLimit()).isEmpty();
    }

    private static StoredSettings gateway(Map<String, JsonNode> settings) {
        return StoredSettings.bind(settings);
    }

    private static JsonNode num(long n) {
        return LongNode.valueOf(n);
    }

    @Test
    void aLimitNeedsAPositiveLimitAndInterval() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RateLimit(0, 60, Technique.FIXED))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RateLimit(1, 0, Technique.FIXED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
