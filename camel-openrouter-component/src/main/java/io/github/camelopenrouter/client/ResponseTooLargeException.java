package io.github.camelopenrouter.client;

import java.io.IOException;

/**
 * A reply was longer than the endpoint's {@code maxResponseSize}: its connection was closed after that many bytes. Not
 * retried (the same request tends to produce the same reply); the {@code CamelOpenRouterErrorType} is
 * {@value Failures#RESPONSE_TOO_LARGE}.
 */
public final class ResponseTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    ResponseTooLargeException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    /** The maxResponseSize that was exceeded, in bytes. */
    public long getLimit() {
        return limit;
    }
}
