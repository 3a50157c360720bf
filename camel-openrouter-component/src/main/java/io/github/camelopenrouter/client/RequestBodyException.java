package io.github.camelopenrouter.client;

import java.io.IOException;

/** Reading the request body's own source (a file, a stream cache) failed while it was being sent: not a network fault. */
final class RequestBodyException extends IOException {

    private static final long serialVersionUID = 1L;

    RequestBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
