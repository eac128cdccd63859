package dev.aigw.emulator.internal.provider.fake;

import dev.aigw.emulator.internal.provider.UpstreamRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Derives ids and vectors from a request's bytes, so that the same request always gets the same ones. */
final class Ids {

    private static final char[] ALPHANUMERIC =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {
    }

    /** Returns {@code length} letters and digits derived from the request and a salt naming the id's use. */
    static String alphanumeric(UpstreamRequest request, String salt, int length) {
        byte[] bytes = stretch(length, head(request, salt), request.body());
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC[(bytes[i] & 0xff) % ALPHANUMERIC.length]);
        }
        return sb.toString();
    }

    /** Returns {@code length} lower-case hex digits derived from the request and a salt. */
    static String hex(UpstreamRequest request, String salt, int length) {
        return hexOf(length, head(request, salt), request.body());
    }

    /** Returns {@code length} lower-case hex digits derived from a text alone. */
    static String hex(String text, int length) {
        return hexOf(length, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hexOf(int length, byte[]... seed) {
        byte[] bytes = stretch((length + 1) / 2, seed);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int b = bytes[i / 2] & 0xff;
            sb.append(HEX[i % 2 == 0 ? b >>> 4 : b & 0xf]);
        }
        return sb.toString();
    }

    /** Returns a unit-length vector of {@code dimensions} floats derived from a text (model and input). */
    static float[] vector(String text, int dimensions) {
        byte[] bytes = stretch(2 * dimensions, text.getBytes(StandardCharsets.UTF_8));
        float[] v = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            int raw = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
            v[i] = raw / 32767.5f - 1f;
            norm += v[i] * v[i];
        }
        double scale = norm == 0 ? 1 : 1 / Math.sqrt(norm);
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) (v[i] * scale);
        }
        return v;
    }

    /** Returns what precedes the body in a request's seed: the salt, then the request line. */
    private static byte[] head(UpstreamRequest request, String salt) {
        String head = salt + "\n" + request.method() + " " + request.path() + "?" + request.query() + "\n";
        return head.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns {@code length} bytes hashed from the seed, the concatenation of {@code seed}'s parts. */
    private static byte[] stretch(int length, byte[]... seed) {
        MessageDigest sha = sha256();
        byte[] out = new byte[length];
        int filled = 0;
        for (int counter = 0; filled < length; counter++) {
            for (byte[] part : seed) {
                sha.update(part);
            }
            sha.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8),
                (byte) counter});
            byte[] block = sha.digest();
            int n = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    /** Each thread keeps its own digest: looking one up costs more than the hashing itself. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    private static MessageDigest sha256() {
        MessageDigest sha = SHA_256.get();
        sha.reset();
        return sha;
    }
}
