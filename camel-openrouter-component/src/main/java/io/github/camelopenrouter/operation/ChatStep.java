package io.github.camelopenrouter.operation;

import java.util.concurrent.CompletableFuture;

import io.github.camelopenrouter.client.ApiOutcome;
import io.github.camelopenrouter.request.PreparedRequest;
import org.apache.camel.Exchange;

/**
 * Something chat does with a prepared request before sending it, without blocking: check it against the model list,
 * upload its files. The outcome is the request to send (perhaps changed), or the failure that ends the exchange with
 * the attempts it took; a refusal of bad input may also be thrown (nothing is sent then).
 */
public interface ChatStep {

    /** @param exchange the exchange the request is for, for a step that reports what it did in a header */
    CompletableFuture<ApiOutcome<PreparedRequest>> apply(PreparedRequest prepared, Exchange exchange);

    /** The request, unchanged, as a finished step. */
    static CompletableFuture<ApiOutcome<PreparedRequest>> proceed(PreparedRequest prepared) {
        return CompletableFuture.completedFuture(new ApiOutcome<>(prepared, null, 0));
    }
}
