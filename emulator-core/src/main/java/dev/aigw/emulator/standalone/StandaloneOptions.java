package dev.aigw.emulator.standalone;

import dev.aigw.emulator.internal.util.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The settings given on the command line and in {@code AIGW_*} environment variables; for each setting the
 * command line wins. Only the winning value is checked, so an option can override a broken variable.
 *
 * @param values the winning value of each setting given, with its source
 * @param help whether {@code --help} was given
 * @param warnings what to print before starting (unknown {@code AIGW_*} variables)
 */
record StandaloneOptions(Map<Setting, Given> values, boolean help, List<String> warnings) {

    /** A value and where it came from ({@code --port}, {@code AIGW_PORT}, {@code config file x: port}). */
    record Given(String value, String source) {
    }

    StandaloneOptions {
        values = Map.copyOf(values);
        warnings = List.copyOf(warnings);
    }

    /** Reads arguments and environment; throws {@link ConfigException} naming a bad option or variable. */
    static StandaloneOptions parse(String[] args, Map<String, String> env) {
        Map<Setting, Given> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String value = env.get(setting.env());
            if (value != null && !value.isBlank()) {
                values.put(setting, new Given(value.trim(), setting.env()));
            }
        }
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new ConfigException("unexpected argument \"" + arg + "\"; options start with --, and --help"
                        + " lists them");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            Setting setting = byOption(name).orElseThrow(() -> new ConfigException("unknown option " + name
                    + Suggestions.didYouMean(name, options()) + "; --help lists the options"));
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else if (setting.isSwitch()) {
                value = "true";
            } else {
                throw new ConfigException(name + " needs a value: " + setting.metavar());
            }
            values.put(setting, new Given(value, name));
        }
        if (!help) {
            values.replaceAll((setting, given) -> new Given(setting.check(given.value(), given.source()),
                    given.source()));
        }
        return new StandaloneOptions(values, help, unknownVariables(env));
    }

    /** Returns the winning value of a setting, if the command line or the environment gave one. */
    Optional<Given> get(Setting setting) {
        return Optional.ofNullable(values.get(setting));
    }

    private static List<String> unknownVariables(Map<String, String> env) {
        List<String> known = Arrays.stream(Setting.values()).map(Setting::env).toList();
        List<String> warnings = new ArrayList<>();
        env.keySet().stream().filter(name -> name.startsWith("AIGW_") && !known.contains(name)).sorted()
                .forEach(name -> warnings.add("ignoring unknown environment variable " + name
                        + Suggestions.didYouMean(name, known) + "; known: " + String.join(", ", known)));
        return warnings;
    }

    private static Optional<Setting> byOption(String name) {
        return Arrays.stream(Setting.values()).filter(s -> s.option().equals(name)).findFirst();
    }

    private static List<String> options() {
        return Arrays.stream(Setting.values()).map(Setting::option).collect(Collectors.toList());
    }
}
