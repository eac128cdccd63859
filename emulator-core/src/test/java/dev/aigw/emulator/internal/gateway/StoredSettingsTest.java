package dev.aigw.emulator.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.json.Json;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Gateway settings are bound once from the validated body into types the data plane reads as fields, while the
 * stored members keep what the API echoes: an explicit null apart from a member never sent, nested objects as sent.
 */
class GatewaySettingsTest {

    private static final String REQUIRED = "\"cache_invalidate_on_update\":true,\"cache_ttl\":300,\"collect_logs\":false,"
            + "\"rate_limiting_interval\":60,\"rate_limiting_limit\":10";

    @Test
    void everySettingTheDataPlaneUsesIsReadAsAType() {
        StoredSettings settings = create(REQUIRED + ",\"authentication\":true,\"rate_limiting_technique\":\"sliding\","
                + "\"log_management\":20000,\"log_management_strategy\":\"DELETE_OLDEST\","
                + "\"retry_max_attempts\":4,\"retry_delay\":2000,\"retry_backoff\":\"exponential\"");

        assertThat(settings.authentication()).isTrue();
        assertThat(settings.collectLogs()).isFalse();
        assertThat(settings.cacheTtlSeconds()).isEqualTo(300);
        assertThat(settings.cacheInvalidateOnUpdate()).isTrue();
        assertThat(settings.rateLimit()).contains(new RateLimit(10, 60, RateLimit.Technique.SLIDING));
        assertThat(settings.logLimit()).isEqualTo(new LogLimit(20_000, LogLimit.Strategy.DELETE_OLDEST));
        assertThat(settings.retries()).isEqualTo(new Retries(OptionalInt.of(4), OptionalLong.of(2000),
                Optional.of(Backoff.EXPONENTIAL)));
    }

    @Test
    void aNewGatewayGetsTheDefaultsOfTheFieldsItOmits() {
        StoredSettings settings = create(REQUIRED.replace("\"rate_limiting_limit\":10", "\"rate_limiting_limit\":0"));

        assertThat(settings.authentication()).isFalse();
        assertThat(settings.rateLimit()).isEmpty();
        assertThat(settings.logLimit()).isEqualTo(new LogLimit(LogLimit.DEFAULT_MAX_ENTRIES, LogLimit.Strategy.STOP_INSERTING));
        assertThat(settings.retries()).isEqualTo(Retries.NONE);
        assertThat(settings.members().get("rate_limiting_technique").textValue()).isEqualTo("fixed");
    }

    @Test
    void aNullAndAnAbsentMemberReadTheSameButAreStoredApart() {
        StoredSettings sentNull = create(REQUIRED + ",\"retry_max_attempts\":null");
        StoredSettings absent = create(REQUIRED);

        assertThat(sentNull.retries()).isEqualTo(absent.retries()).isEqualTo(Retries.NONE);
        assertThat(sentNull.members()).containsKey("retry_max_attempts");
        assertThat(sentNull.members().get("retry_max_attempts").isNull()).isTrue();
        assertThat(absent.members()).doesNotContainKey("retry_max_attempts");
    }

    @Test
    void anUpdateRebindsTheTypesFromTheMergedMembers() {
        StoredSettings before = create(REQUIRED + ",\"retry_max_attempts\":3,\"retry_delay\":500");

        StoredSettings after = GatewayBodies.forUpdate(body(REQUIRED + ",\"retry_delay\":null"), before);

        assertThat(after.retries()).isEqualTo(new Retries(OptionalInt.of(3), OptionalLong.empty(), Optional.empty()));
        assertThat(after.members().get("retry_delay").isNull()).isTrue();
    }

    @Test
    void nestedObjectsAreStoredExactlyAsSent() {
        String dlp = "{\"enabled\":true,\"action\":\"BLOCK\",\"profiles\":[\"p1\",\"p2\"]}";

        StoredSettings settings = create(REQUIRED + ",\"dlp\":" + dlp);

        assertThat(Json.text(settings.members().get("dlp"))).isEqualTo(dlp);
    }

    @Test
    void invalidValuesAreRefusedBeforeAnythingIsBound() {
        assertThatThrownBy(() -> create(REQUIRED + ",\"retry_backoff\":\"fibonacci\""))
                .isInstanceOf(ApiException.class).hasMessageContaining("retry_backoff");
        assertThatThrownBy(() -> create(REQUIRED + ",\"retry_max_attempts\":6"))
                .isInstanceOf(ApiException.class).hasMessageContaining("retry_max_attempts");
        assertThatThrownBy(() -> create(REQUIRED + ",\"rate_limiting_technique\":\"leaky\""))
                .isInstanceOf(ApiException.class).hasMessageContaining("rate_limiting_technique");
    }

    private static StoredSettings create(String members) {
        return GatewayBodies.forCreate(body(members)).settings();
    }

    private static ObjectNode body(String members) {
        try {
            JsonNode node = Json.parse("{\"id\":\"gw\"," + members + "}");
            return (ObjectNode) node;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
