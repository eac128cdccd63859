package dev.aigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.gateway.GatewayField;
import dev.aigw.emulator.internal.gateway.GatewayFields;
import dev.aigw.emulator.testsupport.ApiAssertions;
import dev.aigw.emulator.testsupport.GatewayBodies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The typed gateway settings of the Java API, without an emulator: defaults, copies, unsetting and misuse. */
class GatewaySettingsBuilderTest {

    @Test
    void theDefaultsAreWhatADashboardGatewayGets() {
        GatewaySettings defaults = GatewaySettings.defaults();

        assertThat(defaults.collectLogs()).isTrue();
        assertThat(defaults.cacheTtl()).isZero();
        assertThat(defaults.cacheInvalidateOnUpdate()).isFalse();
        assertThat(defaults.rateLimitingLimit()).isZero();
        assertThat(defaults.rateLimitingInterval()).isZero();
        assertThat(defaults.rateLimitingTechnique()).isEqualTo(GatewaySettings.RateLimitingTechnique.FIXED);
        assertThat(defaults.authentication()).isFalse();
        assertThat(defaults.logpush()).isFalse();
        assertThat(defaults.zdr()).isFalse();
        assertThat(defaults.workersAiBillingMode()).isEqualTo(GatewaySettings.WorkersAiBillingMode.POSTPAID);
        assertThat(List.of(defaults.logManagement(), defaults.logManagementStrategy(), defaults.logClassification(),
                defaults.logpushPublicKey(), defaults.retryMaxAttempts(), defaults.retryDelay(), defaults.retryBackoff(),
                defaults.storeId(), defaults.dlp(), defaults.guardrails(), defaults.otel(), defaults.spendLimits(),
                defaults.stripe())).allMatch(Optional::isEmpty);
        assertThat(GatewaySettings.builder().build()).isEqualTo(defaults);
    }

    @Test
    void everyWritableFieldOfTheGatewayObjectHasASetting() {
        JsonNode json = GatewayBodies.fullSettings().toJson();

        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrderElementsOf(
                GatewayFields.ALL.stream().map(GatewayField::name).toList());
    }

    @Test
    void theSettingsAreTheMembersOfTheFullCreateBody() {
        JsonNode body = ApiAssertions.json(GatewayBodies.full("gw"));
        ((ObjectNode) body).remove("id");

        assertThat(ApiAssertions.json(GatewayBodies.fullSettings().toJson().toString())).isEqualTo(body);
    }

    @Test
    void newBuilderStartsFromEverySettingAndChangesOnlyWhatItIsTold() {
        GatewaySettings full = GatewayBodies.fullSettings();

        GatewaySettings changed = full.newBuilder().cacheTtl(Duration.ofMinutes(5)).build();

        assertThat(full.newBuilder().build()).isEqualTo(full).hasSameHashCodeAs(full);
        assertThat(changed.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(full.cacheTtl()).as("the original is unchanged").isEqualTo(Duration.ofHours(1));
        assertThat(changed.newBuilder().cacheTtl(Duration.ofHours(1)).build()).isEqualTo(full);
    }

    @Test
    void nullUnsetsAnOptionalSetting() {
        GatewaySettings withRetries = GatewaySettings.builder().retryMaxAttempts(3).retryDelay(Duration.ofSeconds(1))
                .retryBackoff(GatewaySettings.Backoff.LINEAR).dlp("{\"enabled\":false,\"action\":\"FLAG\",\"profiles\":[]}")
                .build();

        GatewaySettings without = withRetries.newBuilder().retryMaxAttempts(null).retryDelay(null).retryBackoff(null)
                .dlp(null).build();

        assertThat(withRetries.retryDelay()).hasValue(Duration.ofSeconds(1));
        assertThat(without).isEqualTo(GatewaySettings.defaults());
    }

    @Test
    void jsonSettingsAreKeptAsCompactJsonText() {
        GatewaySettings settings = GatewaySettings.builder()
                .guardrails(" { \"prompt\" : { \"P1\" : \"BLOCK\" },\n \"response\" : { } } ")
                .build();

        assertThat(settings.guardrails()).hasValue("{\"prompt\":{\"P1\":\"BLOCK\"},\"response\":{}}");
        assertThat(settings).hasToString("GatewaySettings" + settings.toJson());
    }

    @Test
    void jsonSettingsThatAreNotJsonAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> GatewaySettings.builder().otel("[{\"url\": "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("otel must be JSON text in the shape of the API's otel member, got: [{\"url\": ");
        assertThatThrownBy(() -> GatewaySettings.builder().spendLimits("{} {}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spend_limits must be JSON text");
    }

    @Test
    void durationsTheApiCannotCarryAreRefusedSayingWhatItTakes() {
        assertThatThrownBy(() -> GatewaySettings.builder().cacheTtl(Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cacheTtl must be whole seconds, got PT1.5S");
        assertThatThrownBy(() -> GatewaySettings.builder().rateLimitingInterval(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rateLimitingInterval must be whole seconds, got PT0.01S");
        assertThatThrownBy(() -> GatewaySettings.builder().retryDelay(Duration.ofNanos(1_500_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retryDelay must be whole milliseconds, got PT0.0015S");
    }

    @Test
    void settingsThatAlwaysHaveAValueRefuseNull() {
        assertThatThrownBy(() -> GatewaySettings.builder().cacheTtl(null))
                .isInstanceOf(NullPointerException.class).hasMessage("cacheTtl");
        assertThatThrownBy(() -> GatewaySettings.builder().rateLimitingTechnique(null))
                .isInstanceOf(NullPointerException.class).hasMessage("technique");
        assertThatThrownBy(() -> GatewaySettings.builder().workersAiBillingMode(null))
                .isInstanceOf(NullPointerException.class).hasMessage("mode");
    }

    @Test
    void outOfRangeValuesAreLeftToTheApiToRefuse() {
        GatewaySettings settings = GatewaySettings.builder().retryMaxAttempts(6).cacheTtl(Duration.ofSeconds(-1))
                .build();

        assertThat(settings.retryMaxAttempts()).hasValue(6);
        assertThat(settings.toJson().get("cache_ttl").asLong()).isEqualTo(-1);
    }

    @Test
    void readingStoredMembersTreatsAnExplicitNullAsUnset() {
        Map<String, JsonNode> members = Map.of("retry_delay", NullNode.getInstance(),
                "cache_ttl", NullNode.getInstance());

        GatewaySettings read = GatewaySettings.fromJson(members);

        assertThat(read.retryDelay()).isEmpty();
        assertThat(read.cacheTtl()).isZero();
    }
}
