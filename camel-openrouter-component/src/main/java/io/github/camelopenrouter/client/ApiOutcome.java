package io.github.camelopenrouter.client;

/**
 * How one {@link ApiCall} ended, after any retries: its result or the final failure, and how many HTTP requests it
 * took. Exactly one of {@code result} and {@code failure} is set.
 */
public record ApiOutcome<T>(T result, Throwable failure, int attempts) {

    static <T> ApiOutcome<T> success(T result, int attempts) {
        return new ApiOutcome<>(result, null, attempts);
    }

    static <T> ApiOutcome<T> failure(Throwable failure, int attempts) {
        return new ApiOutcome<>(null, failure, attempts);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
