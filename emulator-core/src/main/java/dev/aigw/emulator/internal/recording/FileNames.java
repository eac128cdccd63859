package dev.aigw.emulator.internal.recording;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names recording files: {@code {provider}-{endpoint}-{hash}.json}, then {@code -2}, {@code -3} for the later answers
 * to the same request. Only lower-case letters, digits and {@code -} come from the request, so no name carries a
 * path separator or a dot segment, whatever path the client sent.
 */
final class FileNames {

    private static final Pattern NUMBERED = Pattern.compile("(.*-[0-9a-f]{8})-(\\d{1,6})\\.json");
    private static final Pattern VERSION = Pattern.compile("v\\d+[a-z0-9]*");
    private static final int LONGEST_ENDPOINT = 48;

    private FileNames() {
    }

    /** Returns the name shared by the recordings of one request, without number or extension. */
    static String base(String provider, String path, String hash) {
        StringBuilder endpoint = new StringBuilder();
        for (String segment : path.toLowerCase(Locale.ROOT).split("/")) {
            if (segment.isEmpty() || VERSION.matcher(segment).matches()) {
                continue;
            }
            endpoint.append(endpoint.length() == 0 ? "" : "-").append(segment);
        }
        String safe = safe(endpoint.toString());
        if (safe.length() > LONGEST_ENDPOINT) {
            safe = safe.substring(0, LONGEST_ENDPOINT).replaceAll("-+$", "");
        }
        return safe(provider) + "-" + (safe.isEmpty() ? "root" : safe) + "-" + hash;
    }

    /** Returns the file name of the {@code n}th recording (from 1) of a request. */
    static String numbered(String base, int n) {
        return base + (n == 1 ? "" : "-" + n) + ".json";
    }

    /** Returns the base of a file name and its number, to replay in that order; a hand-made name is its own base. */
    static String orderKey(String fileName) {
        Matcher m = NUMBERED.matcher(fileName);
        if (m.matches()) {
            return m.group(1) + String.format(" %06d", Integer.parseInt(m.group(2)));
        }
        return fileName.replaceAll("\\.json$", "") + " 000001";
    }

    private static String safe(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
