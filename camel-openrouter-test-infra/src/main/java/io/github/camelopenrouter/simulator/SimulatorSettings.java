package io.github.camelopenrouter.simulator;

import javax.net.ssl.SSLContext;

/**
 * How an {@link OpenRouterSimulator} is started.
 *
 * @param recordBodies keep each request body as a string in {@link OpenRouterSimulator#requests()}.
 *                     Turn it off for benchmarks: the body is then streamed and discarded (only its
 *                     size and a few top-level fields are read) and the reply is a fixed small one.
 * @param sslContext   when set, the simulator serves HTTPS on {@code https://localhost:<port>}
 * @param threads      handler threads; replies delayed by latency do not hold one, so a few suffice
 */
public record SimulatorSettings(boolean recordBodies, SSLContext sslContext, int threads) {

    public SimulatorSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** recordBodies=true, plain http, 8 threads. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(true, null, 8);
    }

    public SimulatorSettings withRecordBodies(boolean value) {
        return new SimulatorSettings(value, sslContext, threads);
    }

    public SimulatorSettings withTls(SSLContext context) {
        return new SimulatorSettings(recordBodies, context, threads);
    }

    public SimulatorSettings withThreads(int count) {
        return new SimulatorSettings(recordBodies, sslContext, count);
    }
}
