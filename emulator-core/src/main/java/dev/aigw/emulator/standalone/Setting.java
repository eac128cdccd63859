package dev.aigw.emulator.standalone;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.RecordingMode;
import dev.aigw.emulator.internal.server.OriginPolicy;
import dev.aigw.emulator.internal.util.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One setting of the standalone emulator that the command line, the environment and the config file can all
 * give, with its names in each, its default, and what values it accepts.
 */
enum Setting {

    HOST("--host", "AIGW_HOST", "host", "ADDRESS", "address to bind (the image binds 0.0.0.0)", "127.0.0.1") {
        @Override
        boolean accepts(String value) {
            return !value.isBlank() && value.chars().noneMatch(Character::isWhitespace);
        }

        @Override
        String allowed() {
            return "a host name or IP address";
        }
    },
    PORT("--port", "AIGW_PORT", "port", "N", "port to listen on; 0 picks a free one", "8787") {
        @Override
        boolean accepts(String value) {
            return value.matches("\\d{1,5}") && Integer.parseInt(value) <= 65535;
        }

        @Override
        String allowed() {
            return "an integer from 0 to 65535";
        }
    },
    ACCOUNT_ID("--account-id", "AIGW_ACCOUNT_ID", "account_id", "ID", "the default account id",
            AiGatewayEmulator.DEFAULT_ACCOUNT_ID) {
        @Override
        boolean accepts(String value) {
            return ACCOUNT_PATTERN.matcher(value).matches();
        }

        @Override
        String allowed() {
            return "1 to 64 letters, digits, '-' or '_' (Cloudflare uses 32 lower-case hex characters)";
        }
    },
    API_TOKEN("--api-token", "AIGW_API_TOKEN", "api_token", "TOKEN",
            "a token with Read, Edit and Run on the default account; without one, and without tokens in the file,"
                    + " the default token works on every account",
            AiGatewayEmulator.DEFAULT_API_TOKEN) {
        @Override
        boolean accepts(String value) {
            return ApiToken.isWellFormed(value);
        }

        @Override
        String allowed() {
            return "1 to 512 letters, digits or -._~+/= characters";
        }
    },
    CLOCK("--clock", "AIGW_CLOCK", "clock", "system|virtual",
            "real time, or virtual time driven through /__emulator/clock", "system", List.of("system", "virtual")),
    HINTS("--hints", "AIGW_HINTS", "hints", "true|false",
            "send the x-aigw-emulator-hint header, which says what to do, with the gateway's own errors", "true",
            List.of("true", "false")),
    REQUEST_READ_TIMEOUT("--request-read-timeout", "AIGW_REQUEST_READ_TIMEOUT", "request_read_timeout", "SECONDS",
            "time a client has to send a request's headers, then its body, or lose its connection (real time,"
                    + " whatever the clock)", "5") {
        @Override
        boolean accepts(String value) {
            return value.matches("\\d{1,5}(\\.\\d{1,3})?") && Double.parseDouble(value) >= 0.001
                    && Double.parseDouble(value) <= 86_400;
        }

        @Override
        String allowed() {
            return "a number of seconds from 0.001 to 86400";
        }
    },
    ALLOWED_HOSTS("--allowed-hosts", "AIGW_ALLOWED_HOSTS", "allowed_hosts", "HOST,...",
            "more host names the control API answers besides localhost, loopback addresses and the bound address"
                    + " (a container's network alias); * allows any",
            "none") {
        @Override
        boolean accepts(String value) {
            return !value.isBlank() && Arrays.stream(value.split(",", -1)).map(String::trim)
                    .allMatch(OriginPolicy::isHostForm);
        }

        @Override
        String allowed() {
            return "comma-separated host names or addresses without port (or * for any)";
        }
    },
    REPLY_FIXTURES("--reply-fixtures", "AIGW_REPLY_FIXTURES", "reply_fixtures", "DIR",
            "a directory of reply fixture files (*.json, each a reply rule or {\"rules\": [...]}), read in file-name"
                    + " order; in the config file, relative to the file", "none"),
    STRICT_REPLIES("--strict-replies", "AIGW_STRICT_REPLIES", "strict_replies", "[true|false]",
            "answer a chat request no reply rule matches with the provider's 400 error, and keep it as a reply"
                    + " problem", "false", List.of("true", "false")),
    RECORDINGS("--recordings", "AIGW_RECORDINGS", null, "DIR",
            "a recordings directory: providers with a real upstream replay its files (docs/recording.md); the config"
                    + " file's \"recordings\" sets the rest", "none"),
    RECORDING_MODE("--recording-mode", "AIGW_RECORDING_MODE", null, "MODES",
            "record, replay, record-missing or off for every provider with a real upstream, and/or slug=mode,"
                    + " comma-separated (e.g. record-missing,openai=replay)", "replay") {
        @Override
        boolean accepts(String value) {
            return !value.isBlank() && Arrays.stream(value.split(",")).map(String::trim).filter(p -> !p.isEmpty())
                    .allMatch(p -> RecordingMode.byName(p.substring(p.indexOf('=') + 1)).isPresent());
        }

        @Override
        String allowed() {
            return "record, replay, record-missing or off, or slug=mode, comma-separated";
        }
    },
    FORWARD_CUSTOM_PROVIDERS("--forward-custom-providers", "AIGW_FORWARD_CUSTOM_PROVIDERS", null, "[true|false]",
            "send custom-{slug} requests over the network to the provider's HTTPS base_url instead of the built-in"
                    + " OpenAI-compatible fake (config file: \"custom_providers\": {\"forward\": true})", "false",
            List.of("true", "false")),
    CONFIG("--config", "AIGW_CONFIG", null, "FILE", "JSON config file (format below)", "none") {
        @Override
        boolean accepts(String value) {
            return !value.isBlank();
        }

        @Override
        String allowed() {
            return "the path of a JSON file";
        }
    };

    /** The metavar of a setting that takes a directory, any non-blank path. */
    private static final String DIRECTORY = "DIR";

    private static final Pattern ACCOUNT_PATTERN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String option;
    private final String env;
    private final String fileField;
    private final String metavar;
    private final String description;
    private final String defaultText;
    private final List<String> choices;

    /** A setting whose values each constant checks itself. */
    Setting(String option, String env, String fileField, String metavar, String description, String defaultText) {
        this(option, env, fileField, metavar, description, defaultText, List.of());
    }

    /** A setting that takes one of a few words, a typo of which gets a "did you mean". */
    Setting(String option, String env, String fileField, String metavar, String description, String defaultText,
            List<String> choices) {
        this.option = option;
        this.env = env;
        this.fileField = fileField;
        this.metavar = metavar;
        this.description = description;
        this.defaultText = defaultText;
        this.choices = choices;
    }

    boolean accepts(String value) {
        return metavar.equals(DIRECTORY) ? !value.isBlank() : choices.contains(value);
    }

    /** Says in a few words what values are accepted. */
    String allowed() {
        if (metavar.equals(DIRECTORY)) {
            return "the path of a directory";
        }
        return choices.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(" or "));
    }

    /** Tells whether the option may stand alone, meaning {@code true} ({@code --strict-replies}). */
    boolean isSwitch() {
        return choices.equals(List.of("true", "false")) && metavar.startsWith("[");
    }

    /** Returns a "did you mean" hint for a refused value, or an empty string. */
    String hint(String value) {
        return choices.isEmpty() ? "" : Suggestions.didYouMean(value, choices);
    }

    /** Returns the value if accepted; otherwise stops start-up with a message naming {@code source}. */
    String check(String value, String source) {
        if (!accepts(value)) {
            throw new ConfigException(source + ": expected " + allowed() + ", got \"" + value + "\"" + hint(value));
        }
        return value;
    }

    String option() {
        return option;
    }

    String env() {
        return env;
    }

    /** Returns the config file's member for this setting, or {@code null} if the file cannot give it. */
    String fileField() {
        return fileField;
    }

    String metavar() {
        return metavar;
    }

    String description() {
        return description;
    }

    String defaultText() {
        return defaultText;
    }
}
