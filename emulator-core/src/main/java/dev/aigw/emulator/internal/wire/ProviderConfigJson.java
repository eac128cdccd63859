package dev.aigw.emulator.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.NewProviderConfig;
import dev.aigw.emulator.ProviderConfig;
import dev.aigw.emulator.internal.json.Json;
import java.time.Instant;
import java.util.OptionalLong;

/** Provider configs as the management API writes them (read by both emulators) and the create body they send. */
public final class ProviderConfigJson {

    private ProviderConfigJson() {
    }

    /** Writes a P2 create body; unset optional members are absent. */
    public static ObjectNode createBody(NewProviderConfig c) {
        ObjectNode body = Json.object()
                .put("provider_slug", c.providerSlug())
                .put("alias", c.alias())
                .put("default_config", c.defaultConfig());
        if (c.secret() != null) {
            body.put("secret", c.secret());
        }
        if (c.secretId() != null) {
            body.put("secret_id", c.secretId());
        }
        if (c.rateLimit() != null) {
            body.put("rate_limit", c.rateLimit());
        }
        if (c.rateLimitPeriod() != null) {
            body.put("rate_limit_period", c.rateLimitPeriod());
        }
        return body;
    }

    /** Reads a provider config object. */
    public static ProviderConfig parse(JsonNode json) {
        return new ProviderConfig(json.get("id").textValue(), json.get("gateway_id").textValue(),
                json.get("provider_slug").textValue(), json.get("alias").textValue(),
                json.get("default_config").booleanValue(), json.get("secret_id").textValue(),
                json.get("secret_preview").textValue(), Instant.parse(json.get("modified_at").textValue()),
                optionalLong(json.get("rate_limit")), optionalLong(json.get("rate_limit_period")));
    }

    private static OptionalLong optionalLong(JsonNode node) {
        return node == null || node.isNull() ? OptionalLong.empty() : OptionalLong.of(node.longValue());
    }
}
