package dev.aigw.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line and the {@code AIGW_*} variables: precedence, and a message for every refused value. */
class StandaloneOptionsTest {

    private static final Map<String, String> NO_ENV = Map.of();

    private static StandaloneConfig resolve(Map<String, String> env, String... args) {
        return StandaloneConfig.resolve(StandaloneOptions.parse(args, env));
    }

    private static void assertRefused(Map<String, String> env, String message, String... args) {
        assertThatThrownBy(() -> resolve(env, args)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void withNothingGivenTheDefaultsApply() {
        StandaloneConfig config = resolve(NO_ENV);

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8787);
        assertThat(config.accountId()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(config.clock()).isEqualTo("system");
        assertThat(config.tokens()).isEmpty();
        assertThat(config.configFile()).isEmpty();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void theEnvironmentGivesEverySetting() {
        StandaloneConfig config = resolve(Map.of("AIGW_HOST", "0.0.0.0", "AIGW_PORT", "9000",
                "AIGW_ACCOUNT_ID", "acc", "AIGW_API_TOKEN", "tok", "AIGW_CLOCK", "virtual"));

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.accountId()).isEqualTo("acc");
        assertThat(config.clock()).isEqualTo("virtual");
        assertThat(config.tokens()).singleElement().satisfies(token -> {
            assertThat(token.value()).isEqualTo("tok");
            assertThat(token.accountIds()).containsExactly("acc");
            assertThat(token.permissions()).hasSize(3);
        });
    }

    @Test
    void theCommandLineWinsOverTheEnvironmentInBothSpellings() {
        StandaloneConfig config = resolve(Map.of("AIGW_PORT", "9000", "AIGW_CLOCK", "virtual"),
                "--port", "9001", "--clock=system");

        assertThat(config.port()).isEqualTo(9001);
        assertThat(config.clock()).isEqualTo("system");
    }

    @Test
    void aBlankVariableCountsAsUnset() {
        assertThat(resolve(Map.of("AIGW_PORT", "  ", "AIGW_CONFIG", "")).port()).isEqualTo(8787);
    }

    @Test
    void anOptionOverridesABrokenVariableWithoutComplaint() {
        assertThat(resolve(Map.of("AIGW_PORT", "eighty"), "--port", "80").port()).isEqualTo(80);
    }

    @Test
    void helpIsAnsweredEvenWithOtherwiseBrokenSettings() {
        assertThat(StandaloneOptions.parse(new String[] {"--port", "x", "-h"}, NO_ENV).help()).isTrue();
    }

    @Test
    void helpListsEveryOptionItsVariableAndTheFileMembers() {
        String usage = Main.usage();

        for (Setting setting : Setting.values()) {
            assertThat(usage).contains(setting.option()).contains(setting.env());
        }
        for (String member : ConfigFile.MEMBERS) {
            assertThat(usage).contains("\"" + member + "\"");
        }
        assertThat(usage).contains("--help").contains("option, else its environment variable, else the config file");
    }

    @Test
    void refusesAnUnknownOptionSuggestingTheClosestOne() {
        assertRefused(NO_ENV, "unknown option --prot (did you mean \"--port\"?); --help lists the options",
                "--prot", "1");
    }

    @Test
    void refusesAPositionalArgument() {
        assertRefused(NO_ENV, "unexpected argument \"8787\"; options start with --, and --help lists them", "8787");
    }

    @Test
    void refusesAnOptionWithoutItsValue() {
        assertRefused(NO_ENV, "--port needs a value: N", "--port");
        assertRefused(NO_ENV, "--config needs a value: FILE", "--config", "--port", "1");
    }

    @Test
    void refusesAPortOutOfRangeNamingTheOptionOrTheVariable() {
        assertRefused(NO_ENV, "--port: expected an integer from 0 to 65535, got \"70000\"", "--port", "70000");
        assertRefused(Map.of("AIGW_PORT", "-1"), "AIGW_PORT: expected an integer from 0 to 65535, got \"-1\"");
    }

    @Test
    void refusesAnUnknownClockSuggestingTheRightSpelling() {
        assertRefused(Map.of("AIGW_CLOCK", "Virtual"),
                "AIGW_CLOCK: expected \"system\" or \"virtual\", got \"Virtual\" (did you mean \"virtual\"?)");
    }

    @Test
    void hintsAreOnUnlessTheOptionOrTheVariableTurnsThemOff() {
        assertThat(resolve(NO_ENV).hints()).isTrue();
        assertThat(resolve(Map.of("AIGW_HINTS", "false")).hints()).isFalse();
        assertThat(resolve(Map.of("AIGW_HINTS", "false"), "--hints", "true").hints()).isTrue();
        assertThat(resolve(NO_ENV, "--hints=false").hints()).isFalse();
    }

    @Test
    void theRequestReadTimeoutIsFiveSecondsUnlessTheOptionOrTheVariableSetsIt() {
        assertThat(resolve(NO_ENV).requestReadTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(resolve(Map.of("AIGW_REQUEST_READ_TIMEOUT", "30")).requestReadTimeout())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(resolve(Map.of("AIGW_REQUEST_READ_TIMEOUT", "30"), "--request-read-timeout", "0.25")
                .requestReadTimeout()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void refusesARequestReadTimeoutThatIsNotAPositiveNumberOfSeconds() {
        assertRefused(NO_ENV, "--request-read-timeout: expected a number of seconds from 0.001 to 86400, got \"0\"",
                "--request-read-timeout", "0");
        assertRefused(Map.of("AIGW_REQUEST_READ_TIMEOUT", "5s"),
                "AIGW_REQUEST_READ_TIMEOUT: expected a number of seconds from 0.001 to 86400, got \"5s\"");
    }

    @Test
    void allowedHostsAreNoneUnlessTheOptionOrTheVariableNamesThem() {
        assertThat(resolve(NO_ENV).allowedHosts()).isEmpty();
        assertThat(resolve(Map.of("AIGW_ALLOWED_HOSTS", "aigw,10.0.0.5")).allowedHosts())
                .containsExactly("aigw", "10.0.0.5");
        assertThat(resolve(NO_ENV, "--allowed-hosts", "*").allowedHosts()).containsExactly("*");
        assertRefused(NO_ENV, "--allowed-hosts: expected comma-separated host names or addresses without port (or *"
                + " for any), got \"http://aigw\"", "--allowed-hosts", "http://aigw");
    }

    @Test
    void refusesAHintsValueOtherThanTrueOrFalse() {
        assertRefused(Map.of("AIGW_HINTS", "off"), "AIGW_HINTS: expected \"true\" or \"false\", got \"off\"");
        assertRefused(NO_ENV, "--hints: expected \"true\" or \"false\", got \"ture\" (did you mean \"true\"?)",
                "--hints", "ture");
    }

    @Test
    void refusesAMalformedAccountId() {
        assertRefused(NO_ENV, "--account-id: expected 1 to 64 letters, digits, '-' or '_' (Cloudflare uses 32"
                + " lower-case hex characters), got \"my account\"", "--account-id", "my account");
    }

    @Test
    void refusesAMalformedToken() {
        assertRefused(Map.of("AIGW_API_TOKEN", "a token"),
                "AIGW_API_TOKEN: expected 1 to 512 letters, digits or -._~+/= characters, got \"a token\"");
    }

    @Test
    void refusesAHostWithSpaces() {
        assertRefused(NO_ENV, "--host: expected a host name or IP address, got \"local host\"", "--host=local host");
    }

    @Test
    void refusesAnEmptyConfigPath() {
        assertRefused(NO_ENV, "--config: expected the path of a JSON file, got \"\"", "--config=");
    }

    @Test
    void warnsAboutAnUnknownAigwVariableInsteadOfIgnoringItSilently() {
        StandaloneConfig config = resolve(Map.of("AIGW_PROT", "9000", "PATH", "/bin"));

        assertThat(config.warnings()).containsExactly("ignoring unknown environment variable AIGW_PROT (did you"
                + " mean \"AIGW_PORT\"?); known: AIGW_HOST, AIGW_PORT, AIGW_ACCOUNT_ID, AIGW_API_TOKEN, AIGW_CLOCK,"
                + " AIGW_HINTS, AIGW_REQUEST_READ_TIMEOUT, AIGW_ALLOWED_HOSTS,"
                + " AIGW_REPLY_FIXTURES, AIGW_STRICT_REPLIES, AIGW_RECORDINGS, AIGW_RECORDING_MODE, AIGW_FORWARD_CUSTOM_PROVIDERS, AIGW_CONFIG");
        assertThat(config.port()).isEqualTo(8787);
    }
}
