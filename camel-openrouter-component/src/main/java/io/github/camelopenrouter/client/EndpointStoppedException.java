package io.github.camelopenrouter.client;

import java.util.concurrent.RejectedExecutionException;

/** A retry was due while the endpoint stopped: the exchange fails instead of waiting for a timer that will never fire. */
public final class EndpointStoppedException extends RejectedExecutionException {

    private static final long serialVersionUID = 1L;

    public EndpointStoppedException(String message, Throwable lastFailure) {
        super(message, lastFailure);
    }
}
