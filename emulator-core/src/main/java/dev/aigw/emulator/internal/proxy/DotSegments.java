package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.api.ApiException;

/**
 * Refuses paths with a {@code .} or {@code ..} segment, which would leave the provider's base URL at a real
 * upstream: raw or percent-encoded in any case ({@code %2e%2e}, {@code %2E.}), encoded again
 * ({@code %252e}), and with the segment ended by {@code /}, {@code \}, their encodings, or a {@code ;} parameter,
 * since an upstream server may decode or normalise any of these. Dots inside a segment ({@code v1.5}) are fine.
 */
final class DotSegments {

    /** How many times a path is decoded, for encodings of encodings. */
    private static final int MAX_DECODINGS = 3;

    private DotSegments() {
    }

    /** Throws the provider path's 400/2008 when {@code path} has a dot segment. */
    static void refuse(String path) {
        if (in(path)) {
            throw ApiException.gateway(400, 2008, GatewayErrors.INVALID_PROVIDER).withHint(GatewayHints.dotSegment());
        }
    }

    /** Tells whether {@code path}, decoded up to three times, has a {@code .} or {@code ..} segment. */
    static boolean in(String path) {
        String decoded = path;
        for (int i = 0; i <= MAX_DECODINGS; i++) {
            if (hasDotSegment(decoded)) {
                return true;
            }
            String next = decode(decoded);
            if (next.equals(decoded)) {
                return false;
            }
            decoded = next;
        }
        return hasDotSegment(decoded);
    }

    private static boolean hasDotSegment(String path) {
        int start = 0;
        int parameter = path.indexOf(';');
        while (start <= path.length()) {
            int end = start;
            while (end < path.length() && path.charAt(end) != '/' && path.charAt(end) != '\\') {
                end++;
            }
            if (parameter >= 0 && parameter < start) {
                // The next ';', searched for once past the last: a search per segment made long paths quadratic.
                parameter = path.indexOf(';', start);
            }
            int stop = parameter >= 0 && parameter < end ? parameter : end;
            int length = stop - start;
            if (length > 0 && length <= 2 && path.charAt(start) == '.'
                    && (length == 1 || path.charAt(start + 1) == '.')) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** Decodes each {@code %XX} escape to the character of that byte; other text is kept as it is. */
    private static String decode(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            int hi = c == '%' && i + 2 < path.length() ? Character.digit(path.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(path.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                out.append((char) (hi * 16 + lo));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
