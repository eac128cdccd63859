package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.internal.gateway.Backoff;
import dev.aigw.emulator.internal.proxy.GatewayHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parsing rules of proxy.md 3.1: invalid values are ignored, limits clamp. */
class GatewayHeadersTest {

    private static GatewayHeaders parse(Map<String, String> headers) {
        return GatewayHeaders.parse(headers::get);
    }

    @Test
    void metadataKeepsTheFirstFiveFlatEntriesInJsonOrder() {
        GatewayHeaders headers = parse(Map.of("cf-aig-metadata",
                "{\"a\":1,\"nested\":{\"x\":1},\"b\":\"two\",\"c\":true,\"list\":[1],\"d\":4.5,\"e\":\"five\",\"f\":6,\"n\":null}"));

        assertThat(headers.metadata().keySet()).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void metadataThatIsNotAJsonObjectIsIgnored() {
        assertThat(parse(Map.of("cf-aig-metadata", "[1,2]")).metadata()).isEmpty();
        assertThat(parse(Map.of("cf-aig-metadata", "{oops")).metadata()).isEmpty();
    }

    @Test
    void maxAttemptsIsClampedIntoOneToFive() {
        assertThat(parse(Map.of("cf-aig-max-attempts", "9")).retries().maxAttempts()).hasValue(5);
        assertThat(parse(Map.of("cf-aig-max-attempts", "0")).retries().maxAttempts()).hasValue(1);
        assertThat(parse(Map.of("cf-aig-max-attempts", "-3")).retries().maxAttempts()).hasValue(1);
        assertThat(parse(Map.of("cf-aig-max-attempts", "three")).retries().maxAttempts()).isEmpty();
    }

    @Test
    void retryDelayAboveFiveSecondsIsLoweredAndNegativeIsIgnored() {
        assertThat(parse(Map.of("cf-aig-retry-delay", "9000")).retries().delayMillis()).hasValue(5000);
        assertThat(parse(Map.of("cf-aig-retry-delay", "-1")).retries().delayMillis()).isEmpty();
        assertThat(parse(Map.of("cf-aig-retry-delay", "250")).retries().delayMillis()).hasValue(250);
    }

    @Test
    void booleansAreCaseInsensitiveAndAnythingElseIsIgnored() {
        assertThat(parse(Map.of("cf-aig-skip-cache", "TRUE")).skipCache()).contains(true);
        assertThat(parse(Map.of("cf-aig-collect-log", "False")).collectLog()).contains(false);
        assertThat(parse(Map.of("cf-aig-collect-log", "yes")).collectLog()).isEmpty();
    }

    @Test
    void deprecatedCacheAliasesAreHonoured() {
        GatewayHeaders headers = parse(Map.of("cf-skip-cache", "true", "cf-cache-ttl", "120"));

        assertThat(headers.skipCache()).contains(true);
        assertThat(headers.cacheTtlSeconds()).hasValue(120);
    }

    @Test
    void anUnknownBackoffIsIgnored() {
        assertThat(parse(Map.of("cf-aig-backoff", "Exponential")).retries().backoff()).contains(Backoff.EXPONENTIAL);
        assertThat(parse(Map.of("cf-aig-backoff", "fibonacci")).retries().backoff()).isEmpty();
    }
}
