package dev.aigw.emulator.standalone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standalone emulator's settings, read from the environment ({@code AIGW_*}) and then from the
 * command line, which wins.
 */
record StandaloneOptions(String host, int port, String accountId, String apiToken, String clock, boolean help) {

    static final String USAGE = """
            Usage: java -jar emulator-core-standalone.jar [options]

            Runs the Cloudflare AI Gateway emulator until it receives SIGTERM or Ctrl-C.

            Options (each has an environment variable; the option wins):
              --host ADDRESS        bind address                      AIGW_HOST        (default 127.0.0.1)
              --port N              port, 0 for an ephemeral one       AIGW_PORT        (default 8787)
              --account-id ID       the default account id             AIGW_ACCOUNT_ID  (default 0123456789abcdef0123456789abcdef)
              --api-token TOKEN     a token with Read, Edit and Run    AIGW_API_TOKEN   (default aigw-emulator-token)
              --clock system|virtual  where time comes from            AIGW_CLOCK       (default system)
              --help                prints this text
            """;

    private static final Map<String, String> OPTION_TO_ENV = new LinkedHashMap<>(Map.of(
            "--host", "AIGW_HOST",
            "--port", "AIGW_PORT",
            "--account-id", "AIGW_ACCOUNT_ID",
            "--api-token", "AIGW_API_TOKEN",
            "--clock", "AIGW_CLOCK"));

    /** Reads the settings; throws {@link IllegalArgumentException} naming the bad option and what is allowed. */
    static StandaloneOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        OPTION_TO_ENV.forEach((option, variable) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                values.put(option, value.trim());
            }
        });
        boolean help = false;
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!OPTION_TO_ENV.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + arg + "; --help lists the options");
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < rest.size()) {
                value = rest.get(++i);
            } else {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            values.put(name, value);
        }
        String clock = values.getOrDefault("--clock", "system");
        if (!clock.equals("system") && !clock.equals("virtual")) {
            throw new IllegalArgumentException("--clock / AIGW_CLOCK must be system or virtual, got " + clock);
        }
        return new StandaloneOptions(values.getOrDefault("--host", "127.0.0.1"), port(values.get("--port")),
                values.get("--account-id"), values.get("--api-token"), clock, help);
    }

    private static int port(String raw) {
        if (raw == null) {
            return 8787;
        }
        try {
            int port = Integer.parseInt(raw);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port / AIGW_PORT must be an integer from 0 to 65535, got " + raw);
    }
}
