package io.github.camelopenrouter.client;

import java.util.concurrent.TimeoutException;

/**
 * The request waited {@code queueTimeout} for a free slot among the component's {@code maxConcurrentRequests} and was
 * never sent. Error type {@code queue_timeout}; not retried (sending it later is what the route decides).
 */
public final class QueueTimeoutException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    QueueTimeoutException(String message) {
        super(message);
    }
}
