package dev.aigw.emulator.standalone;

import static dev.aigw.emulator.internal.api.JsonShape.bool;
import static dev.aigw.emulator.internal.api.JsonShape.integer;
import static dev.aigw.emulator.internal.api.JsonShape.object;
import static dev.aigw.emulator.internal.api.JsonShape.oneOf;
import static dev.aigw.emulator.internal.api.JsonShape.optional;
import static dev.aigw.emulator.internal.api.JsonShape.required;
import static dev.aigw.emulator.internal.api.JsonShape.text;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.GlobalApiKey;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.RecordingMode;
import dev.aigw.emulator.RecordingSettings;
import dev.aigw.emulator.internal.Seed;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.gateway.GatewayBodies;
import dev.aigw.emulator.internal.gateway.GatewayField;
import dev.aigw.emulator.internal.gateway.GatewayFields;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.script.ScriptStepJson;
import dev.aigw.emulator.internal.script.Scripts;
import dev.aigw.emulator.internal.util.Logs;
import dev.aigw.emulator.standalone.StandaloneOptions.Given;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;

/**
 * The optional JSON config file. Every problem stops start-up with a message that names the member by its
 * JSON path ({@code gateways[0].cache_ttl}) and says what is allowed. Gateways are checked by the management
 * API's own create validation and script steps by the control API's, so the file accepts exactly what those
 * accept; unlike the APIs, the file also refuses members it does not know, since they are most likely typos.
 */
final class ConfigFile {

    private static final Logger LOG = Logs.getLogger(ConfigFile.class);

    /** The members the top level takes. */
    static final List<String> MEMBERS = List.of("host", "port", "account_id", "api_token", "clock", "accounts",
            "tokens", "global_api_keys", "upstreams", "gateways", "scripts", "max_body_bytes",
            "max_gateways_per_account", "legacy_gateway_fields", "journal_limit", "io_threads",
            "worker_threads", "hints", "request_read_timeout", "allowed_hosts", "reply_fixtures", "strict_replies",
            "custom_providers", "journal", "secrets_store", "recordings");

    private static final List<String> TOKEN_MEMBERS = List.of("value", "permissions", "accounts");
    private static final List<String> KEY_MEMBERS = List.of("email", "key", "accounts");
    private static final List<String> SCRIPT_MEMBERS = List.of("provider", "gateway_id", "test_id", "steps");
    private static final List<String> PERMISSION_LABELS =
            Arrays.stream(Permission.values()).map(Permission::label).toList();
    private static final ProviderRegistry PROVIDERS = ProviderRegistry.withBuiltIns();
    private static final JsonShape.Member PERMISSIONS = required("permissions",
            new JsonShape.ArrayOf(oneOf(PERMISSION_LABELS.toArray(String[]::new)), 1, Integer.MAX_VALUE));

    private final String label;
    private final ConfigChecks checks;
    private final ObjectNode root;
    private final Path directory;

    private ConfigFile(String label, ObjectNode root, Path directory) {
        this.label = label;
        this.checks = new ConfigChecks(label);
        this.root = root;
        this.directory = directory;
    }

    /** Returns the stand-in for "no config file": every member absent. */
    static ConfigFile none() {
        return new ConfigFile("no config file", Json.object(), Path.of(""));
    }

    /** Reads and parses a file whose path came from {@code source} ({@code --config} or {@code AIGW_CONFIG}). */
    static ConfigFile read(Path path, String source) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source + ": cannot read \"" + path + "\": no such file", e);
        } catch (AccessDeniedException e) {
            throw new ConfigException(source + ": cannot read \"" + path + "\": permission denied", e);
        } catch (IOException e) {
            String why = Files.isDirectory(path) ? "it is a directory" : String.valueOf(e.getMessage());
            throw new ConfigException(source + ": cannot read \"" + path + "\": " + why, e);
        }
        String label = "config file " + path;
        JsonNode root;
        try {
            root = Json.parse(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException(label + ": not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(label + ": expected a JSON object at the top level, got "
                    + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType().name().toLowerCase(
                    Locale.ROOT)));
        }
        Path parent = path.toAbsolutePath().getParent();
        ConfigFile file = new ConfigFile(label, (ObjectNode) root, parent == null ? Path.of("") : parent);
        file.checks.refuseUnknown(root, List.of(), MEMBERS, "the file takes");
        return file;
    }

    /** Returns the file's value of a setting the command line and environment can also give. */
    Optional<Given> setting(Setting setting) {
        String name = setting.fileField();
        JsonNode value = name == null ? null : root.get(name);
        if (value == null) {
            return Optional.empty();
        }
        String source = label + ": " + name;
        if (setting == Setting.PORT) {
            checks.check(optional(name, integer(0, 65535)), root, List.of());
            return Optional.of(new Given(value.asText(), source));
        }
        if (setting == Setting.HINTS || setting == Setting.STRICT_REPLIES) {
            checks.check(optional(name, bool()), root, List.of());
            return Optional.of(new Given(value.asText(), source));
        }
        if (setting == Setting.ALLOWED_HOSTS && value.isArray()) {
            List<String> hosts = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                hosts.add(checks.string(value.get(i), List.of(name, String.valueOf(i)), setting.allowed()));
            }
            return Optional.of(new Given(setting.check(String.join(",", hosts), source), source));
        }
        if (setting == Setting.REPLY_FIXTURES) {
            String dir = setting.check(checks.string(value, List.of(name), setting.allowed()), source);
            return Optional.of(new Given(directory.resolve(dir).toString(), source));
        }
        String text = setting == Setting.REQUEST_READ_TIMEOUT && value.isNumber()
                ? value.asText()
                : checks.string(value, List.of(name), setting.allowed());
        return Optional.of(new Given(setting.check(text, source), source));
    }

    /** Returns the accounts the file adds to the default one. */
    List<String> accounts() {
        List<String> accounts = new ArrayList<>();
        JsonNode array = root.get("accounts");
        if (array == null) {
            return accounts;
        }
        checks.expectArray(array, List.of("accounts"), "an array of account ids");
        for (int i = 0; i < array.size(); i++) {
            List<String> path = List.of("accounts", String.valueOf(i));
            String id = checks.string(array.get(i), path, Setting.ACCOUNT_ID.allowed());
            accounts.add(Setting.ACCOUNT_ID.check(id, label + ": " + ConfigChecks.jsonPath(path)));
        }
        return accounts;
    }

    /**
     * Returns the file's tokens; each covers the accounts it lists ({@code "*"}: all), by default the default
     * one. A value may appear once, counting the {@code apiToken} given by any source.
     */
    List<ApiToken> tokens(String defaultAccount, Set<String> known, Optional<Given> apiToken) {
        List<ApiToken> tokens = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        apiToken.ifPresent(given -> seen.put(given.value(), given.source()));
        eachElement("tokens", "token", (node, path) -> {
            checks.refuseUnknown(node, path, TOKEN_MEMBERS, "a token takes");
            String value = checks.string(checks.member(node, path, "value"), ConfigChecks.child(path, "value"), Setting.API_TOKEN.allowed());
            if (!ApiToken.isWellFormed(value)) {
                throw checks.error(ConfigChecks.child(path, "value"), ": expected " + Setting.API_TOKEN.allowed() + ", got \"" + value
                        + "\"");
            }
            String earlier = seen.putIfAbsent(value, ConfigChecks.jsonPath(path));
            if (earlier != null) {
                throw checks.error(ConfigChecks.child(path, "value"), ": the token \"" + value + "\" is already given by " + earlier
                        + "; give each token once, with all its permissions");
            }
            checks.check(PERMISSIONS, node, path);
            Set<Permission> permissions = EnumSet.noneOf(Permission.class);
            node.get("permissions").forEach(p -> permissions.add(Permission.values()[
                    PERMISSION_LABELS.indexOf(p.textValue())]));
            tokens.add(new ApiToken(value, accountsOf(node, path, defaultAccount, known), permissions));
        });
        return tokens;
    }

    /** Returns the file's legacy {@code X-Auth-Email}/{@code X-Auth-Key} pairs. */
    List<GlobalApiKey> globalApiKeys(String defaultAccount, Set<String> known) {
        List<GlobalApiKey> keys = new ArrayList<>();
        Set<String> emails = new LinkedHashSet<>();
        eachElement("global_api_keys", "global API key", (node, path) -> {
            checks.refuseUnknown(node, path, KEY_MEMBERS, "a global API key takes");
            String email = checks.string(checks.member(node, path, "email"), ConfigChecks.child(path, "email"), "an e-mail address");
            String key = checks.string(checks.member(node, path, "key"), ConfigChecks.child(path, "key"), "a non-blank string");
            if (key.isBlank()) {
                throw checks.error(ConfigChecks.child(path, "key"), ": expected a non-blank string, got \"" + key + "\"");
            }
            if (!email.contains("@")) {
                throw checks.error(ConfigChecks.child(path, "email"), ": expected an e-mail address, got \"" + email + "\"");
            }
            if (!emails.add(email.toLowerCase(Locale.ROOT))) {
                throw checks.error(ConfigChecks.child(path, "email"), ": \"" + email + "\" is already listed (e-mail addresses are"
                        + " compared ignoring case)");
            }
            keys.add(new GlobalApiKey(email, key,
                    accountsOf(node, path, defaultAccount, known)));
        });
        return keys;
    }

    /** Returns the providers the file points at real servers: slug to base URL. */
    Map<String, String> upstreams() {
        Map<String, String> upstreams = new LinkedHashMap<>();
        JsonNode node = root.get("upstreams");
        if (node == null) {
            return upstreams;
        }
        if (!node.isObject()) {
            throw checks.error(List.of("upstreams"), ": expected an object of provider slugs to base URLs, got "
                    + ConfigChecks.render(node));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> path = List.of("upstreams", e.getKey());
            checkProvider(e.getKey(), path);
            String url = e.getValue().isTextual() ? e.getValue().textValue() : null;
            if (url == null || !isHttpUrl(url)) {
                throw checks.error(path, ": expected an absolute http(s) URL such as \"http://127.0.0.1:9000\", got "
                        + ConfigChecks.render(e.getValue()));
            }
            upstreams.put(e.getKey(), url);
        }
        return upstreams;
    }

    /** Returns an integer member of the top level, checked against its range. */
    OptionalLong integerMember(String name, long min, long max) {
        checks.check(optional(name, integer(min, max)), root, List.of());
        JsonNode value = root.get(name);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value.longValue());
    }

    /** Returns a boolean member of the top level. */
    /**
     * Returns {@code custom_providers.forward}: whether custom providers go to their real {@code base_url}
     * (management-api-2.md 3.4); empty when the file does not say.
     */
    Optional<Boolean> forwardCustomProviders() {
        return nestedSwitch("custom_providers", "forward");
    }

    /**
     * Returns {@code journal.redact_credentials}: whether the journal records keys as previews
     * (management-api-2.md 2.4); empty when the file does not say.
     */
    Optional<Boolean> redactCredentials() {
        return nestedSwitch("journal", "redact_credentials");
    }

    /**
     * Returns {@code secrets_store.required}: whether a provider config needs a gateway with {@code store_id}
     * (management-api-2.md 2.2's strict setting); empty when the file does not say.
     */
    Optional<Boolean> requireSecretsStore() {
        return nestedSwitch("secrets_store", "required");
    }

    private Optional<Boolean> nestedSwitch(String object, String member) {
        checks.check(optional(object, JsonShape.closedObject(optional(member, bool()))), root, List.of());
        return Optional.ofNullable(root.get(object)).map(c -> c.get(member)).map(JsonNode::booleanValue);
    }

    /** Returns the recording settings of the file's {@code recordings}, its directory relative to the file. */
    Optional<RecordingSettings> recordings() {
        String[] modes = Arrays.stream(RecordingMode.values()).map(RecordingMode::jsonName).toArray(String[]::new);
        JsonShape names = new JsonShape.ArrayOf(JsonShape.text(1, 256), 0, 1000);
        checks.check(optional("recordings", JsonShape.closedObject(required("directory", JsonShape.text(1, 4096)),
                optional("mode", oneOf(modes)), optional("modes", JsonShape.mapOf(oneOf(modes))),
                optional("match", oneOf("body", "model_and_messages")), optional("ignore_fields", names),
                optional("redact_headers", names), optional("redact_fields", names))), root, List.of());
        JsonNode node = root.get("recordings");
        if (node == null) {
            return Optional.empty();
        }
        RecordingSettings.Builder b = RecordingSettings.in(directory.resolve(node.get("directory").textValue()));
        if (node.has("mode")) {
            b.mode(RecordingMode.byName(node.get("mode").textValue()).orElseThrow());
        }
        if (node.has("modes")) {
            for (Map.Entry<String, JsonNode> e : node.get("modes").properties()) {
                if (!PROVIDERS.names(e.getKey())) {
                    throw checks.error(List.of("recordings", "modes", e.getKey()), ": "
                            + PROVIDERS.unknown(e.getKey()));
                }
                b.mode(e.getKey(), RecordingMode.byName(e.getValue().textValue()).orElseThrow());
            }
        }
        if (node.has("match") && node.get("match").textValue().equals("model_and_messages")) {
            b.matchModelAndMessagesOnly();
        }
        b.ignoreFields(texts(node.get("ignore_fields")));
        b.redactHeaders(texts(node.get("redact_headers")));
        b.redactFields(texts(node.get("redact_fields")));
        return Optional.of(b.build());
    }

    private static String[] texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> out.add(item.textValue()));
        }
        return out.toArray(String[]::new);
    }

    Optional<Boolean> booleanMember(String name) {
        checks.check(optional(name, bool()), root, List.of());
        return Optional.ofNullable(root.get(name)).map(JsonNode::booleanValue);
    }

    /**
     * Returns the gateways to pre-create, each validated as a management API create body; a gateway may name
     * its {@code account_id}, by default the default account.
     */
    List<Seed.SeedGateway> gateways(String defaultAccount, Set<String> known, long maxPerAccount) {
        List<Seed.SeedGateway> gateways = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        Map<String, Integer> perAccount = new HashMap<>();
        List<String> members = Stream.concat(Stream.of("id", "account_id"),
                GatewayFields.ALL.stream().map(GatewayField::name)).toList();
        eachElement("gateways", "gateway", (node, path) -> {
            checks.refuseUnknown(node, path, members, "a gateway takes");
            String account = defaultAccount;
            if (node.has("account_id")) {
                account = checks.string(node.get("account_id"), ConfigChecks.child(path, "account_id"), "an account id");
                checkKnown(account, ConfigChecks.child(path, "account_id"), known);
            }
            ObjectNode body = ((ObjectNode) node).deepCopy();
            body.remove("account_id");
            GatewayBodies.NewGateway created;
            try {
                created = GatewayBodies.forCreate(body);
            } catch (ApiException e) {
                throw checks.translate(e, path);
            }
            String id = created.id();
            String earlier = seen.putIfAbsent(account + "/" + id, ConfigChecks.jsonPath(path));
            if (earlier != null) {
                throw checks.error(ConfigChecks.child(path, "id"), ": account " + account + " already has a gateway \"" + id
                        + "\" (" + earlier + ")");
            }
            int count = perAccount.merge(account, 1, Integer::sum);
            if (maxPerAccount > 0 && count > maxPerAccount) {
                throw checks.error(path, ": account " + account + " would have " + count
                        + " gateways, more than max_gateways_per_account (" + maxPerAccount + ")");
            }
            gateways.add(new Seed.SeedGateway(account, id, created.settings()));
        });
        return gateways;
    }

    /** Returns the script steps to queue, each entry checked as a control API script body. */
    List<Seed.SeedScript> scripts() {
        List<Seed.SeedScript> scripts = new ArrayList<>();
        JsonShape.Obj shape = object(required("provider", text(1, 64)), optional("gateway_id", text(1, 64)),
                optional("test_id", text(1, 256)));
        eachElement("scripts", "script", (node, path) -> {
            checks.refuseUnknown(node, path, SCRIPT_MEMBERS, "a script takes");
            try {
                shape.check(node, ConfigChecks.withRoot(path));
            } catch (ApiException e) {
                throw checks.translate(e, List.of());
            }
            String provider = node.get("provider").textValue();
            checkProvider(provider, ConfigChecks.child(path, "provider"));
            List<ScriptStepJson.ScriptStep> steps;
            try {
                steps = ScriptStepJson.parse(node.get("steps"), ConfigChecks.withRoot(ConfigChecks.child(path, "steps")));
            } catch (ApiException e) {
                throw checks.translate(e, List.of());
            }
            Scripts.Scope scope = new Scripts.Scope(provider, textOf(node.get("gateway_id")),
                    textOf(node.get("test_id")));
            steps.forEach(step -> scripts.add(new Seed.SeedScript(scope, step)));
        });
        return scripts;
    }

    private interface ElementReader {
        void read(JsonNode element, List<String> path);
    }

    /** Checks that a top-level member, if present, is an array of objects, then reads each element. */
    private void eachElement(String name, String what, ElementReader reader) {
        JsonNode array = root.get(name);
        if (array == null) {
            return;
        }
        checks.expectArray(array, List.of(name), "an array of " + what + " objects");
        for (int i = 0; i < array.size(); i++) {
            List<String> path = List.of(name, String.valueOf(i));
            if (!array.get(i).isObject()) {
                throw checks.error(path, ": expected a " + what + " object, got " + ConfigChecks.render(array.get(i)));
            }
            reader.read(array.get(i), path);
        }
    }

    private Set<String> accountsOf(JsonNode node, List<String> path, String defaultAccount, Set<String> known) {
        JsonNode accounts = node.get("accounts");
        if (accounts == null) {
            return Set.of(defaultAccount);
        }
        String expected = "account ids or \"*\" for every account";
        checks.expectArray(accounts, ConfigChecks.child(path, "accounts"), "a non-empty array of " + expected);
        if (accounts.isEmpty()) {
            throw checks.error(ConfigChecks.child(path, "accounts"), ": expected a non-empty array of " + expected + ", got []");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            String id = checks.string(accounts.get(i), ConfigChecks.child(ConfigChecks.child(path, "accounts"), String.valueOf(i)),
                    "an account id or \"*\"");
            if (!id.equals(ApiToken.ANY_ACCOUNT)) {
                checkKnown(id, ConfigChecks.child(ConfigChecks.child(path, "accounts"), String.valueOf(i)), known);
            }
            ids.add(id);
        }
        return ids;
    }

    private void checkKnown(String account, List<String> path, Set<String> known) {
        if (!known.contains(account)) {
            throw checks.error(path, ": \"" + account + "\" is not an account of this emulator; known: "
                    + String.join(", ", known) + " (add it to accounts), or \"*\" for every account");
        }
    }

    private void checkProvider(String provider, List<String> path) {
        if (PROVIDERS.find(provider).isEmpty()) {
            throw checks.error(path, ": " + PROVIDERS.unknown(provider));
        }
    }

    private static String textOf(JsonNode node) {
        return node == null ? null : node.textValue();
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            LOG.debug("Not a URL: {}", url, e);
            return false;
        }
    }
}
