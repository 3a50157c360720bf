package io.github.camelopenrouter.client;

import io.github.camelopenrouter.wire.ChatResponse;

/**
 * How sending one request ended, after any retries: the reply or the final failure, and how many HTTP requests it
 * took, and how long it waited for a slot. Exactly one of {@code reply} and {@code failure} is set.
 */
public record ChatOutcome(ChatResponse reply, Throwable failure, int attempts, long queuedMillis) {

    /** An outcome that did not wait for a slot (a step before sending failed). */
    public ChatOutcome(ChatResponse reply, Throwable failure, int attempts) {
        this(reply, failure, attempts, 0);
    }

    static ChatOutcome success(ChatResponse reply, int attempts, long queuedMillis) {
        return new ChatOutcome(reply, null, attempts, queuedMillis);
    }

    static ChatOutcome failure(Throwable failure, int attempts, long queuedMillis) {
        return new ChatOutcome(null, failure, attempts, queuedMillis);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
