package dev.aigw.emulator.standalone;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.server.LibraryLogs;
import dev.aigw.emulator.internal.util.Logs;
import dev.aigw.emulator.internal.wire.ReplyFixtures;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator as a program: {@code java -jar emulator-core-<version>-standalone.jar --help}. Exits
 * with 2 on invalid configuration, 1 if the server cannot start, and ends cleanly on SIGTERM or Ctrl-C
 * (the JVM then exits with 143 or 130).
 */
public final class Main {

    /** The exit code for invalid configuration. */
    static final int BAD_CONFIG = 2;

    /** The exit code for a server that cannot start (for example a port in use). */
    static final int CANNOT_START = 1;

    /** The command that checks a directory of reply fixtures without starting the emulator. */
    static final String VALIDATE_FIXTURES = "validate-fixtures";

    private Main() {
    }

    /**
     * Checks the reply fixture directories given: prints each problem with its file and member to {@code err}, or
     * how many rules each holds to {@code out}, and returns the exit code, 0 when all are valid and 1 otherwise
     * (2 without a directory).
     */
    static int validateFixtures(String[] directories, PrintStream out, PrintStream err) {
        if (directories.length == 0) {
            err.println("aigw-emulator: usage: " + VALIDATE_FIXTURES + " DIR [DIR...]");
            return BAD_CONFIG;
        }
        int problems = 0;
        for (String directory : directories) {
            ReplyFixtures.Read read = ReplyFixtures.read(Path.of(directory), ProviderRegistry.withBuiltIns());
            read.problems().forEach(p -> err.println("aigw-emulator: " + p));
            problems += read.problems().size();
            if (read.problems().isEmpty()) {
                out.println(directory + ": " + read.rules().size() + " reply rule" + (read.rules().size() == 1 ? "" : "s")
                        + " in " + read.files().size() + " file" + (read.files().size() == 1 ? "" : "s") + ", all valid");
            }
        }
        if (problems > 0) {
            err.println("aigw-emulator: " + problems + " problem" + (problems == 1 ? "" : "s") + " found");
        }
        return problems == 0 ? 0 : 1;
    }

    /**
     * Starts the emulator and serves until SIGTERM or Ctrl-C; {@code validate-fixtures DIR} checks fixtures,
     * {@code drift --recordings DIR} checks recordings against the fakes or the live providers.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals(VALIDATE_FIXTURES)) {
            System.exit(validateFixtures(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        if (args.length > 0 && args[0].equals(DriftCommand.NAME)) {
            System.exit(DriftCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out,
                    System.err));
            return;
        }
        quietLibraryLogs();
        StandaloneConfig config;
        try {
            StandaloneOptions options = StandaloneOptions.parse(args, System.getenv());
            if (options.help()) {
                System.out.print(usage());
                return;
            }
            config = StandaloneConfig.resolve(options);
        } catch (ConfigException e) {
            System.err.println("aigw-emulator: " + e.getMessage());
            System.exit(BAD_CONFIG);
            return;
        }
        config.warnings().forEach(w -> System.err.println("aigw-emulator: warning: " + w));
        AiGatewayEmulator emulator;
        try {
            emulator = config.builder().build().start();
        } catch (RuntimeException e) {
            System.err.println("aigw-emulator: " + e.getMessage());
            System.exit(CANNOT_START);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            System.out.println("AI Gateway emulator stopped");
            System.out.flush();
            stopped.countDown();
        }, "aigw-emulator-shutdown"));
        System.out.println(startLine(config, emulator));
        System.out.flush();
        stopped.await();
    }

    /** Returns the one line printed at start-up: base URL, account id, token and what was configured. */
    static String startLine(StandaloneConfig config, AiGatewayEmulator emulator) {
        return "AI Gateway emulator listening on " + emulator.baseUrl()
                + " account_id=" + emulator.accountId()
                + " api_token=" + emulator.apiToken()
                + " clock=" + config.clock()
                + " gateways=" + config.seed().gateways().size()
                + " config=" + config.configFile().map(Object::toString).orElse("none");
    }

    /** Returns the text of {@code --help}: every option, its variable and default, and the file's format. */
    static String usage() {
        StringBuilder out = new StringBuilder("""
                Usage: java -jar emulator-core-standalone.jar [options]
                       java -jar emulator-core-standalone.jar validate-fixtures DIR...
                       java -jar emulator-core-standalone.jar drift --recordings DIR [--against fake|live]
                           [--provider SLUG] [--upstream SLUG=URL]... [--key-env SLUG=VARIABLE]...

                Runs the Cloudflare AI Gateway emulator until SIGTERM or Ctrl-C. Each setting comes from its
                option, else its environment variable, else the config file, else the default.

                """);
        out.append(String.format("  %-31s %-16s %-18s %s%n", "option", "variable", "file member", "default"));
        for (Setting s : Setting.values()) {
            String option = s.option() + " " + s.metavar();
            out.append(String.format("  %-31s %-16s %-18s %s%n", option, s.env(),
                    s.fileField() == null ? "-" : s.fileField(), s.defaultText()));
            out.append(String.format("      %s%n", s.description()));
        }
        out.append("""
                  --help, -h                      prints this text

                The config file (JSON; every member optional; unknown members are refused):
                  {
                    "host": "0.0.0.0", "port": 8787, "account_id": "...", "api_token": "...", "clock": "virtual",
                    "accounts": ["<more account ids>"],
                    "tokens": [{"value": "t", "permissions": ["AI Gateway - Read", "AI Gateway - Edit",
                                "AI Gateway - Run"], "accounts": ["<account id>" or "*"]}],
                    "global_api_keys": [{"email": "a@example.com", "key": "k", "accounts": ["..."]}],
                    "upstreams": {"openai": "http://127.0.0.1:9000"},
                    "gateways": [{"id": "my-gateway", "account_id": "<optional>", "cache_invalidate_on_update": false,
                                  "cache_ttl": 0, "collect_logs": true, "rate_limiting_interval": 0,
                                  "rate_limiting_limit": 0, "...": "any other field of the management API"}],
                    "scripts": [{"provider": "openai", "gateway_id": "<optional>", "test_id": "<optional>",
                                 "steps": [{"status": 503, "times": 2}, {"fault": "hang"}]}],
                    "max_body_bytes": 1048576, "max_gateways_per_account": 0, "legacy_gateway_fields": false,
                    "journal_limit": 10000, "io_threads": 1, "worker_threads": 32, "hints": true,
                    "request_read_timeout": 5,
                    "allowed_hosts": ["<a network alias>"],
                    "reply_fixtures": "<a directory, relative to this file>", "strict_replies": false,
                    "custom_providers": {"forward": false}, "journal": {"redact_credentials": false},
                    "secrets_store": {"required": false},
                    "recordings": {"directory": "<relative to this file>", "mode": "replay",
                                   "modes": {"openai": "record-missing"}, "match": "body|model_and_messages",
                                   "ignore_fields": ["user"], "redact_headers": ["x-team-key"],
                                   "redact_fields": ["metadata.email"]}
                  }
                Gateways are validated as POST .../ai-gateway/gateways bodies, steps as /__emulator/scripts bodies.
                A token without "accounts" covers the default account. Configured tokens replace the default token;
                the api_token (any source) is added first and holds Read, Edit and Run on the default account.

                A reply fixture file (docs/replies.md) is one rule or {"rules": [...]}:
                  {"name": "weather", "match": {"last_user_message": {"contains": "weather"}, "turn": 0},
                   "reply": {"tool_calls": [{"name": "get_weather", "arguments": {"city": "Paris"}}]}}
                validate-fixtures checks such directories, naming each bad member with its file; exit code 0 or 1.

                drift sends every recorded request (docs/recording.md) again, to the emulator's fakes or to the live
                providers (keys from {SLUG}_API_KEY, e.g. OPENAI_API_KEY, or the variable --key-env names), and
                prints where each answer's shape differs: status, headers, JSON members added, removed or of another
                type, stream event types. Exit code 0 when nothing differs, 1 when something does.

                Exit codes: 2 invalid configuration, 1 the server cannot start; SIGTERM stops it cleanly.
                """);
        return out.toString();
    }

    /**
     * Keeps the one start-up line alone: Undertow and XNIO announce their versions at INFO. With an SLF4J backend
     * (the standalone jar has slf4j-simple) their logs go to it, as the emulator's do, from WARN up; without one the
     * emulator quiets their java.util.logging loggers itself (see {@code LibraryLogs}), and asking JBoss Logging for
     * SLF4J would only make SLF4J print that it has no backend.
     */
    private static void quietLibraryLogs() {
        if (!Logs.hasBackend()) {
            return;
        }
        System.setProperty(LibraryLogs.PROVIDER_PROPERTY, "slf4j");
        for (String logger : LibraryLogs.names()) {
            String property = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "warn");
            }
        }
    }
}
