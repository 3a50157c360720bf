package io.github.camelopenrouter.operation;

import java.util.concurrent.CompletableFuture;

import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.client.ApiCall;
import io.github.camelopenrouter.client.ApiOutcome;
import io.github.camelopenrouter.client.Failures;
import io.github.camelopenrouter.client.OpenRouterClient;
import io.github.camelopenrouter.client.RetryingSender;
import io.github.camelopenrouter.observe.CallObserver;
import io.github.camelopenrouter.observe.CallRecord;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operation other than chat: the exchange becomes one {@link ApiCall}, sent without blocking through the
 * endpoint's {@link RetryingSender} (same retries, timeouts and stop behaviour as chat), and the result goes back on the
 * exchange. The callback is called exactly once on every path; invalid input fails synchronously with nothing sent.
 */
public abstract class ApiOperation<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiOperation.class);

    protected final RetryingSender sender;
    protected final OpenRouterConfiguration configuration;
    private CallObserver observer = CallObserver.NONE;

    protected ApiOperation(RetryingSender sender, OpenRouterConfiguration configuration) {
        this.sender = sender;
        this.configuration = configuration;
    }

    /** The call for this exchange; throws {@link io.github.camelopenrouter.OpenRouterInputException} for bad input. */
    protected abstract ApiCall<T> call(Exchange exchange);

    /** Puts the result on the exchange. */
    protected abstract void complete(Exchange exchange, T result);

    /** Metrics, console and health hear of each finished call through this. */
    public void observeWith(CallObserver observer) {
        this.observer = observer;
    }

    /** The model this exchange asks for, for metrics; null for operations without one. */
    protected String requestedModel(Exchange exchange) {
        return null;
    }

    /** What metrics see of a successful call; operations with a model and usage say more. */
    protected CallRecord record(T result, String requestedModel, long durationNanos, int attempts) {
        return new CallRecord(operationName(), requestedModel, null, null, null, null, null, durationNanos, attempts, null);
    }

    private String operationName() {
        return configuration.getOperation().name();
    }

    private void observe(Exchange exchange, T result, Throwable failure, long started, int attempts) {
        try {
            String model = requestedModel(exchange);
            long nanos = started == 0 ? 0 : System.nanoTime() - started;
            observer.finished(failure == null ? record(result, model, nanos, attempts)
                    : CallRecord.failed(operationName(), model, nanos, attempts, failure));
        } catch (RuntimeException e) {
            LOG.debug("Recording the call's metrics failed", e);
        }
    }

    /** Sends the call; an operation with a cache answers from it instead. */
    protected CompletableFuture<ApiOutcome<T>> send(ApiCall<T> call) {
        return sender.send(call);
    }

    public final boolean process(Exchange exchange, AsyncCallback callback) {
        ApiCall<T> call;
        try {
            call = call(exchange);
        } catch (Throwable e) {
            exchange.getMessage().setHeader(OpenRouterConstants.ATTEMPTS, 0);
            fail(exchange, e);
            observe(exchange, null, e, 0, 0);
            callback.done(true);
            return true;
        }
        long started = System.nanoTime();
        try {
            send(call).whenComplete((outcome, unexpected) -> {
                try {
                    if (unexpected != null) {
                        Throwable failure = OpenRouterClient.unwrap(unexpected);
                        fail(exchange, failure);
                        observe(exchange, null, failure, started, 0);
                        return;
                    }
                    exchange.getMessage().setHeader(OpenRouterConstants.ATTEMPTS, outcome.attempts());
                    exchange.getMessage().setHeader(OpenRouterConstants.QUEUED_MILLIS, outcome.queuedMillis());
                    if (outcome.succeeded()) {
                        complete(exchange, outcome.result());
                    } else {
                        fail(exchange, outcome.failure());
                    }
                    observe(exchange, outcome.result(), outcome.failure(), started, outcome.attempts());
                    LOG.debug("{} finished in {} ms after {} attempt(s): {}", call.what(),
                            (System.nanoTime() - started) / 1_000_000, outcome.attempts(),
                            outcome.succeeded() ? "ok" : outcome.failure().getClass().getSimpleName());
                } catch (Throwable t) {
                    fail(exchange, t);
                } finally {
                    callback.done(false);
                }
            });
        } catch (Throwable e) {
            fail(exchange, e);
            callback.done(true);
            return true;
        }
        return false;
    }

    static void fail(Exchange exchange, Throwable failure) {
        exchange.setException(failure);
        exchange.setProperty(OpenRouterConstants.ERROR_TYPE, Failures.errorType(failure));
    }

    static void setIfPresent(org.apache.camel.Message out, String header, Object value) {
        if (value != null) {
            out.setHeader(header, value);
        }
    }
}
