package dev.aigw.emulator.standalone;

import java.util.Collection;
import java.util.Locale;

/** Finds the name a typo probably meant, for "did you mean" hints (of the configuration and the data plane). */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * Returns {@code " (did you mean \"x\"?)"} for the closest candidate within two edits (ignoring case), or one
     * that starts with the typo or that it starts with; otherwise an empty string.
     */
    public static String didYouMean(String got, Collection<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : candidates) {
            String g = got.toLowerCase(Locale.ROOT);
            String c = candidate.toLowerCase(Locale.ROOT);
            boolean prefix = Math.min(g.length(), c.length()) >= 4 && (c.startsWith(g) || g.startsWith(c));
            int d = prefix ? 2 : distance(g, c);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best == null || best.equals(got) ? "" : " (did you mean \"" + best + "\"?)";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
