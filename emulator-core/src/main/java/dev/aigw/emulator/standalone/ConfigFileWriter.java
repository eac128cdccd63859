package dev.aigw.emulator.standalone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.wire.GatewaySettingsJson;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes the standalone emulator's JSON config file (the format {@code --help} prints) from the Java API's types:
 * accounts, API tokens and gateways, added to the {@code accounts}, {@code tokens} and {@code gateways} of a file's
 * own text when there is one. Testcontainers' {@code AiGatewayContainer} writes the file it gives the container so.
 *
 * <pre>{@code
 * String config = ConfigFileWriter.empty()
 *         .gateway("my-gateway", GatewaySettings.builder().retryMaxAttempts(3).build())
 *         .token(ApiToken.of("ci-token", "0123456789abcdef0123456789abcdef", Permission.RUN))
 *         .toJson();
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class ConfigFileWriter {

    private final ObjectNode config;

    private ConfigFileWriter(ObjectNode config) {
        this.config = config;
    }

    /** Returns a writer of a file with nothing in it yet. */
    public static ConfigFileWriter empty() {
        return new ConfigFileWriter(Json.object());
    }

    /**
     * Returns a writer that adds to a config file's own text.
     *
     * @throws IllegalArgumentException if the text is not a JSON object
     */
    public static ConfigFileWriter of(String json) {
        JsonNode root;
        try {
            root = Json.parse(Objects.requireNonNull(json, "json"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the config file is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("the config file must hold a JSON object, got "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return new ConfigFileWriter((ObjectNode) root);
    }

    /** Adds an account besides the default one ({@code accounts}). */
    public ConfigFileWriter account(String accountId) {
        array("accounts").add(Objects.requireNonNull(accountId, "accountId"));
        return this;
    }

    /**
     * Adds a token with its permissions on its accounts ({@code tokens}); once the file has tokens, the emulator's
     * default token is gone.
     */
    public ConfigFileWriter token(ApiToken token) {
        ObjectNode node = array("tokens").addObject().put("value", Objects.requireNonNull(token, "token").value());
        ArrayNode permissions = node.putArray("permissions");
        token.permissions().stream().sorted().map(Permission::label).forEach(permissions::add);
        ArrayNode accounts = node.putArray("accounts");
        token.accountIds().stream().sorted().forEach(accounts::add);
        return this;
    }

    /**
     * Adds a gateway of the default account with these settings ({@code gateways}), checked here as
     * {@code POST /gateways} checks it, so that a mistake shows in the test's code, not at the emulator's start.
     *
     * @throws dev.aigw.emulator.ManagementApiException if the management API would refuse to create it, with one
     *     error for each invalid field
     */
    public ConfigFileWriter gateway(String id, GatewaySettings settings) {
        AiGatewayEmulator.builder().gateway(id, settings);
        array("gateways").add(GatewaySettingsJson.createBody(id, settings));
        return this;
    }

    /** Returns the config file's text. */
    public String toJson() {
        return Json.text(config);
    }

    private ArrayNode array(String member) {
        JsonNode existing = config.get(member);
        if (existing == null) {
            return config.putArray(member);
        }
        if (!existing.isArray()) {
            throw new IllegalArgumentException("the config file's " + member + " must be an array to add to it");
        }
        return (ArrayNode) existing;
    }

    @Override
    public String toString() {
        return "ConfigFileWriter" + toJson();
    }
}
