package io.github.camelopenrouter;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelopenrouter.client.ApiOutcome;
import io.github.camelopenrouter.client.ChatOutcome;
import io.github.camelopenrouter.client.Failures;
import io.github.camelopenrouter.client.OpenRouterClient;
import io.github.camelopenrouter.health.OpenRouterProducerHealthCheck;
import io.github.camelopenrouter.observe.CallRecord;
import io.github.camelopenrouter.operation.ApiOperation;
import io.github.camelopenrouter.operation.ChatStep;
import io.github.camelopenrouter.request.PreparedRequest;
import io.github.camelopenrouter.response.ResponseMapper;
import io.github.camelopenrouter.wire.ChatResponse;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exchange in, request built, the endpoint's {@link ChatStep}s applied (model check, file uploads), sent without
 * blocking, reply mapped back. The callback is called exactly once on every
 * path: invalid input (synchronously, nothing sent), an error reply, a failed connection, or success.
 */
public class OpenRouterProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(OpenRouterProducer.class);

    private WritableHealthCheckRepository healthCheckRepository;
    private OpenRouterProducerHealthCheck healthCheck;

    public OpenRouterProducer(OpenRouterEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // producer health checks are optional in Camel (camel.health.producersEnabled): no repository, no probing
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(),
                "producers", WritableHealthCheckRepository.class);
        if (repository != null && repository.isEnabled() && getEndpoint().getComponent().isHealthCheckProducerEnabled()) {
            OpenRouterEndpoint endpoint = getEndpoint();
            healthCheck = new OpenRouterProducerHealthCheck(endpoint.getId(), URISupport.sanitizeUri(endpoint.getEndpointUri()),
                    endpoint.getConfiguration().getBaseUrl(), endpoint.getConfiguration().getOperation().name(),
                    endpoint.startAccountMonitor());
            healthCheckRepository = repository;
            repository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
            healthCheckRepository = null;
        }
        super.doStop();
    }

    @Override
    public OpenRouterEndpoint getEndpoint() {
        return (OpenRouterEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        ApiOperation<?> operation = getEndpoint().getApiOperation();
        if (operation != null) {
            return operation.process(exchange, callback);
        }
        PreparedRequest prepared;
        try {
            prepared = getEndpoint().getRequestFactory().create(exchange);
            LOG.debug("Sending chat request: model={}, parts={}, bodyBytes={}", prepared.request().model(),
                    prepared.userMessage().content() instanceof List<?> parts ? parts.size() : 1,
                    prepared.body().contentLength());
        } catch (Exception e) {
            exchange.getMessage().setHeader(OpenRouterConstants.ATTEMPTS, 0);
            fail(exchange, e);
            observe(CallRecord.failed("chat", exchange.getMessage().getHeader(OpenRouterConstants.MODEL,
                    getEndpoint().getConfiguration().getModel(), String.class), 0, 0, e));
            callback.done(true);
            return true;
        }
        long started = System.nanoTime();
        String model = prepared.request().model();
        try {
            CompletableFuture<ApiOutcome<PreparedRequest>> ready = ChatStep.proceed(prepared);
            for (ChatStep step : getEndpoint().getChatSteps()) {
                ready = ready.thenCompose(outcome -> outcome.succeeded() ? step.apply(outcome.result(), exchange)
                        : CompletableFuture.completedFuture(outcome));
            }
            ready.thenCompose(this::send).whenComplete((done, unexpected) -> {
                try {
                    long nanos = System.nanoTime() - started;
                    if (unexpected != null) {
                        Throwable failure = OpenRouterClient.unwrap(unexpected);
                        if (failure instanceof OpenRouterInputException) {
                            // refused by a step before anything was sent
                            exchange.getMessage().setHeader(OpenRouterConstants.ATTEMPTS, 0);
                        }
                        fail(exchange, failure);
                        observe(CallRecord.failed("chat", model, nanos, 0, failure));
                        return;
                    }
                    ChatOutcome outcome = done.outcome();
                    exchange.getMessage().setHeader(OpenRouterConstants.ATTEMPTS, outcome.attempts());
                    if (outcome.succeeded()) {
                        complete(exchange, done.prepared(), outcome.reply());
                        observe(record(model, outcome.reply(), nanos, outcome.attempts()));
                    } else {
                        fail(exchange, outcome.failure());
                        observe(CallRecord.failed("chat", model, nanos, outcome.attempts(), outcome.failure()));
                    }
                    LOG.debug("Chat request finished in {} ms after {} attempt(s): {}",
                            (System.nanoTime() - started) / 1_000_000, outcome.attempts(),
                            outcome.succeeded() ? "ok" : outcome.failure().getClass().getSimpleName());
                } catch (Throwable t) {
                    fail(exchange, t);
                } finally {
                    callback.done(false);
                }
            });
        } catch (Exception e) {
            fail(exchange, e);
            callback.done(true);
            return true;
        }
        return false;
    }

    private static CallRecord record(String model, ChatResponse reply, long nanos, int attempts) {
        ChatResponse.Usage usage = reply.usage();
        ChatResponse.Choice choice = reply.firstChoice();
        return new CallRecord("chat", model, reply.model(), usage == null ? null : usage.promptTokens(),
                usage == null ? null : usage.completionTokens(), usage == null ? null : usage.cost(),
                choice == null ? null : choice.finishReason(), nanos, attempts, null);
    }

    private void observe(CallRecord record) {
        try {
            getEndpoint().callObserver().finished(record);
        } catch (RuntimeException e) {
            LOG.debug("Recording the call's metrics failed", e);
        }
    }

    /** The request as the steps left it and how sending it ended. */
    private record Sent(PreparedRequest prepared, ChatOutcome outcome) {
    }

    /** Sends the request the steps produced; a failed step's outcome stands for the chat's. */
    private CompletableFuture<Sent> send(ApiOutcome<PreparedRequest> ready) {
        if (!ready.succeeded()) {
            return CompletableFuture.completedFuture(
                    new Sent(null, new ChatOutcome(null, ready.failure(), ready.attempts())));
        }
        PreparedRequest prepared = ready.result();
        return getEndpoint().getSender().send(prepared.body()).thenApply(outcome -> new Sent(prepared, outcome));
    }

    private static void fail(Exchange exchange, Throwable failure) {
        exchange.setException(failure);
        exchange.setProperty(OpenRouterConstants.ERROR_TYPE, Failures.errorType(failure));
    }

    private void complete(Exchange exchange, PreparedRequest prepared, ChatResponse reply) {
        ResponseMapper.apply(reply, prepared, exchange);
        getEndpoint().getConversations().remember(prepared.conversationId(), prepared.userMessage(), reply);
    }
}
