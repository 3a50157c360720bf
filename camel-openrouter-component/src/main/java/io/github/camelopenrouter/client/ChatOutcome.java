package io.github.camelopenrouter.client;

import io.github.camelopenrouter.wire.ChatResponse;

/**
 * How sending one request ended, after any retries: the reply or the final failure, and how many HTTP requests it
 * took. Exactly one of {@code reply} and {@code failure} is set.
 */
public record ChatOutcome(ChatResponse reply, Throwable failure, int attempts) {

    static ChatOutcome success(ChatResponse reply, int attempts) {
        return new ChatOutcome(reply, null, attempts);
    }

    static ChatOutcome failure(Throwable failure, int attempts) {
        return new ChatOutcome(null, failure, attempts);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
