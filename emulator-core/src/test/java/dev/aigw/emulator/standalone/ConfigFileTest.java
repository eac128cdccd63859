package dev.aigw.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.UpstreamFault;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.internal.script.Scripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON config file: what it gives, its place in the precedence, and a message naming the JSON path for
 * every refused member. Gateways and steps are refused exactly as the management and control APIs refuse them.
 */
class ConfigFileTest {

    /** A create body with the five members the management API requires. */
    private static final String GATEWAY_REQUIRED = "\"cache_invalidate_on_update\": false, \"cache_ttl\": 0,"
            + " \"collect_logs\": true, \"rate_limiting_interval\": 0, \"rate_limiting_limit\": 0";

    @TempDir
    Path dir;

    private Path file;

    private StandaloneConfig resolve(String json, Map<String, String> env, String... args) {
        try {
            file = dir.resolve("aigw.json");
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Map<String, String> withConfig = new HashMap<>(env);
        withConfig.put("AIGW_CONFIG", file.toString());
        return StandaloneConfig.resolve(StandaloneOptions.parse(args, withConfig));
    }

    private StandaloneConfig resolve(String json) {
        return resolve(json, Map.of());
    }

    /** Asserts the file is refused with {@code "config file <path>: " + detail}. */
    private void assertRefused(String json, String detail) {
        assertThatThrownBy(() -> resolve(json)).isInstanceOf(ConfigException.class)
                .hasMessage("config file " + file + ": " + detail);
    }

    private static String gateway(String members) {
        return "{\"gateways\": [{" + members + "}]}";
    }

    @Test
    void anEmptyObjectChangesNothing() {
        StandaloneConfig config = resolve("{}");

        assertThat(config.port()).isEqualTo(8787);
        assertThat(config.seed().gateways()).isEmpty();
        assertThat(config.configFile()).contains(file);
    }

    @Test
    void theFileLosesToTheEnvironmentWhichLosesToTheCommandLine() {
        String json = "{\"host\": \"0.0.0.0\", \"port\": 9000, \"account_id\": \"file-acc\","
                + " \"api_token\": \"file-token\", \"clock\": \"virtual\"}";

        StandaloneConfig fileOnly = resolve(json);
        assertThat(fileOnly.host()).isEqualTo("0.0.0.0");
        assertThat(fileOnly.port()).isEqualTo(9000);
        assertThat(fileOnly.accountId()).isEqualTo("file-acc");
        assertThat(fileOnly.tokens().get(0).value()).isEqualTo("file-token");
        assertThat(fileOnly.clock()).isEqualTo("virtual");

        StandaloneConfig envWins = resolve(json, Map.of("AIGW_PORT", "9001", "AIGW_API_TOKEN", "env-token"));
        assertThat(envWins.port()).isEqualTo(9001);
        assertThat(envWins.tokens().get(0).value()).isEqualTo("env-token");
        assertThat(envWins.accountId()).isEqualTo("file-acc");

        StandaloneConfig cliWins = resolve(json, Map.of("AIGW_PORT", "9001"), "--port", "9002", "--clock", "system");
        assertThat(cliWins.port()).isEqualTo(9002);
        assertThat(cliWins.clock()).isEqualTo("system");
    }

    @Test
    void readsAccountsTokensKeysUpstreamsAndLimits() {
        StandaloneConfig config = resolve("""
                {"account_id": "main", "accounts": ["other", "main"],
                 "tokens": [{"value": "reader", "permissions": ["AI Gateway - Read"]},
                            {"value": "runner", "permissions": ["AI Gateway - Run"], "accounts": ["*"]},
                            {"value": "other-editor", "permissions": ["AI Gateway - Edit"], "accounts": ["other"]}],
                 "global_api_keys": [{"email": "dev@example.com", "key": "k"}],
                 "upstreams": {"openai": "http://127.0.0.1:9000"},
                 "max_body_bytes": 2048, "max_gateways_per_account": 3, "journal_limit": 50, "io_threads": 2,
                 "worker_threads": 4,
                 "legacy_gateway_fields": true}
                """);

        assertThat(config.accounts()).containsExactly("main", "other");
        assertThat(config.tokens()).containsExactly(ApiToken.of("reader", "main", Permission.READ),
                new ApiToken("runner", java.util.Set.of("*"), java.util.Set.of(Permission.RUN)),
                ApiToken.of("other-editor", "other", Permission.EDIT));
        assertThat(config.globalApiKeys()).singleElement()
                .satisfies(key -> assertThat(key.accountIds()).containsExactly("main"));
        assertThat(config.upstreams()).containsEntry("openai", "http://127.0.0.1:9000");
        assertThat(config.tuning().maxBodyBytes()).hasValue(2048);
        assertThat(config.tuning().maxGatewaysPerAccount()).hasValue(3);
        assertThat(config.tuning().journalLimit()).hasValue(50);
        assertThat(config.tuning().ioThreads()).hasValue(2);
        assertThat(config.tuning().workerThreads()).hasValue(4);
        assertThat(config.tuning().legacyGatewayFields()).contains(true);
    }

    @Test
    void ioThreadsSizeTheStartedServersIoPool() {
        try (AiGatewayEmulator emulator = resolve("{\"io_threads\": 3, \"port\": 0}").builder().build().start()) {
            long ioThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("aigw-emulator@"
                            + Integer.toHexString(System.identityHashCode(emulator)) + " I/O-")).count();

            assertThat(ioThreads).isEqualTo(3);
        }
    }

    @Test
    void theApiTokenComesFirstAndTheFileTokensFollow() {
        StandaloneConfig config = resolve("{\"tokens\": [{\"value\": \"reader\", \"permissions\":"
                + " [\"AI Gateway - Read\"]}]}", Map.of(), "--api-token", "main");

        assertThat(config.tokens()).extracting(ApiToken::value).containsExactly("main", "reader");
    }

    @Test
    void readsGatewaysWithTheManagementApiDefaults() {
        StandaloneConfig config = resolve("{\"accounts\": [\"other\"], \"gateways\": [{\"id\": \"gw\", "
                + GATEWAY_REQUIRED + ", \"retry_max_attempts\": 5}, {\"id\": \"gw\", \"account_id\": \"other\", "
                + GATEWAY_REQUIRED + "}]}");

        assertThat(config.seed().gateways()).hasSize(2);
        var first = config.seed().gateways().get(0);
        assertThat(first.accountId()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(first.settings().members().get("retry_max_attempts").intValue()).isEqualTo(5);
        assertThat(first.settings().members().get("rate_limiting_technique").textValue()).isEqualTo("fixed");
        assertThat(config.seed().gateways().get(1).accountId()).isEqualTo("other");
    }

    @Test
    void theFilesGatewaysComeBackAfterAResetAndItsScriptsDoNot() {
        StandaloneConfig config = resolve("{\"gateways\": [{\"id\": \"gw\", " + GATEWAY_REQUIRED
                + ", \"zdr\": true}], \"scripts\": [{\"provider\": \"openai\", \"steps\": [{\"status\": 503}]}]}");

        try (AiGatewayEmulator emulator = config.builder().build()) {
            emulator.deleteGateway("gw");
            emulator.reset();

            assertThat(emulator.gateway("gw").orElseThrow().settings().zdr()).isTrue();
            assertThat(emulator.script("openai").pending()).isZero();
        }
    }

    @Test
    void readsScriptsWithTheControlApiStepForm() {
        StandaloneConfig config = resolve("""
                {"scripts": [{"provider": "openai", "gateway_id": "gw", "test_id": "t1",
                              "steps": [{"status": 503, "times": 4}, {"fault": "hang", "times": "always"}]}]}
                """);

        assertThat(config.seed().scripts()).hasSize(2);
        var first = config.seed().scripts().get(0);
        assertThat(first.scope()).isEqualTo(new Scripts.Scope("openai", "gw", "t1"));
        assertThat(first.step().behavior()).isInstanceOf(UpstreamResponse.class);
        assertThat(first.step().repeat()).isEqualTo(new Scripts.Repeat.Times(4));
        assertThat(config.seed().scripts().get(1).step().behavior()).isEqualTo(UpstreamFault.hang());
        assertThat(config.seed().scripts().get(1).step().repeat()).isEqualTo(new Scripts.Repeat.Always());
    }

    @Test
    void refusesAMissingFileNamingWhereItsPathCameFrom() {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> StandaloneConfig.resolve(StandaloneOptions.parse(
                new String[] {"--config", missing.toString()}, Map.of())))
                .hasMessage("--config: cannot read \"" + missing + "\": no such file");
        assertThatThrownBy(() -> StandaloneConfig.resolve(StandaloneOptions.parse(
                new String[0], Map.of("AIGW_CONFIG", missing.toString()))))
                .hasMessage("AIGW_CONFIG: cannot read \"" + missing + "\": no such file");
    }

    @Test
    void refusesADirectory() {
        assertThatThrownBy(() -> StandaloneConfig.resolve(StandaloneOptions.parse(
                new String[] {"--config", dir.toString()}, Map.of())))
                .hasMessage("--config: cannot read \"" + dir + "\": it is a directory");
    }

    @Test
    void refusesMalformedJsonWithLineAndColumn() {
        assertRefused("{\n  \"port\": 80,,\n}", "not valid JSON at line 2, column 14: Unexpected character (','"
                + " (code 44)): was expecting double-quote to start field name");
    }

    @Test
    void refusesADuplicateMember() {
        assertRefused("{\"port\": 80, \"port\": 81}", "not valid JSON at line 1, column 20: Duplicate field 'port'");
    }

    @Test
    void refusesAnythingButAnObjectAtTheTopLevel() {
        assertRefused("[]", "expected a JSON object at the top level, got array");
        assertRefused("", "expected a JSON object at the top level, got nothing");
    }

    @Test
    void refusesAnUnknownTopLevelMemberSuggestingTheClosestOne() {
        assertRefused("{\"gateway\": []}", "gateway: unknown member (did you mean \"gateways\"?); the file takes:"
                + " host, port, account_id, api_token, clock, accounts, tokens, global_api_keys, upstreams, gateways,"
                + " scripts, max_body_bytes, max_gateways_per_account, legacy_gateway_fields, journal_limit,"
                + " io_threads, worker_threads, hints, request_read_timeout, allowed_hosts, reply_fixtures,"
                + " strict_replies, custom_providers, journal, secrets_store, recordings");
    }

    @Test
    void refusesBadSettingValues() {
        assertRefused("{\"port\": \"8787\"}", "port: expected an integer from 0 to 65535, got \"8787\"");
        assertRefused("{\"port\": 65536}", "port: expected an integer from 0 to 65535, got 65536");
        assertRefused("{\"clock\": \"fake\"}", "clock: expected \"system\" or \"virtual\", got \"fake\"");
        assertRefused("{\"host\": 1}", "host: expected a host name or IP address, got 1");
        assertRefused("{\"account_id\": \"a/b\"}", "account_id: expected 1 to 64 letters, digits, '-' or '_'"
                + " (Cloudflare uses 32 lower-case hex characters), got \"a/b\"");
        assertRefused("{\"api_token\": \"\"}",
                "api_token: expected 1 to 512 letters, digits or -._~+/= characters, got \"\"");
        assertRefused("{\"hints\": \"false\"}", "hints: expected a boolean, got \"false\"");
    }

    @Test
    void theFileSetsTheRequestReadTimeoutInSecondsAndTheEnvironmentWins() {
        assertThat(resolve("{\"request_read_timeout\": 0.5}").requestReadTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(resolve("{\"request_read_timeout\": 0.5}", Map.of("AIGW_REQUEST_READ_TIMEOUT", "7"))
                .requestReadTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertRefused("{\"request_read_timeout\": -1}",
                "request_read_timeout: expected a number of seconds from 0.001 to 86400, got \"-1\"");
    }

    @Test
    void allowedHostsComeFromTheFileAsAnArrayOrAListUnlessTheEnvironmentGivesThem() {
        assertThat(resolve("{\"allowed_hosts\": [\"aigw\", \"10.0.0.5\"]}").allowedHosts())
                .containsExactly("aigw", "10.0.0.5");
        assertThat(resolve("{\"allowed_hosts\": \"aigw, other\"}").allowedHosts()).containsExactly("aigw", "other");
        assertThat(resolve("{\"allowed_hosts\": [\"aigw\"]}", Map.of("AIGW_ALLOWED_HOSTS", "env")).allowedHosts())
                .containsExactly("env");
        assertRefused("{\"allowed_hosts\": [\"aigw:8787\"]}", "allowed_hosts: expected comma-separated host names or"
                + " addresses without port (or * for any), got \"aigw:8787\"");
    }

    @Test
    void hintsAreTurnedOffByTheFileUnlessTheEnvironmentTurnsThemOn() {
        assertThat(resolve("{\"hints\": false}").hints()).isFalse();
        assertThat(resolve("{\"hints\": false}", Map.of("AIGW_HINTS", "true")).hints()).isTrue();
    }

    @Test
    void refusesBadAccounts() {
        assertRefused("{\"accounts\": \"other\"}", "accounts: expected an array of account ids, got \"other\"");
        assertRefused("{\"accounts\": [1]}", "accounts[0]: expected 1 to 64 letters, digits, '-' or '_'"
                + " (Cloudflare uses 32 lower-case hex characters), got 1");
        assertRefused("{\"accounts\": [\"ok\", \"not ok\"]}", "accounts[1]: expected 1 to 64 letters, digits, '-'"
                + " or '_' (Cloudflare uses 32 lower-case hex characters), got \"not ok\"");
    }

    @Test
    void refusesBadTokens() {
        String read = "\"permissions\": [\"AI Gateway - Read\"]";
        assertRefused("{\"tokens\": [{" + read + "}]}", "tokens[0].value is required");
        assertRefused("{\"tokens\": [{\"value\": \"a b\", " + read + "}]}",
                "tokens[0].value: expected 1 to 512 letters, digits or -._~+/= characters, got \"a b\"");
        assertRefused("{\"tokens\": [{\"value\": \"t\"}]}", "tokens[0].permissions is required");
        assertRefused("{\"tokens\": [{\"value\": \"t\", \"permissions\": []}]}", "tokens[0].permissions: expected"
                + " an array (at least 1) of one of \"AI Gateway - Read\", \"AI Gateway - Edit\", \"AI Gateway - Run\","
                + " got []");
        assertRefused("{\"tokens\": [{\"value\": \"t\", \"permissions\": [\"ai gateway - read\"]}]}",
                "tokens[0].permissions[0]: expected one of \"AI Gateway - Read\", \"AI Gateway - Edit\","
                        + " \"AI Gateway - Run\", got \"ai gateway - read\" (did you mean \"AI Gateway - Read\"?)");
        assertRefused("{\"tokens\": [{\"value\": \"t\", " + read + ", \"accounts\": [\"nope\"]}]}",
                "tokens[0].accounts[0]: \"nope\" is not an account of this emulator; known:"
                        + " 0123456789abcdef0123456789abcdef (add it to accounts), or \"*\" for every account");
        assertRefused("{\"tokens\": [{\"value\": \"t\", " + read + ", \"accounts\": []}]}",
                "tokens[0].accounts: expected a non-empty array of account ids or \"*\" for every account, got []");
        assertRefused("{\"tokens\": [{\"value\": \"t\", " + read + ", \"accounts\": [1]}]}",
                "tokens[0].accounts[0]: expected an account id or \"*\", got 1");
        assertRefused("{\"tokens\": {}}", "tokens: expected an array of token objects, got {}");
        assertRefused("{\"tokens\": [\"t\"]}", "tokens[0]: expected a token object, got \"t\"");
        assertRefused("{\"tokens\": [{\"value\": 7, " + read + "}]}",
                "tokens[0].value: expected 1 to 512 letters, digits or -._~+/= characters, got 7");
        assertRefused("{\"tokens\": [{\"value\": \"t\", " + read + ", \"scope\": \"x\"}]}",
                "tokens[0].scope: unknown member; a token takes: value, permissions, accounts");
        assertRefused("{\"tokens\": [{\"value\": \"t\", " + read + "}, {\"value\": \"t\", " + read + "}]}",
                "tokens[1].value: the token \"t\" is already given by tokens[0]; give each token once, with all its"
                        + " permissions");
        assertRefused("{\"api_token\": \"t\", \"tokens\": [{\"value\": \"t\", " + read + "}]}",
                "tokens[0].value: the token \"t\" is already given by config file " + file + ": api_token; give each"
                        + " token once, with all its permissions");
    }

    @Test
    void refusesAKeyWithoutAnAtSignOrListedTwice() {
        assertRefused("{\"global_api_keys\": [{\"key\": \"k\"}]}", "global_api_keys[0].email is required");
        assertRefused("{\"global_api_keys\": [{\"email\": \"a@b.c\"}]}", "global_api_keys[0].key is required");
        assertRefused("{\"global_api_keys\": [{\"email\": \"a@b.c\", \"key\": \"k\", \"account\": \"x\"}]}",
                "global_api_keys[0].account: unknown member (did you mean \"accounts\"?); a global API key takes:"
                        + " email, key, accounts");
        assertRefused("{\"global_api_keys\": [{\"email\": \"a@b.c\", \"key\": \" \"}]}",
                "global_api_keys[0].key: expected a non-blank string, got \" \"");
        assertRefused("{\"global_api_keys\": [{\"email\": \"developer\", \"key\": \"k\"}]}",
                "global_api_keys[0].email: expected an e-mail address, got \"developer\"");
        assertRefused("{\"global_api_keys\": [{\"email\": \"a@b.c\", \"key\": \"k\"}, {\"email\": \"A@b.c\", \"key\":"
                + " \"j\"}]}", "global_api_keys[1].email: \"A@b.c\" is already listed (e-mail addresses are compared"
                + " ignoring case)");
    }

    @Test
    void refusesBadUpstreams() {
        assertRefused("{\"upstreams\": {\"opnai\": \"http://127.0.0.1:9000\"}}", "upstreams.opnai: unknown provider"
                + " \"opnai\" (did you mean \"openai\"?); known: " + String.join(", ",
                dev.aigw.emulator.internal.provider.registry.ProviderRegistry.withBuiltIns().slugs()));
        assertRefused("{\"upstreams\": {\"openai\": \"127.0.0.1:9000\"}}", "upstreams.openai: expected an absolute"
                + " http(s) URL such as \"http://127.0.0.1:9000\", got \"127.0.0.1:9000\"");
        assertRefused("{\"upstreams\": {\"openai\": 9000}}", "upstreams.openai: expected an absolute http(s) URL"
                + " such as \"http://127.0.0.1:9000\", got 9000");
        assertRefused("{\"upstreams\": [\"openai\"]}", "upstreams: expected an object of provider slugs to base"
                + " URLs, got [\"openai\"]");
    }

    @Test
    void refusesGatewaysAsTheManagementApiRefusesThem() {
        assertRefused(gateway("\"id\": \"gw\""), "gateways[0].cache_invalidate_on_update is required");
        assertRefused(gateway(GATEWAY_REQUIRED), "gateways[0].id is required");
        assertRefused(gateway("\"id\": \"My Gateway\", " + GATEWAY_REQUIRED), "gateways[0].id: expected a string of"
                + " lower-case letters, digits and '_', with single '-' between groups, got \"My Gateway\"");
        String ttl = GATEWAY_REQUIRED.replace("\"cache_ttl\": 0", "\"cache_ttl\": \"x\"");
        assertRefused(gateway("\"id\": \"gw\", " + ttl),
                "gateways[0].cache_ttl: expected an integer >= 0, got \"x\"");
        assertRefused(gateway("\"id\": \"gw\", " + GATEWAY_REQUIRED + ", \"retry_delay\": 90000"),
                "gateways[0].retry_delay: expected an integer from 0 to 60000, got 90000");
        assertRefused(gateway("\"id\": \"gw\", " + GATEWAY_REQUIRED + ", \"retry_backoff\": \"Exponential\""),
                "gateways[0].retry_backoff: expected one of \"constant\", \"linear\", \"exponential\", got"
                        + " \"Exponential\" (did you mean \"exponential\"?)");
        assertRefused(gateway("\"id\": \"gw\", " + GATEWAY_REQUIRED + ", \"dlp\": {\"enabled\": true, \"policies\":"
                        + " [{\"id\": \"p\", \"action\": \"DROP\", \"check\": [], \"enabled\": true,"
                        + " \"profiles\": []}]}"),
                "gateways[0].dlp: expected a DLP config (legacy or policies form) (gateways[0].dlp.action is"
                        + " required)");
    }

    @Test
    void refusesAnUnknownGatewayMemberSuggestingTheField() {
        assertThatThrownBy(() -> resolve(gateway("\"id\": \"gw\", " + GATEWAY_REQUIRED + ", \"retry_max_attempt\": 3")))
                .hasMessageStartingWith("config file " + file + ": gateways[0].retry_max_attempt: unknown member"
                        + " (did you mean \"retry_max_attempts\"?); a gateway takes: id, account_id,"
                        + " cache_invalidate_on_update, cache_ttl,");
    }

    @Test
    void refusesAGatewayOfAnUnknownAccount() {
        assertRefused(gateway("\"id\": \"gw\", \"account_id\": \"other\", " + GATEWAY_REQUIRED),
                "gateways[0].account_id: \"other\" is not an account of this emulator; known:"
                        + " 0123456789abcdef0123456789abcdef (add it to accounts), or \"*\" for every account");
    }

    @Test
    void refusesAGatewayAccountThatIsNotAString() {
        assertRefused(gateway("\"id\": \"gw\", \"account_id\": 5, " + GATEWAY_REQUIRED),
                "gateways[0].account_id: expected an account id, got 5");
        assertRefused("{\"gateways\": [[]]}", "gateways[0]: expected a gateway object, got []");
        assertRefused("{\"scripts\": {}}", "scripts: expected an array of script objects, got {}");
    }

    @Test
    void refusesTheSameGatewayTwiceInOneAccount() {
        String gw = "{\"id\": \"gw\", " + GATEWAY_REQUIRED + "}";
        assertRefused("{\"gateways\": [" + gw + ", " + gw + "]}", "gateways[1].id: account"
                + " 0123456789abcdef0123456789abcdef already has a gateway \"gw\" (gateways[0])");
    }

    @Test
    void refusesMoreGatewaysThanTheLimit() {
        String gateways = "{\"id\": \"a\", " + GATEWAY_REQUIRED + "}, {\"id\": \"b\", " + GATEWAY_REQUIRED + "}";
        assertRefused("{\"max_gateways_per_account\": 1, \"gateways\": [" + gateways + "]}", "gateways[1]: account"
                + " 0123456789abcdef0123456789abcdef would have 2 gateways, more than max_gateways_per_account (1)");
    }

    @Test
    void refusesScriptsAsTheControlApiRefusesThem() {
        assertRefused("{\"scripts\": [{\"steps\": [{\"status\": 503}]}]}", "scripts[0].provider is required");
        assertRefused("{\"scripts\": [{\"provider\": \"open-ai\", \"steps\": [{\"status\": 503}]}]}",
                "scripts[0].provider: unknown provider \"open-ai\" (did you mean \"openai\"?); known: "
                        + String.join(", ", dev.aigw.emulator.internal.provider.registry.ProviderRegistry.withBuiltIns().slugs()));
        assertRefused("{\"scripts\": [{\"provider\": \"openai\"}]}",
                "scripts[0].steps: expected a non-empty array of steps");
        String openAi = "{\"scripts\": [{\"provider\": \"openai\", ";
        assertRefused(openAi + "\"steps\": [{\"status\": 503}, {\"fault\": \"boom\"}]}]}",
                "scripts[0].steps[1].fault: expected one of \"hang\", \"connection_reset\", \"empty_response\","
                        + " \"broken_stream\", \"malformed_body\", got \"boom\"");
        assertRefused(openAi + "\"steps\": [{\"status\": 503, \"fault\": \"hang\"}]}]}",
                "scripts[0].steps[0]: a step is either a response (status, body, events) or a fault, not both");
        assertRefused("{\"scripts\": [{\"provider\": \"openai\", \"steps\": [{\"times\": 0}]}]}",
                "scripts[0].steps[0].times: expected an integer >= 1 or \"always\" (scripts[0].steps[0].times:"
                        + " expected an integer >= 1, got 0)");
        assertRefused("{\"scripts\": [{\"provider\": \"openai\", \"gateway\": \"gw\", \"steps\": [{}]}]}",
                "scripts[0].gateway: unknown member (did you mean \"gateway_id\"?); a script takes: provider,"
                        + " gateway_id, test_id, steps");
        assertRefused(openAi + "\"steps\": [{\"status\": 503, \"time\": 2}]}]}",
                "scripts[0].steps[0].time: unknown member (did you mean \"times\"?); the members are status, headers,"
                        + " body, events, latency_ms, time_to_first_token_ms, event_interval_ms, tokens_per_second,"
                        + " fault, after_events, times, every_nth, probability, seed");
        assertRefused(openAi + "\"steps\": [{\"status\": 103}]}]}", "scripts[0].steps[0].status: 103 is an"
                + " informational (1xx) status, which HTTP cannot send as a final response; use a status from 200 to 599");
    }

    @Test
    void refusesBadLimits() {
        assertRefused("{\"max_body_bytes\": 0}", "max_body_bytes: expected an integer from 1 to 2147483639, got 0");
        assertRefused("{\"max_gateways_per_account\": -1}",
                "max_gateways_per_account: expected an integer >= 0, got -1");
        assertRefused("{\"journal_limit\": 1.5}", "journal_limit: expected an integer >= 1, got 1.5");
        assertRefused("{\"io_threads\": 0}", "io_threads: expected an integer from 1 to 256, got 0");
        assertRefused("{\"worker_threads\": 5000}", "worker_threads: expected an integer from 1 to 1024, got 5000");
        assertRefused("{\"legacy_gateway_fields\": \"yes\"}", "legacy_gateway_fields: expected a boolean, got \"yes\"");
    }

    @Test
    void customProvidersForwardIsReadAndChecked() {
        assertThat(resolve("{\"custom_providers\": {\"forward\": true}}").tuning().forwardCustomProviders())
                .contains(true);
        assertThat(resolve("{}").tuning().forwardCustomProviders()).isEmpty();
        assertRefused("{\"custom_providers\": {\"forward\": 1}}", "custom_providers.forward: expected a boolean, got 1");
    }

    @Test
    void journalRedactionAndTheStrictSecretsStoreAreReadAndChecked() {
        StandaloneConfig config = resolve("{\"journal\": {\"redact_credentials\": true}, \"secrets_store\":"
                + " {\"required\": true}}");
        assertThat(config.tuning().redactCredentials()).contains(true);
        assertThat(config.tuning().requireSecretsStore()).contains(true);
        assertThat(resolve("{}").tuning().redactCredentials()).isEmpty();
        assertThat(resolve("{}").tuning().requireSecretsStore()).isEmpty();
        assertRefused("{\"journal\": {\"redact_credentials\": \"yes\"}}",
                "journal.redact_credentials: expected a boolean, got \"yes\"");
        assertRefused("{\"secrets_store\": {\"require\": true}}", "secrets_store.require: unknown member (did you mean \"required\"?); the members are required");
    }
}
