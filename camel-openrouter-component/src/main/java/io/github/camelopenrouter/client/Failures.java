package io.github.camelopenrouter.client;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLException;

import io.github.camelopenrouter.OpenRouterApiException;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.OpenRouterOutputException;
import io.github.camelopenrouter.conversation.ConversationStoreException;

/**
 * What kind of failure ended an exchange: whether sending again may help, and the stable name a route can switch on
 * (the {@code CamelOpenRouterErrorType} exchange property).
 */
public final class Failures {

    public static final String TIMEOUT = "timeout";
    public static final String CONNECTION_FAILED = "connection_failed";
    public static final String TLS_FAILED = "tls_failed";
    public static final String INVALID_INPUT = "invalid_input";
    public static final String INVALID_OUTPUT = OpenRouterOutputException.ERROR_TYPE;
    public static final String STOPPED = "stopped";
    public static final String INTERNAL_ERROR = "internal_error";
    public static final String QUEUE_TIMEOUT = "queue_timeout";
    public static final String RESPONSE_TOO_LARGE = "response_too_large";
    public static final String CONVERSATION_STORE_FAILED = "conversation_store_failed";

    private Failures() {
    }

    /**
     * Whether the same request may succeed when sent again: a retryable error reply, a timeout, or a connection that
     * failed or dropped before the whole reply arrived. TLS failures (an untrusted certificate, no common protocol)
     * would fail the same way again, and a request body that could not be read is not the server's fault.
     */
    static boolean isRetryable(Throwable failure) {
        if (failure instanceof OpenRouterApiException api) {
            return api.isRetryable();
        }
        if (causedBy(failure, SSLException.class) || causedBy(failure, RequestBodyException.class)
                || failure instanceof ResponseTooLargeException) {
            return false;
        }
        return failure instanceof IOException;
    }

    /**
     * Whether the server refused for load: a 429, or a 503 (OpenRouter's "no provider available", an overloaded
     * gateway). Such a refusal lowers the component's concurrency limit (adaptiveConcurrency).
     */
    static boolean isOverload(Throwable failure) {
        return failure instanceof OpenRouterApiException api && (api.getStatusCode() == 429 || api.getStatusCode() == 503);
    }

    /** The {@code CamelOpenRouterErrorType} value for a failure. */
    public static String errorType(Throwable failure) {
        if (failure instanceof OpenRouterApiException api) {
            return api.getErrorType() != null ? api.getErrorType() : fromStatus(api.getErrorCode());
        }
        if (failure instanceof OpenRouterInputException) {
            return INVALID_INPUT;
        }
        if (failure instanceof OpenRouterOutputException) {
            return INVALID_OUTPUT;
        }
        if (failure instanceof HttpTimeoutException) {
            return TIMEOUT;
        }
        if (failure instanceof QueueTimeoutException) {
            return QUEUE_TIMEOUT;
        }
        if (failure instanceof ResponseTooLargeException) {
            return RESPONSE_TOO_LARGE;
        }
        if (failure instanceof ConversationStoreException) {
            return CONVERSATION_STORE_FAILED;
        }
        if (causedBy(failure, SSLException.class)) {
            return TLS_FAILED;
        }
        if (failure instanceof RejectedExecutionException || failure instanceof EndpointStoppedException) {
            return STOPPED;
        }
        if (failure instanceof IOException && !causedBy(failure, RequestBodyException.class)) {
            return CONNECTION_FAILED;
        }
        return INTERNAL_ERROR;
    }

    /** The names OpenRouter uses, for replies without {@code metadata.error_type} (a proxy's HTML page, a 401). */
    private static String fromStatus(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 402 -> "payment_required";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 407 -> "proxy_authentication_required";
            case 408 -> TIMEOUT;
            case 413 -> "payload_too_large";
            case 429 -> "rate_limit_exceeded";
            default -> status >= 500 ? "server_error" : "invalid_request";
        };
    }

    /**
     * The failure to put on the exchange: the last one, the note on how retrying ended, and the failures of the earlier
     * attempts as suppressed exceptions. The failure stays the very object that was thrown (a
     * {@link javax.net.ssl.SSLHandshakeException} stays one, whatever its class), so {@code onException} clauses and
     * {@code instanceof} checks match as without retries: the note goes into the message only of the component's own
     * {@link OpenRouterApiException}, and is a {@link RetryNote}, the first suppressed exception, on any other.
     */
    static Throwable finalFailure(Throwable last, String note, List<Throwable> earlier) {
        Throwable result = last;
        if (note != null) {
            if (last instanceof OpenRouterApiException api) {
                result = api.withNote(note);
            } else {
                last.addSuppressed(new RetryNote(note));
            }
        }
        for (Throwable attempt : earlier) {
            if (attempt != result) {
                result.addSuppressed(attempt);
            }
        }
        return result;
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
