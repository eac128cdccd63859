package dev.aigw.emulator.internal.management;

import static dev.aigw.emulator.internal.api.JsonShape.bool;
import static dev.aigw.emulator.internal.api.JsonShape.integer;
import static dev.aigw.emulator.internal.api.JsonShape.object;
import static dev.aigw.emulator.internal.api.JsonShape.optional;
import static dev.aigw.emulator.internal.api.JsonShape.required;
import static dev.aigw.emulator.internal.api.JsonShape.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.byok.StoredProviderConfig;
import dev.aigw.emulator.internal.gateway.Gateway;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Provider configs (BYOK keys) of management-api-2.md 2.2: the rules P2 and P3 check, shared by the endpoints, the
 * Java API and the control API. The emulator's choices ([E]) live here: a {@code secret_id} is 32 lower-case hex
 * characters, an alias 1 to 64 characters, {@code rate_limit} and {@code rate_limit_period} whole numbers above 0,
 * and a gateway without {@code store_id} uses an implicit per-account store.
 */
public final class ProviderConfigOperations {

    /** The form of a Secrets Store id: 32 lower-case hex characters. */
    public static final Pattern SECRET_ID = Pattern.compile("^[0-9a-f]{32}$");
    private static final Pattern CUSTOM_SLUG = Pattern.compile("^custom-[a-z0-9]+(-[a-z0-9]+)*$");

    private static final JsonShape CREATE = object(
            required("provider_slug", text(1, 128)),
            required("alias", text(1, 64)),
            required("default_config", bool()),
            optional("secret", text(1, Integer.MAX_VALUE)),
            optional("secret_id", new JsonShape.Text(32, 32, SECRET_ID, "32 lower-case hex characters")),
            optional("rate_limit", integer(1, Integer.MAX_VALUE)),
            optional("rate_limit_period", integer(1, Integer.MAX_VALUE)));

    private static final JsonShape SECRET = object(required("value", text(1, Integer.MAX_VALUE)));
    private static final JsonShape ROTATE = object(required("secret", text(1, Integer.MAX_VALUE)));

    private final ManagementContext context;

    public ProviderConfigOperations(ManagementContext context) {
        this.context = context;
    }

    /** Lists a gateway's configs, newest first. */
    public List<StoredProviderConfig> list(String accountId, String gatewayId) {
        return context.providerConfigs().list(GatewayRef.of(existing(accountId, gatewayId)));
    }

    /**
     * Creates a config from a P2 body (management-api-2.md 2.2).
     *
     * @throws ApiException 404/7002 for a missing gateway, 400/7001 with {@code path} for a bad body
     */
    public StoredProviderConfig create(String accountId, String gatewayId, ObjectNode body) {
        Gateway gateway = existing(accountId, gatewayId);
        CREATE.check(body, List.of("body"));
        String slug = body.get("provider_slug").textValue();
        if (context.providers().find(slug).isEmpty() && !CUSTOM_SLUG.matcher(slug).matches()) {
            throw ApiException.validation("provider_slug: expected a provider slug ("
                    + String.join(", ", context.providers().slugs()) + ") or custom-{slug}, got \"" + slug + "\"",
                    List.of("body", "provider_slug"));
        }
        JsonNode store = gateway.settings().members().get("store_id");
        if (context.providerConfigs().requiresStore() && (store == null || !store.isTextual()
                || store.textValue().isEmpty())) {
            throw ApiException.validation("Gateway has no Secrets Store configured (set the gateway's store_id)",
                    List.of("body"));
        }
        String secret = textOrNull(body.get("secret"));
        String secretId = textOrNull(body.get("secret_id"));
        if (secret == null && secretId == null) {
            throw ApiException.validation("secret: give the key as secret, or secret_id to use an existing secret",
                    List.of("body", "secret"));
        }
        String alias = body.get("alias").textValue();
        GatewayRef ref = GatewayRef.of(gateway);
        if (context.providerConfigs().find(ref, slug, alias).isPresent()) {
            throw ApiException.service(400, new ApiError(7001, "A provider config with alias '" + alias
                    + "' already exists for '" + slug + "'", List.of("body", "alias"), List.of()));
        }
        String id = secretId != null ? secretId : context.newInternalId().get().replace("-", "");
        String preview = StoredProviderConfig.preview(secret != null ? secret
                : context.providerConfigs().secret(id).orElse("secret:" + id));
        JsonNode limit = body.get("rate_limit");
        JsonNode period = body.get("rate_limit_period");
        StoredProviderConfig config = new StoredProviderConfig(context.newInternalId().get(), gateway.id(), slug, alias,
                body.get("default_config").booleanValue(), id, preview, now(),
                limit == null ? null : limit.longValue(),
                period == null ? StoredProviderConfig.DEFAULT_RATE_LIMIT_PERIOD : period.longValue());
        return context.providerConfigs().add(ref, config, secret);
    }

    /**
     * Replaces a config's key from a P3 body {@code {"secret"}}; the gateway and the config must exist before the
     * body is looked at.
     */
    public StoredProviderConfig rotate(String accountId, String gatewayId, String id, ObjectNode body) {
        GatewayRef ref = GatewayRef.of(existing(accountId, gatewayId));
        context.providerConfigs().find(ref, id).orElseThrow(ApiException::notFound);
        ROTATE.check(body, List.of("body"));
        return context.providerConfigs().rotate(ref, id, body.get("secret").textValue(), now())
                .orElseThrow(ApiException::notFound);
    }

    /** Deletes a config and answers it as it was. */
    public StoredProviderConfig delete(String accountId, String gatewayId, String id) {
        GatewayRef ref = GatewayRef.of(existing(accountId, gatewayId));
        return context.providerConfigs().delete(ref, id).orElseThrow(ApiException::notFound);
    }

    /**
     * Registers a secret's value ({@code PUT /__emulator/secrets/{secret_id}} {@code {"value"}}).
     *
     * @throws ApiException 400/7001 for an id that is not 32 lower-case hex characters or an empty value
     */
    public void putSecret(String secretId, JsonNode body) {
        if (secretId == null || !SECRET_ID.matcher(secretId).matches()) {
            throw ApiException.validation("secret_id: expected 32 lower-case hex characters, got \"" + secretId + "\"",
                    List.of("path", "secret_id"));
        }
        SECRET.check(body, List.of("body"));
        context.providerConfigs().putSecret(secretId, body.get("value").textValue());
    }

    private Gateway existing(String accountId, String gatewayId) {
        return context.gateways().find(accountId, gatewayId).orElseThrow(ApiException::notFound);
    }

    private Instant now() {
        return context.clock().now();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.textValue();
    }
}
