package dev.aigw.emulator.standalone;

import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.recording.DriftCheck;
import dev.aigw.emulator.internal.recording.DriftTargets;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code drift --recordings DIR [--against fake|live] [--provider SLUG] [--upstream SLUG=URL]...
 * [--key-env SLUG=VARIABLE]...}: sends every recorded request again and prints, per recording, where the answer's
 * shape differs; exits 0 when nothing differs, 1 when something does, 2 on bad usage. Against the live providers each
 * key comes from the variable {@code --key-env} names, by default {@code {SLUG}_API_KEY} ({@code OPENAI_API_KEY}).
 */
final class DriftCommand {

    static final String NAME = "drift";
    static final String USAGE = "usage: " + NAME + " --recordings DIR [--against fake|live] [--provider SLUG]"
            + " [--upstream SLUG=URL]... [--key-env SLUG=VARIABLE]...";

    private DriftCommand() {
    }

    /** Runs the check and returns the exit code. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Path directory = null;
        String against = "fake";
        String provider = null;
        Map<String, String> upstreams = new LinkedHashMap<>();
        Map<String, String> keyVariables = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                err.println("aigw-emulator: " + name + " needs a value; " + USAGE);
                return Main.BAD_CONFIG;
            }
            String value = args[++i];
            switch (name) {
                case "--recordings" -> directory = Path.of(value);
                case "--against" -> against = value;
                case "--provider" -> provider = value;
                case "--upstream", "--key-env" -> {
                    int equals = value.indexOf('=');
                    if (equals < 1) {
                        err.println("aigw-emulator: " + name + " takes SLUG=VALUE, got \"" + value + "\"");
                        return Main.BAD_CONFIG;
                    }
                    (name.equals("--upstream") ? upstreams : keyVariables).put(value.substring(0, equals),
                            value.substring(equals + 1));
                }
                default -> {
                    err.println("aigw-emulator: unknown option " + name + "; " + USAGE);
                    return Main.BAD_CONFIG;
                }
            }
        }
        if (directory == null || !Files.isDirectory(directory)) {
            err.println("aigw-emulator: " + (directory == null ? "no recordings directory" : directory
                    + " is not a directory") + "; " + USAGE);
            return Main.BAD_CONFIG;
        }
        if (!against.equals("fake") && !against.equals("live")) {
            err.println("aigw-emulator: --against takes fake or live, got \"" + against + "\"");
            return Main.BAD_CONFIG;
        }
        ProviderRegistry providers = ProviderRegistry.withBuiltIns();
        DriftCheck.Target target = against.equals("fake") ? DriftTargets.fakes(providers)
                : DriftTargets.live(providers, upstreams, keys(providers, keyVariables, env));
        List<DriftCheck.Report> reports;
        try {
            reports = DriftCheck.run(directory, provider, target);
        } catch (IllegalArgumentException e) {
            err.println("aigw-emulator: " + e.getMessage());
            return Main.BAD_CONFIG;
        } catch (IOException e) {
            throw new UncheckedIOException("the drift check could not reach a provider: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the drift check was interrupted", e);
        }
        int drifted = 0;
        for (DriftCheck.Report report : reports) {
            if (report.differences().isEmpty()) {
                out.println("same shape  " + report.file());
                continue;
            }
            drifted++;
            out.println("DRIFT       " + report.file());
            report.differences().forEach(d -> out.println("    " + d));
        }
        out.println(reports.size() + " recording" + (reports.size() == 1 ? "" : "s") + " checked against the "
                + (against.equals("fake") ? "emulator's fakes" : "live providers") + ", " + drifted + " drifted");
        return drifted == 0 ? 0 : 1;
    }

    private static Map<String, String> keys(ProviderRegistry providers, Map<String, String> variables,
                                            Map<String, String> env) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String slug : providers.slugs()) {
            String variable = variables.getOrDefault(slug, slug.toUpperCase(Locale.ROOT).replace('-', '_')
                    + "_API_KEY");
            String key = env.get(variable);
            if (key != null && !key.isBlank()) {
                keys.put(slug, key.trim());
            }
        }
        return keys;
    }
}
