package io.github.camelopenrouter.benchmarks.peers;

import java.util.concurrent.CompletableFuture;

import io.github.camelopenrouter.benchmarks.BenchRequest;

/** One way to send a chat request to an OpenRouter-compatible server, set up as its users would set it up. */
public interface Peer extends AutoCloseable {

    /** Called once before the measured requests: what a peer may build ahead (the floor's pre-built body). */
    default void prepare(BenchRequest request) throws Exception {
    }

    /** Sends one request on the calling thread and returns the assistant's text. */
    String send(BenchRequest request) throws Exception;

    /** Whether {@link #sendAsync} is a real non-blocking API; without one, W4 gives each request its own thread. */
    default boolean hasAsyncApi() {
        return false;
    }

    /** Sends without waiting for the answer; only when {@link #hasAsyncApi()}. */
    default CompletableFuture<String> sendAsync(BenchRequest request) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no asynchronous API");
    }

    @Override
    void close() throws Exception;
}
