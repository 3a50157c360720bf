package io.github.camelopenrouter.benchmarks;

import java.time.Duration;

/**
 * How big a run is. {@link #FULL} is the documented benchmark; {@link #SMOKE} runs every workload and peer once at a
 * tiny size, so CI notices when a peer or a workload stops working.
 *
 * @param w1Warmup        W1 requests before measuring (the JIT is still compiling during the first 20,000)
 * @param w1Batches       measured W1 batches; the tables show their median
 * @param w1BatchSize     requests per W1 batch
 * @param pngBytes        W2 image size
 * @param w2Warmup        W2 requests before measuring
 * @param w2Batches       measured W2 batches
 * @param w2BatchSize     requests per W2 batch
 * @param pdfBytes        W3 document size
 * @param smallPdfBytes   the small document the W3 heap growth is measured against
 * @param w3Warmup        W3 requests before measuring
 * @param w3Requests      measured W3 requests (one per batch)
 * @param w4InFlight      W4 requests sent at once
 * @param w4Latency       the server's delay before each W4 answer
 * @param w4Rounds        measured W4 rounds, after a warm-up round of a tenth of the size
 * @param w5Requests      W5 requests offered at once
 * @param w5Capacity      W5: requests the server holds in progress; beyond, 429 + Retry-After: 1
 * @param w5Latency       W5: the server's delay before each answer
 * @param heapSearchPeers whether the -Xmx search runs for every peer (else for the component only)
 * @param heapSearchLarge whether the -Xmx search also runs on the large document (else on the small one only)
 * @param heapResolutionMb the -Xmx search stops when the smallest success is this close to the largest failure
 */
public record Profile(String name, int w1Warmup, int w1Batches, int w1BatchSize, long pngBytes, int w2Warmup,
                      int w2Batches, int w2BatchSize, long pdfBytes, long smallPdfBytes, int w3Warmup, int w3Requests,
                      int w4InFlight, Duration w4Latency, int w4Rounds, int w5Requests, int w5Capacity,
                      Duration w5Latency, boolean heapSearchPeers,
                      boolean heapSearchLarge, int heapResolutionMb) {

    public static final Profile FULL = new Profile("full", 20_000, 5, 5_000, 1 << 20, 200, 5, 100,
            50L << 20, 1L << 20, 2, 5, 2_000, Duration.ofSeconds(1), 3, 2_000, 32, Duration.ofMillis(100), true, true, 1);

    public static final Profile SMOKE = new Profile("smoke", 200, 2, 100, 256 << 10, 3, 1, 5,
            1L << 20, 1L << 20, 1, 1, 50, Duration.ofMillis(50), 1, 60, 8, Duration.ofMillis(20), false, false, 12);

    public static Profile named(String name) {
        return switch (name) {
            case "full" -> FULL;
            case "smoke" -> SMOKE;
            default -> throw new IllegalArgumentException("Unknown profile " + name + ": use full or smoke");
        };
    }
}
