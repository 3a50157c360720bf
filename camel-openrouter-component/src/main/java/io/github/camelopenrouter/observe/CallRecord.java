package io.github.camelopenrouter.observe;

import io.github.camelopenrouter.client.Failures;

/**
 * One finished call, as metrics, the dev console and the health check see it. Built once per exchange, after the last
 * attempt; nothing in it can hold the key (models, counts, an error type).
 *
 * @param operation        chat, embeddings, files, ... (the endpoint's operation)
 * @param requestModel     the model asked for, or null when OpenRouter chose it (the account's default)
 * @param responseModel    the model that answered, or null (no reply, or an operation without a model)
 * @param inputTokens      prompt tokens, or null when not reported
 * @param outputTokens     completion tokens, or null when not reported
 * @param cost             USD, or null when not reported
 * @param finishReason     the first choice's finish reason, or null
 * @param durationNanos    from sending the first attempt to the outcome, waits between retries included
 * @param attempts         HTTP requests it took (0 when refused before sending)
 * @param failure          the final failure, or null for a success
 */
public record CallRecord(String operation, String requestModel, String responseModel, Integer inputTokens,
                         Integer outputTokens, Double cost, String finishReason, long durationNanos, int attempts,
                         Throwable failure) {

    public boolean succeeded() {
        return failure == null;
    }

    /** OpenTelemetry's {@code error.type}: the stable name a route also sees, or null for a success. */
    public String errorType() {
        return failure == null ? null : Failures.errorType(failure);
    }

    /** Attempts beyond the first. */
    public int retries() {
        return Math.max(0, attempts - 1);
    }

    public static CallRecord failed(String operation, String requestModel, long durationNanos, int attempts,
            Throwable failure) {
        return new CallRecord(operation, requestModel, null, null, null, null, null, durationNanos, attempts, failure);
    }
}
