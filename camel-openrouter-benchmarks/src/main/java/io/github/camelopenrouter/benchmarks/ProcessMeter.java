package io.github.camelopenrouter.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * What this JVM spent: process CPU time (every thread, GC and JIT included), bytes allocated (summed over the live
 * threads: a thread that ends between two readings takes its count with it, so pools that keep their threads are
 * measured in full), and live threads.
 */
public final class ProcessMeter {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ProcessMeter() {
    }

    public static long cpuNanos() {
        return OS.getProcessCpuTime();
    }

    public static long allocatedBytes() {
        long total = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    public static void resetPeakThreads() {
        THREADS.resetPeakThreadCount();
    }

    public static int peakThreads() {
        return THREADS.getPeakThreadCount();
    }

    /** A reading of the counters, and the difference to a later one. */
    public record Reading(long wallNanos, long cpuNanos, long allocatedBytes) {

        public static Reading now() {
            return new Reading(System.nanoTime(), ProcessMeter.cpuNanos(), ProcessMeter.allocatedBytes());
        }

        public Reading since(Reading before) {
            return new Reading(wallNanos - before.wallNanos, cpuNanos - before.cpuNanos,
                    allocatedBytes - before.allocatedBytes);
        }
    }
}
