package dev.aigw.emulator.standalone;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

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
        String url;
        try {
            url = args.length > 0 ? args[0] : defaultUrl();
        } catch (ConfigException e) {
            System.err.println("unhealthy: " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status != 200) {
                System.err.println("unhealthy: " + url + " answered " + status);
                System.exit(1);
            }
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("unhealthy: " + url + ": " + e);
            System.exit(1);
        }
    }

    private static String defaultUrl() {
        StandaloneOptions options = StandaloneOptions.parse(new String[0], System.getenv());
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
