package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(parse(Map.of("cf-aig-max-attempts", "9")).maxAttempts()).hasValue(5);
        assertThat(parse(Map.of("cf-aig-max-attempts", "0")).maxAttempts()).hasValue(1);
        assertThat(parse(Map.of("cf-aig-max-attempts", "-3")).maxAttempts()).hasValue(1);
        assertThat(parse(Map.of("cf-aig-max-attempts", "three")).maxAttempts()).isEmpty();
    }

    @Test
    void retryDelayAboveFiveSecondsIsLoweredAndNegativeIsIgnored() {
        assertThat(parse(Map.of("cf-aig-retry-delay", "9000")).retryDelayMillis()).hasValue(5000);
        assertThat(parse(Map.of("cf-aig-retry-delay", "-1")).retryDelayMillis()).isEmpty();
        assertThat(parse(Map.of("cf-aig-retry-delay", "250")).retryDelayMillis()).hasValue(250);
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
        assertThat(parse(Map.of("cf-aig-backoff", "Exponential")).backoff()).contains("exponential");
        assertThat(parse(Map.of("cf-aig-backoff", "fibonacci")).backoff()).isEmpty();
    }
}
