package dev.aigw.emulator.internal.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Finds the names a typo probably meant, for "did you mean" hints; one implementation for every refusal. */
public final class Suggestions {

    private static final int MOST = 3;

    private Suggestions() {
    }

    /**
     * Returns {@code " (did you mean \"x\"?)"} naming the closest candidates (up to three, equally close) within
     * two edits of {@code got} (ignoring case), or that start with it or that it starts with; otherwise an empty
     * string, also when {@code got} is itself a candidate.
     */
    public static String didYouMean(String got, Collection<String> candidates) {
        List<String> closest = closest(got, candidates);
        if (closest.isEmpty()) {
            return "";
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < closest.size(); i++) {
            if (i > 0) {
                names.append(i == closest.size() - 1 ? " or " : ", ");
            }
            names.append('"').append(closest.get(i)).append('"');
        }
        return " (did you mean " + names + "?)";
    }

    /** Returns the candidates closest to {@code got}, as {@link #didYouMean} words them, in candidate order. */
    public static List<String> closest(String got, Collection<String> candidates) {
        List<String> best = new ArrayList<>();
        int bestDistance = 3;
        String g = got.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            if (candidate.equals(got)) {
                return List.of();
            }
            String c = candidate.toLowerCase(Locale.ROOT);
            boolean prefix = Math.min(g.length(), c.length()) >= 4 && (c.startsWith(g) || g.startsWith(c));
            int d = prefix ? Math.min(2, distance(g, c)) : distance(g, c);
            if (d < bestDistance) {
                best.clear();
                bestDistance = d;
            }
            if (d == bestDistance && best.size() < MOST) {
                best.add(candidate);
            }
        }
        return List.copyOf(best);
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
