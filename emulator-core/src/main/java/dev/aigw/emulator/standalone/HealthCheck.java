package dev.aigw.emulator.standalone;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;

/**
 * Asks a running emulator whether it is healthy, for the container image's {@code HEALTHCHECK}, which needs no
 * curl or wget: {@code java -cp app.jar dev.aigw.emulator.standalone.HealthCheck [url]}. Without a URL it
 * checks {@code /__emulator/health} on the port the environment and the config file give (8787 by default).
 * Exits 0 on HTTP 200, 1 otherwise.
 */
public final class HealthCheck {

    private static final int TIMEOUT_MILLIS = 2000;

    private HealthCheck() {
    }

    /** Checks the health endpoint and exits 0 if it answers 200, 1 otherwise. */
    public static void main(String[] args) {
        String problem;
        try {
            problem = problem(args.length > 0 ? args[0] : defaultUrl(System.getenv()));
        } catch (ConfigException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            System.err.println("unhealthy: " + problem);
            System.exit(1);
        }
    }

    /** Returns why the URL is not healthy, or {@code null} if it answers 200. */
    static String problem(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            try {
                int status = connection.getResponseCode();
                return status == 200 ? null : url + " answered " + status;
            } finally {
                connection.disconnect();
            }
        } catch (IOException | IllegalArgumentException e) {
            return url + ": " + e;
        }
    }

    /** Returns the health URL of the emulator the environment (and its config file) describes. */
    static String defaultUrl(Map<String, String> env) {
        StandaloneOptions options = StandaloneOptions.parse(new String[0], env);
        StandaloneConfig config = StandaloneConfig.resolve(options);
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + config.port() + "/__emulator/health";
    }
}
