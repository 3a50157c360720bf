package io.github.camelopenrouter.client;

/**
 * How one {@link ApiCall} ended, after any retries: its result or the final failure, and how many HTTP requests it
 * took, and how long it waited for a slot among the component's requests in flight. Exactly one of {@code result} and {@code failure} is set.
 */
public record ApiOutcome<T>(T result, Throwable failure, int attempts, long queuedMillis) {

    /** An outcome that did not wait for a slot (an answer from a cache). */
    public ApiOutcome(T result, Throwable failure, int attempts) {
        this(result, failure, attempts, 0);
    }

    static <T> ApiOutcome<T> success(T result, int attempts, long queuedMillis) {
        return new ApiOutcome<>(result, null, attempts, queuedMillis);
    }

    static <T> ApiOutcome<T> failure(Throwable failure, int attempts, long queuedMillis) {
        return new ApiOutcome<>(null, failure, attempts, queuedMillis);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
