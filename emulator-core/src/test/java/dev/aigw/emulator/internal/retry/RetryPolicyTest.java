package dev.aigw.emulator.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aigw.emulator.internal.gateway.Backoff;
import dev.aigw.emulator.internal.gateway.StoredSettings;
import dev.aigw.emulator.internal.proxy.GatewayHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The delay table of proxy.md 4.3: wait before retry k is d, d·k or d·2^(k-1). */
class RetryPolicyTest {

    private static final long[] DELAYS = {0, 100, 500, 1000, 2000, 3000, 5000};

    static Stream<Arguments> everyBackoffDelayAndAttemptCount() {
        List<Arguments> rows = new ArrayList<>();
        for (Backoff backoff : Backoff.values()) {
            for (long d : DELAYS) {
                for (int attempts = 1; attempts <= 5; attempts++) {
                    rows.add(Arguments.of(backoff, d, attempts));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}, base {1} ms, {2} attempts")
    @MethodSource("everyBackoffDelayAndAttemptCount")
    void theWaitsBetweenAttemptsFollowTheFormula(Backoff backoff, long d, int attempts) {
        RetryPolicy policy = new RetryPolicy(attempts, d, backoff);

        List<Long> waits = new ArrayList<>();
        for (int k = 1; k < attempts; k++) {
            waits.add(policy.delayBeforeRetry(k).toMillis());
        }

        List<Long> expected = new ArrayList<>();
        for (int k = 1; k < attempts; k++) {
            expected.add(switch (backoff) {
                case CONSTANT -> d;
                case LINEAR -> d * k;
                case EXPONENTIAL -> d * (long) Math.pow(2, k - 1);
            });
        }
        assertThat(waits).hasSize(attempts - 1).isEqualTo(expected);
    }

    @Test
    void theWorkedExampleOfTheSpecWithOneSecondAndFiveAttempts() {
        assertThat(waits(new RetryPolicy(5, 1000, Backoff.CONSTANT))).containsExactly(1000L, 1000L, 1000L, 1000L);
        assertThat(waits(new RetryPolicy(5, 1000, Backoff.LINEAR))).containsExactly(1000L, 2000L, 3000L, 4000L);
        assertThat(waits(new RetryPolicy(5, 1000, Backoff.EXPONENTIAL))).containsExactly(1000L, 2000L, 4000L, 8000L);
    }

    @Test
    void fiveSecondExponentialWaitsFiveTenTwentyAndFortySecondsUncapped() {
        assertThat(waits(new RetryPolicy(5, 5000, Backoff.EXPONENTIAL))).containsExactly(5000L, 10000L, 20000L, 40000L);
    }

    @Test
    void requestHeadersBeatTheGatewaySettingsWhichBeatTheDefaults() {
        StoredSettings gateway = gateway(Map.of("retry_max_attempts", IntNode.valueOf(3), "retry_delay", IntNode.valueOf(500),
                "retry_backoff", TextNode.valueOf("linear")));

        assertThat(resolve(headers(Map.of()), gateway)).isEqualTo(new RetryPolicy(3, 500, Backoff.LINEAR));
        assertThat(resolve(headers(Map.of("cf-aig-max-attempts", "5", "cf-aig-retry-delay", "2000",
                "cf-aig-backoff", "exponential")), gateway)).isEqualTo(new RetryPolicy(5, 2000, Backoff.EXPONENTIAL));
        assertThat(resolve(headers(Map.of("cf-aig-backoff", "constant")), gateway))
                .isEqualTo(new RetryPolicy(3, 500, Backoff.CONSTANT));
        assertThat(resolve(headers(Map.of()), gateway(Map.of()))).isEqualTo(RetryPolicy.NONE);
    }

    @Test
    void retriesSwitchedOffOnTheGatewayMeanOneAttempt() {
        StoredSettings gateway = gateway(Map.of("retry_max_attempts", NullNode.getInstance(),
                "retry_delay", NullNode.getInstance(), "retry_backoff", NullNode.getInstance()));

        assertThat(resolve(headers(Map.of()), gateway)).isEqualTo(RetryPolicy.NONE);
    }

    @Test
    void invalidHeaderValuesAreIgnoredOrClampedAsTheSpecSays() {
        StoredSettings gateway = gateway(Map.of("retry_max_attempts", IntNode.valueOf(2)));

        assertThat(resolve(headers(Map.of("cf-aig-max-attempts", "12")), gateway).maxAttempts()).isEqualTo(5);
        assertThat(resolve(headers(Map.of("cf-aig-max-attempts", "many")), gateway).maxAttempts()).isEqualTo(2);
        assertThat(resolve(headers(Map.of("cf-aig-retry-delay", "60000")), gateway).baseDelayMillis())
                .isEqualTo(5000);
        assertThat(resolve(headers(Map.of("cf-aig-backoff", "random")), gateway).backoff())
                .isEqualTo(Backoff.CONSTANT);
    }

    @Test
    void onlyTooManyRequestsAndServerErrorsAreRetryableStatuses() {
        assertThat(RetryPolicy.isRetryableStatus(429)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(500)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(503)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(529)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(400)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(401)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(404)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(200)).isFalse();
    }

    @Test
    void aPolicyOutsideTheLimitsIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(6, 0, Backoff.CONSTANT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, -1, Backoff.CONSTANT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredDelayAboveFiveSecondsIsWaitedAsStoredAndNeverFailsThePolicy() {
        StoredSettings gateway = gateway(Map.of("retry_max_attempts", IntNode.valueOf(3),
                "retry_delay", IntNode.valueOf(60_000), "retry_backoff", TextNode.valueOf("exponential")));

        RetryPolicy policy = resolve(GatewayHeaders.NONE, gateway);

        assertThat(waits(policy)).containsExactly(60_000L, 120_000L);
    }

    @Test
    void theHeaderDelayKeepsItsFiveSecondCapOverALongerStoredDelay() {
        StoredSettings gateway = gateway(Map.of("retry_max_attempts", IntNode.valueOf(2),
                "retry_delay", IntNode.valueOf(30_000)));

        assertThat(resolve(headers(Map.of("cf-aig-retry-delay", "9000")), gateway).baseDelayMillis()).isEqualTo(5000);
    }

    private static List<Long> waits(RetryPolicy policy) {
        List<Long> waits = new ArrayList<>();
        for (int k = 1; k < policy.maxAttempts(); k++) {
            waits.add(policy.delayBeforeRetry(k).toMillis());
        }
        return waits;
    }

    private static GatewayHeaders headers(Map<String, String> values) {
        return GatewayHeaders.parse(values::get);
    }

    private static RetryPolicy resolve(GatewayHeaders request, StoredSettings gateway) {
        return RetryPolicy.resolve(request.retries(), gateway.retries());
    }

    private static StoredSettings gateway(Map<String, JsonNode> settings) {
        return StoredSettings.bind(settings);
    }
}
