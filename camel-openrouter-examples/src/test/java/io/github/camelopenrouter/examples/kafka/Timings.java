package io.github.camelopenrouter.examples.kafka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Durations in nanoseconds, added from any thread, and their percentiles. */
final class Timings {

    private final List<Long> nanos = new ArrayList<>();

    synchronized void add(long duration) {
        nanos.add(duration);
    }

    synchronized void clear() {
        nanos.clear();
    }

    synchronized int count() {
        return nanos.size();
    }

    /** The given percentile (0-100, nearest rank) in microseconds; 0 when nothing was timed. */
    synchronized long percentileMicros(double percentile) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000;
    }
}
