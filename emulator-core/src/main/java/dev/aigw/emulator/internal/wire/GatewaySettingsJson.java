package dev.aigw.emulator.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.internal.json.Json;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A gateway's settings as the members of the management API's gateway object: written for create and update bodies
 * (by the Java API, the remote emulator and the standalone config file's writer), read from the API's gateways.
 */
public final class GatewaySettingsJson {

    private GatewaySettingsJson() {
    }

    /** Writes settings as the members of a create body, without the id; unset optional settings are absent. */
    public static ObjectNode render(GatewaySettings s) {
        ObjectNode body = Json.object()
                .put("authentication", s.authentication())
                .put("cache_invalidate_on_update", s.cacheInvalidateOnUpdate())
                .put("cache_ttl", s.cacheTtl().getSeconds())
                .put("collect_logs", s.collectLogs())
                .put("logpush", s.logpush())
                .put("rate_limiting_interval", s.rateLimitingInterval().getSeconds())
                .put("rate_limiting_limit", s.rateLimitingLimit())
                .put("rate_limiting_technique", apiValue(s.rateLimitingTechnique()))
                .put("workers_ai_billing_mode", apiValue(s.workersAiBillingMode()))
                .put("zdr", s.zdr())
                .put("byok_only", s.byokOnly());
        s.logManagement().ifPresent(v -> body.put("log_management", v));
        s.logManagementStrategy().ifPresent(v -> body.put("log_management_strategy", v.name()));
        s.logClassification().ifPresent(v -> body.put("log_classification", v));
        s.logpushPublicKey().ifPresent(v -> body.put("logpush_public_key", v));
        s.retryMaxAttempts().ifPresent(v -> body.put("retry_max_attempts", v));
        s.retryDelay().ifPresent(v -> body.put("retry_delay", v.toMillis()));
        s.retryBackoff().ifPresent(v -> body.put("retry_backoff", apiValue(v)));
        s.storeId().ifPresent(v -> body.put("store_id", v));
        s.dlp().ifPresent(v -> body.set("dlp", nested("dlp", v)));
        s.guardrails().ifPresent(v -> body.set("guardrails", nested("guardrails", v)));
        s.otel().ifPresent(v -> body.set("otel", nested("otel", v)));
        s.spendLimits().ifPresent(v -> body.set("spend_limits", nested("spend_limits", v)));
        s.stripe().ifPresent(v -> body.set("stripe", nested("stripe", v)));
        return body;
    }

    /** Writes a create body: the id, then the settings. */
    public static ObjectNode createBody(String id, GatewaySettings settings) {
        ObjectNode body = Json.object().put("id", id);
        body.setAll(render(settings));
        return body;
    }

    /** Reads the settings a gateway stores, as the API renders them; a {@code null} member reads as unset. */
    public static GatewaySettings parse(Map<String, JsonNode> members) {
        Function<String, Optional<JsonNode>> get = name -> Optional.ofNullable(members.get(name))
                .filter(value -> !value.isNull());
        GatewaySettings.Builder b = GatewaySettings.builder();
        given(get.apply("authentication"), v -> b.authentication(v.booleanValue()));
        given(get.apply("collect_logs"), v -> b.collectLogs(v.booleanValue()));
        given(get.apply("log_management"), v -> b.logManagement(v.intValue()));
        given(get.apply("log_management_strategy"), v -> b.logManagementStrategy(
                GatewaySettings.LogManagementStrategy.valueOf(v.textValue())));
        given(get.apply("log_classification"), v -> b.logClassification(v.booleanValue()));
        given(get.apply("logpush"), v -> b.logpush(v.booleanValue()));
        given(get.apply("logpush_public_key"), v -> b.logpushPublicKey(v.textValue()));
        given(get.apply("cache_ttl"), v -> b.cacheTtl(Duration.ofSeconds(v.longValue())));
        given(get.apply("cache_invalidate_on_update"), v -> b.cacheInvalidateOnUpdate(v.booleanValue()));
        given(get.apply("rate_limiting_limit"), v -> b.rateLimitingLimit(v.longValue()));
        given(get.apply("rate_limiting_interval"), v -> b.rateLimitingInterval(Duration.ofSeconds(v.longValue())));
        given(get.apply("rate_limiting_technique"), v -> b.rateLimitingTechnique(
                fromApi(GatewaySettings.RateLimitingTechnique.class, v)));
        given(get.apply("retry_max_attempts"), v -> b.retryMaxAttempts(v.intValue()));
        given(get.apply("retry_delay"), v -> b.retryDelay(Duration.ofMillis(v.longValue())));
        given(get.apply("retry_backoff"), v -> b.retryBackoff(fromApi(GatewaySettings.Backoff.class, v)));
        given(get.apply("workers_ai_billing_mode"), v -> b.workersAiBillingMode(
                fromApi(GatewaySettings.WorkersAiBillingMode.class, v)));
        given(get.apply("zdr"), v -> b.zdr(v.booleanValue()));
        given(get.apply("byok_only"), v -> b.byokOnly(v.booleanValue()));
        given(get.apply("store_id"), v -> b.storeId(v.textValue()));
        given(get.apply("dlp"), v -> b.dlp(Json.text(v)));
        given(get.apply("guardrails"), v -> b.guardrails(Json.text(v)));
        given(get.apply("otel"), v -> b.otel(Json.text(v)));
        given(get.apply("spend_limits"), v -> b.spendLimits(Json.text(v)));
        given(get.apply("stripe"), v -> b.stripe(Json.text(v)));
        return b.build();
    }

    private static void given(Optional<JsonNode> value, Consumer<JsonNode> set) {
        value.ifPresent(set);
    }

    private static String apiValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E fromApi(Class<E> type, JsonNode value) {
        return Enum.valueOf(type, value.textValue().toUpperCase(Locale.ROOT));
    }

    /**
     * Parses the JSON text of a nested setting ({@code dlp}, {@code guardrails}, ...).
     *
     * @throws IllegalArgumentException if it is not JSON, naming the setting
     */
    public static JsonNode nested(String setting, String json) {
        try {
            return Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(setting + " must be JSON text in the shape of the API's " + setting
                    + " member, got: " + json + " (" + e.getOriginalMessage() + ")", e);
        }
    }
}
