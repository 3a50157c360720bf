package io.github.camelopenrouter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.RuntimeCamelException;

/**
 * OpenRouter answered with an error: a non-2xx status, or a 200 whose body carries an {@code error} (generation failed
 * after it started). Carries what a route needs to decide what to do: the HTTP status, OpenRouter's code, message and
 * metadata (error type, moderation reasons, provider).
 */
public class OpenRouterApiException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 524, 529);

    private final int statusCode;
    private final int errorCode;
    private final String errorMessage;
    private final transient JsonNode metadata;
    private final String responseExcerpt;
    private final Duration retryAfter;
    private final String note;

    public OpenRouterApiException(String message, int statusCode, int errorCode, String errorMessage, JsonNode metadata,
                                  String responseExcerpt) {
        this(message, statusCode, errorCode, errorMessage, metadata, responseExcerpt, null, null);
    }

    public OpenRouterApiException(String message, int statusCode, int errorCode, String errorMessage, JsonNode metadata,
                                  String responseExcerpt, Duration retryAfter) {
        this(message, statusCode, errorCode, errorMessage, metadata, responseExcerpt, retryAfter, null);
    }

    private OpenRouterApiException(String message, int statusCode, int errorCode, String errorMessage, JsonNode metadata,
                                   String responseExcerpt, Duration retryAfter, String note) {
        super(message);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.metadata = metadata;
        this.responseExcerpt = responseExcerpt;
        this.retryAfter = retryAfter;
        this.note = note;
    }

    /**
     * The same error with a note on how retrying ended ("gave up after 3 attempts", "not retried: ..."), shown at the
     * end of {@link #getMessage()}. The stack trace, cause and suppressed exceptions are carried over.
     */
    public OpenRouterApiException withNote(String retryNote) {
        OpenRouterApiException copy = new OpenRouterApiException(super.getMessage(), statusCode, errorCode, errorMessage,
                metadata, responseExcerpt, retryAfter, retryNote);
        copy.setStackTrace(getStackTrace());
        if (getCause() != null) {
            copy.initCause(getCause());
        }
        for (Throwable suppressed : getSuppressed()) {
            copy.addSuppressed(suppressed);
        }
        return copy;
    }

    /**
     * The same error with each of its texts passed through {@code redact} and the given metadata: the component uses it
     * to remove its API key from an error reply that echoed the request. Stack trace, cause and suppressed exceptions
     * are carried over.
     */
    public OpenRouterApiException redacted(UnaryOperator<String> redact, JsonNode redactedMetadata) {
        OpenRouterApiException copy = new OpenRouterApiException(redact.apply(super.getMessage()), statusCode, errorCode,
                redact.apply(errorMessage), redactedMetadata, redact.apply(responseExcerpt), retryAfter, redact.apply(note));
        copy.setStackTrace(getStackTrace());
        if (getCause() != null) {
            copy.initCause(getCause());
        }
        for (Throwable suppressed : getSuppressed()) {
            copy.addSuppressed(suppressed);
        }
        return copy;
    }

    @Override
    public String getMessage() {
        return note == null ? super.getMessage() : super.getMessage() + " (" + note + ")";
    }

    /** The HTTP status of the reply (200 when the error came inside a successful reply). */
    public int getStatusCode() {
        return statusCode;
    }

    /** OpenRouter's error code: usually the HTTP status, or the code inside a 200 reply's error. */
    public int getErrorCode() {
        return errorCode;
    }

    /** OpenRouter's own message, without the status prefix. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** OpenRouter's {@code error.metadata}, or null. */
    public JsonNode getMetadata() {
        return metadata;
    }

    /** {@code metadata.error_type}, the stable field to switch on (rate_limit_exceeded, payment_required, ...). */
    public String getErrorType() {
        return metadataText("error_type");
    }

    /** {@code metadata.provider_name}: the provider that failed or flagged the input. */
    public String getProviderName() {
        return metadataText("provider_name");
    }

    /** {@code metadata.reasons}: why moderation flagged the input (403). */
    public List<String> getModerationReasons() {
        List<String> reasons = new ArrayList<>();
        JsonNode node = metadata == null ? null : metadata.get("reasons");
        if (node != null && node.isArray()) {
            node.forEach(reason -> reasons.add(reason.asText()));
        }
        return reasons;
    }

    /** {@code metadata.flagged_input}: the part of the input moderation flagged (403). */
    public String getFlaggedInput() {
        return metadataText("flagged_input");
    }

    /** The start of a reply body that was not OpenRouter's JSON (an HTML page from a proxy), or null. */
    public String getResponseExcerpt() {
        return responseExcerpt;
    }

    /**
     * How long the server asked to wait before trying again ({@code Retry-After}, in seconds or as an HTTP date,
     * converted to a duration when the reply arrived), or null when it did not say.
     */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /** Whether sending the same request again later may succeed (408, 429, 5xx overload and provider errors). */
    public boolean isRetryable() {
        return RETRYABLE.contains(statusCode) || statusCode == 200 && RETRYABLE.contains(errorCode);
    }

    private String metadataText(String field) {
        JsonNode value = metadata == null ? null : metadata.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
