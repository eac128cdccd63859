package dev.aigw.emulator.internal.routing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses a percentage element's output deterministically (management-api-2.md 4.5). In {@code seeded} mode, for
 * the {@code n}-th request through an element (from 0): {@code x = splitmix64((seed ^ fnv1a64(key)) + n)} where
 * {@code key} is {@code "{account}/{gateway}/{route id}/{element id}"} and splitmix64 is the step of
 * {@link java.util.SplittableRandom} (add the golden gamma {@code 0x9E3779B97F4A7C15}, then mix), and
 * {@code u = (x >>> 11) * 2^-53 * 100}; the labels, in stored order, are summed and the first whose running sum
 * exceeds {@code u} wins, else {@code else}. The grouping {@code (seed ^ hash) + n} is the emulator's reading of
 * the spec's formula [E]. In {@code weighted_round_robin} mode, smooth weighted round-robin. Counters survive
 * deployments and are cleared by reset. Thread-safe.
 */
public final class SplitPicker {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private volatile long seed;
    private volatile boolean roundRobin;
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, long[]> currentWeights = new ConcurrentHashMap<>();

    /** Sets the seed and the mode ({@code seeded} or {@code weighted_round_robin}). */
    public void configure(long newSeed, String mode) {
        this.seed = newSeed;
        this.roundRobin = "weighted_round_robin".equals(mode);
    }

    /** Returns the seed. */
    public long seed() {
        return seed;
    }

    /** Returns the mode's name. */
    public String mode() {
        return roundRobin ? "weighted_round_robin" : "seeded";
    }

    /** Forgets every counter; the seed and mode stay. */
    public void clear() {
        counters.clear();
        currentWeights.clear();
    }

    /** Returns the label chosen for the next request through an element; {@code percents} excludes {@code else}. */
    String pick(String key, List<String> labels, List<BigDecimal> percents) {
        if (roundRobin) {
            return roundRobin(key, labels, percents);
        }
        long n = counters.computeIfAbsent(key, k -> new AtomicLong()).getAndIncrement();
        long x = splitmix64((seed ^ fnv1a64(key)) + n);
        double u = (x >>> 11) * 0x1.0p-53 * 100;
        double sum = 0;
        for (int i = 0; i < labels.size(); i++) {
            sum += percents.get(i).doubleValue();
            if (sum > u) {
                return labels.get(i);
            }
        }
        return "else";
    }

    private String roundRobin(String key, List<String> labels, List<BigDecimal> percents) {
        int size = labels.size() + 1;
        long[] weights = new long[size];
        long total = 0;
        for (int i = 0; i < labels.size(); i++) {
            weights[i] = percents.get(i).multiply(BigDecimal.valueOf(1000)).longValue();
            total += weights[i];
        }
        weights[size - 1] = Math.max(0, 100_000 - total);
        long[] current = currentWeights.computeIfAbsent(key, k -> new long[size]);
        synchronized (current) {
            int best = -1;
            for (int i = 0; i < size && i < current.length; i++) {
                current[i] += weights[i];
                if (weights[i] > 0 && (best < 0 || current[i] > current[best])) {
                    best = i;
                }
            }
            current[best] -= 100_000;
            return best == size - 1 ? "else" : labels.get(best);
        }
    }

    static long fnv1a64(String text) {
        long hash = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    static long splitmix64(long state) {
        long z = state + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
