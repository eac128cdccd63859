package dev.aigw.emulator.internal.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's static files, read once from the core jar's resource folder {@value #FOLDER}: each with its
 * content type and an entity tag (a hash of its bytes), so a browser revalidates instead of guessing at freshness.
 * Only the files {@link #NAMES} lists exist: a request names a file, never a path, so nothing else of the jar can be
 * read through it.
 *
 * <p>Immutable and thread-safe.
 */
public final class DashboardAssets {

    /** The classpath folder of the dashboard's files. */
    public static final String FOLDER = "dev/aigw/emulator/dashboard/";

    /** The page itself. */
    public static final String INDEX = "index.html";

    /** Every file of the dashboard, the page first. */
    public static final List<String> NAMES = List.of(INDEX, "dashboard.css", "app.js", "api.js", "dom.js",
            "gateways.js", "logs.js", "analytics.js", "timeline.js", "emulator-panels.js", "billing.js",
            "spend-limits.js", "checks.js");

    private final Map<String, Asset> assets;

    private DashboardAssets(Map<String, Asset> assets) {
        this.assets = Map.copyOf(assets);
    }

    /** One file: its bytes, content type and entity tag. */
    public record Asset(String name, byte[] bytes, String contentType, String etag) {
    }

    /**
     * Returns the files of the core jar, read on the first call in this JVM: a dashboard that is never opened costs
     * an emulator's start nothing (reading and hashing them was about a tenth of a fresh JVM's start).
     */
    public static DashboardAssets shared() {
        return Shared.ASSETS;
    }

    /** Holds the files read once, when {@link #shared()} is first called (the JVM initialises a class once). */
    private static final class Shared {
        static final DashboardAssets ASSETS = load();
    }

    /** Reads every file of {@link #NAMES} from the core jar (some 80 KB); a missing one is a broken build, so it throws. */
    public static DashboardAssets load() {
        Map<String, Asset> loaded = new LinkedHashMap<>();
        for (String name : NAMES) {
            byte[] bytes = read(name);
            loaded.put(name, new Asset(name, bytes, contentType(name), etag(bytes)));
        }
        return new DashboardAssets(loaded);
    }

    /** Returns the file called {@code name} (no folder), or empty. */
    public Optional<Asset> find(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    /** Returns the content type a file's name calls for. */
    static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        throw new IllegalArgumentException("no content type is known for the dashboard file \"" + name + "\"");
    }

    private static byte[] read(String name) {
        try (InputStream in = DashboardAssets.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard file " + FOLDER + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard file " + FOLDER + name, e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "dashboard assets " + String.join(", ", assets.keySet());
    }
}
