package dev.aigw.bench;

import java.util.Arrays;

/** Percentiles of a sample of durations in nanoseconds. */
final class Stats {

    private final long[] sorted;

    Stats(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    double percentileMillis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1));
        return sorted[index] / 1e6;
    }

    double medianMillis() {
        return percentileMillis(50);
    }

    int count() {
        return sorted.length;
    }
}
