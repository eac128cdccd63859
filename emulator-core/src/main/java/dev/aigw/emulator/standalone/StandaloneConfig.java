package dev.aigw.emulator.standalone;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.GlobalApiKey;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.RecordingSettings;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.internal.BuilderAccess;
import dev.aigw.emulator.internal.Seed;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.wire.ReplyFixtures;
import dev.aigw.emulator.standalone.StandaloneOptions.Given;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The standalone emulator's whole configuration, resolved from the command line, the {@code AIGW_*}
 * environment variables and the optional JSON config file, in that order of precedence, then the defaults.
 *
 * @param host the address to bind
 * @param port the port, 0 for a free one
 * @param accountId the default account id
 * @param accounts every account id, the default one first
 * @param tokens the accepted tokens, the one printed at start-up first; empty means the emulator's default token
 * @param globalApiKeys the accepted legacy key pairs
 * @param clock {@code system} or {@code virtual}
 * @param upstreams providers pointed at real servers: slug to base URL
 * @param tuning the file's limits, each only if given
 * @param seed the gateways and script steps to hold from the start
 * @param configFile the config file read, if any
 * @param warnings what to print before starting
 * @param hints whether the gateway's own errors carry the hint header
 * @param requestReadTimeout the time a client has to send a request's headers, then its body
 * @param allowedHosts the host names the control API answers besides loopback and the bound address
 * @param replyRules the reply rules of the fixture directory, if one is given
 * @param strictReplies whether replies are strict from the start
 * @param recordings the recordings directory, modes, matching and redaction, if a directory is given
 */
record StandaloneConfig(String host, int port, String accountId, List<String> accounts, List<ApiToken> tokens,
                        List<GlobalApiKey> globalApiKeys, String clock, Map<String, String> upstreams,
                        Tuning tuning, Seed seed, Optional<Path> configFile, List<String> warnings,
                        boolean hints, Duration requestReadTimeout,
                        List<String> allowedHosts, List<ReplyRule> replyRules, boolean strictReplies,
                        Optional<RecordingSettings> recordings) {

    /** The file's limits and switches; an empty one keeps the emulator's default. */
    record Tuning(OptionalLong maxBodyBytes, OptionalLong maxGatewaysPerAccount, OptionalLong journalLimit,
                  OptionalLong ioThreads, OptionalLong workerThreads, Optional<Boolean> legacyGatewayFields,
                  Optional<Boolean> forwardCustomProviders, Optional<Boolean> redactCredentials,
                  Optional<Boolean> requireSecretsStore) {
    }

    StandaloneConfig {
        accounts = List.copyOf(accounts);
        tokens = List.copyOf(tokens);
        globalApiKeys = List.copyOf(globalApiKeys);
        upstreams = Map.copyOf(upstreams);
        warnings = List.copyOf(warnings);
        allowedHosts = List.copyOf(allowedHosts);
        replyRules = List.copyOf(replyRules);
    }

    /** Resolves everything; throws {@link ConfigException} naming the first bad setting. */
    static StandaloneConfig resolve(StandaloneOptions options) {
        ConfigFile file = options.get(Setting.CONFIG)
                .map(given -> ConfigFile.read(Path.of(given.value()), given.source()))
                .orElseGet(ConfigFile::none);
        String host = value(Setting.HOST, options, file);
        int port = Integer.parseInt(value(Setting.PORT, options, file));
        String accountId = value(Setting.ACCOUNT_ID, options, file);
        String clock = value(Setting.CLOCK, options, file);

        Set<String> accounts = new LinkedHashSet<>();
        accounts.add(accountId);
        accounts.addAll(file.accounts());

        List<ApiToken> tokens = new ArrayList<>();
        Optional<Given> apiToken = options.get(Setting.API_TOKEN).or(() -> file.setting(Setting.API_TOKEN));
        apiToken.ifPresent(given -> tokens.add(
                new ApiToken(given.value(), Set.of(accountId), EnumSet.allOf(Permission.class))));
        tokens.addAll(file.tokens(accountId, accounts, apiToken));

        double readTimeoutSeconds = Double.parseDouble(value(Setting.REQUEST_READ_TIMEOUT, options, file));
        Duration readTimeout = Duration.ofMillis(Math.round(readTimeoutSeconds * 1000));

        Optional<Boolean> fileForwards = file.forwardCustomProviders();
        Tuning tuning = new Tuning(file.integerMember("max_body_bytes", 1, Integer.MAX_VALUE - 8),
                file.integerMember("max_gateways_per_account", 0, Integer.MAX_VALUE),
                file.integerMember("journal_limit", 1, Integer.MAX_VALUE),
                file.integerMember("io_threads", 1, 256),
                file.integerMember("worker_threads", 1, 1024),
                file.booleanMember("legacy_gateway_fields"),
                options.get(Setting.FORWARD_CUSTOM_PROVIDERS).map(given -> Boolean.valueOf(given.value()))
                        .or(() -> fileForwards),
                file.redactCredentials(), file.requireSecretsStore());
        Seed seed = new Seed(file.gateways(accountId, accounts, tuning.maxGatewaysPerAccount().orElse(0)),
                file.scripts());
        return new StandaloneConfig(host, port, accountId, List.copyOf(accounts), tokens,
                file.globalApiKeys(accountId, accounts), clock, file.upstreams(), tuning, seed,
                options.get(Setting.CONFIG).map(given -> Path.of(given.value())), options.warnings(),
                Boolean.parseBoolean(value(Setting.HINTS, options, file)), readTimeout,
                allowedHosts(options, file), replyRules(options, file),
                Boolean.parseBoolean(value(Setting.STRICT_REPLIES, options, file)), recordings(options, file));
    }

    /** Returns a builder for the emulator this configuration describes. */
    AiGatewayEmulator.Builder builder() {
        AiGatewayEmulator.Builder builder = BuilderAccess.seed(AiGatewayEmulator.builder()
                .host(host)
                .port(port)
                .accountId(accountId)
                .clock(clock.equals("virtual") ? VirtualClock.create() : EmulatorClock.system())
                .hints(hints)
                .requestReadTimeout(requestReadTimeout)
                .allowedHosts(allowedHosts.toArray(String[]::new))
                .replyRules(replyRules.toArray(ReplyRule[]::new))
                .strictReplies(strictReplies), seed);
        accounts.forEach(builder::account);
        tokens.forEach(builder::token);
        globalApiKeys.forEach(builder::globalApiKey);
        upstreams.forEach(builder::upstream);
        recordings.ifPresent(builder::recordings);
        tuning.maxBodyBytes().ifPresent(builder::maxBodyBytes);
        tuning.maxGatewaysPerAccount().ifPresent(v -> builder.maxGatewaysPerAccount((int) v));
        tuning.journalLimit().ifPresent(v -> builder.journalLimit((int) v));
        tuning.ioThreads().ifPresent(v -> builder.ioThreads((int) v));
        tuning.workerThreads().ifPresent(v -> builder.workerThreads((int) v));
        tuning.legacyGatewayFields().ifPresent(builder::legacyGatewayFields);
        tuning.forwardCustomProviders().ifPresent(builder::forwardCustomProviders);
        tuning.redactCredentials().ifPresent(builder::redactCredentials);
        tuning.requireSecretsStore().ifPresent(builder::requireSecretsStore);
        return builder;
    }

    /** Returns the rules of the fixture directory from the winning source; none by default. */
    private static List<ReplyRule> replyRules(StandaloneOptions options, ConfigFile file) {
        Optional<Given> given = options.get(Setting.REPLY_FIXTURES).or(() -> file.setting(Setting.REPLY_FIXTURES));
        if (given.isEmpty()) {
            return List.of();
        }
        ReplyFixtures.Read read = ReplyFixtures.read(Path.of(given.get().value()), ProviderRegistry.withBuiltIns());
        if (!read.problems().isEmpty()) {
            throw new ConfigException(given.get().source() + ": the reply fixtures have " + read.problems().size()
                    + " problem" + (read.problems().size() == 1 ? "" : "s") + " (java -jar emulator.jar"
                    + " validate-fixtures " + given.get().value() + " lists them):\n  "
                    + String.join("\n  ", read.problems()));
        }
        return read.rules();
    }

    /** Returns the file's recordings with the directory and modes the command line or environment give. */
    private static Optional<RecordingSettings> recordings(StandaloneOptions options, ConfigFile file) {
        Optional<RecordingSettings> recordings = file.recordings();
        Optional<Given> directory = options.get(Setting.RECORDINGS);
        if (directory.isPresent()) {
            RecordingSettings base = recordings.orElseGet(() -> RecordingSettings.in(Path.of(".")).build());
            recordings = Optional.of(new RecordingSettings(Path.of(directory.get().value()), base.mode(),
                    base.providerModes(), base.modelAndMessagesOnly(), base.ignoredFields(), base.redactedHeaders(),
                    base.redactedFields()));
        }
        Optional<Given> modes = options.get(Setting.RECORDING_MODE);
        if (modes.isEmpty()) {
            return recordings;
        }
        if (recordings.isEmpty()) {
            throw new ConfigException(modes.get().source() + ": a recording mode needs a recordings directory:"
                    + " --recordings DIR, AIGW_RECORDINGS or \"recordings\" in the config file");
        }
        try {
            return Optional.of(recordings.get().withModes(modes.get().value()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(modes.get().source() + ": " + e.getMessage());
        }
    }

    /** Returns the allowed hosts from the winning source; none by default. */
    private static List<String> allowedHosts(StandaloneOptions options, ConfigFile file) {
        return options.get(Setting.ALLOWED_HOSTS).or(() -> file.setting(Setting.ALLOWED_HOSTS))
                .map(given -> Arrays.stream(given.value().split(",")).map(String::trim).toList())
                .orElse(List.of());
    }

    /** Returns the winning value: command line or environment, then the file, then the default. */
    private static String value(Setting setting, StandaloneOptions options, ConfigFile file) {
        return options.get(setting).or(() -> file.setting(setting)).map(Given::value).orElse(setting.defaultText());
    }
}
