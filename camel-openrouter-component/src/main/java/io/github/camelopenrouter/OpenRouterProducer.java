package io.github.camelopenrouter;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelopenrouter.client.ApiOutcome;
import io.github.camelopenrouter.client.ChatOutcome;
import io.github.camelopenrouter.client.ChatStream;
import io.github.camelopenrouter.client.EndpointStoppedException;
import io.github.camelopenrouter.client.Failures;
import io.github.camelopenrouter.client.OpenRouterClient;
import io.github.camelopenrouter.health.OpenRouterProducerHealthCheck;
import io.github.camelopenrouter.observe.CallRecord;
import io.github.camelopenrouter.operation.ApiOperation;
import io.github.camelopenrouter.operation.ChatStep;
import io.github.camelopenrouter.request.PreparedRequest;
import io.github.camelopenrouter.response.ResponseMapper;
import io.github.camelopenrouter.stream.StreamToDelivery;
import io.github.camelopenrouter.wire.ChatResponse;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.cache.DefaultProducerCache;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exchange in, request built, the endpoint's {@link ChatStep}s applied (model check, file uploads), sent without
 * blocking, reply mapped back. The callback is called exactly once on every
 * path: invalid input (synchronously, nothing sent), an error reply, a failed connection, or success. A streamed answer
 * ends the same way, once the stream is over and (with streamTo) its last delta has been delivered.
 */
public class OpenRouterProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(OpenRouterProducer.class);

    /** Streams under way, cancelled when the producer stops (its route stops or is removed). */
    private final Set<ChatStream> streams = ConcurrentHashMap.newKeySet();
    private DefaultProducerCache streamToProducers;
    private WritableHealthCheckRepository healthCheckRepository;
    private OpenRouterProducerHealthCheck healthCheck;

    public OpenRouterProducer(OpenRouterEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        streamToProducers = new DefaultProducerCache(this, getEndpoint().getCamelContext(), 100);
        ServiceHelper.startService(streamToProducers);
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
        for (ChatStream stream : streams) {
            stream.cancel(new EndpointStoppedException("The producer stopped (its route stopped) while the answer was"
                                                       + " streaming", null));
        }
        ServiceHelper.stopService(streamToProducers);
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
        Endpoint streamTo;
        try {
            prepared = getEndpoint().getRequestFactory().create(exchange);
            streamTo = prepared.streaming().streamTo() == null ? null
                    : getEndpoint().resolveStreamTo(prepared.streaming().streamTo());
            LOG.debug("Sending chat request: model={}, parts={}, bodyBytes={}, stream={}", prepared.request().model(),
                    prepared.userMessage().content() instanceof List<?> parts ? parts.size() : 1,
                    prepared.body().contentLength(), prepared.streaming().stream());
        } catch (Throwable e) {
            // Errors too (a LinkageError, a body's own iterator failing): without the callback the exchange never
            // completes, and a seda consumer thread dies with it
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
            ready.thenCompose(outcome -> send(outcome, exchange, streamTo)).whenComplete((done, unexpected) -> {
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
                    exchange.getMessage().setHeader(OpenRouterConstants.QUEUED_MILLIS, outcome.queuedMillis());
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
        } catch (Throwable e) {
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
    private CompletableFuture<Sent> send(ApiOutcome<PreparedRequest> ready, Exchange exchange, Endpoint streamTo) {
        if (!ready.succeeded()) {
            return CompletableFuture.completedFuture(
                    new Sent(null, new ChatOutcome(null, ready.failure(), ready.attempts())));
        }
        PreparedRequest prepared = ready.result();
        if (prepared.streaming().stream()) {
            return stream(prepared, exchange, streamTo);
        }
        return getEndpoint().getSender().send(prepared.body()).thenApply(outcome -> new Sent(prepared, outcome));
    }

    /**
     * A streamed answer: the deltas go to streamTo (if any) as they arrive. Done - and the exchange mapped as a
     * non-streamed one, plus the time to the first token - once the stream is over and the end exchange went out, so
     * that a route sees every delta before the whole answer. A delta streamTo failed fails the exchange.
     */
    private CompletableFuture<Sent> stream(PreparedRequest prepared, Exchange exchange, Endpoint streamTo) {
        CompletableFuture<Sent> done = new CompletableFuture<>();
        AsyncProducer producer = streamTo == null ? null : streamToProducers.acquireProducer(streamTo);
        ChatStream[] self = new ChatStream[1];
        StreamToDelivery delivery = producer == null ? null : new StreamToDelivery(streamTo, producer,
                getEndpoint().getStreamExecutor(), exchange.getExchangeId(),
                () -> self[0].cancel(new IllegalStateException("streamTo " + streamTo + " failed a delta")));
        ChatStream stream = new ChatStream(delivery);
        self[0] = stream;
        streams.add(stream);
        getEndpoint().getSender().send(prepared.body(), stream).whenComplete((outcome, unexpected) -> {
            Runnable complete = () -> {
                streams.remove(stream);
                if (producer != null) {
                    streamToProducers.releaseProducer(streamTo, producer);
                }
                if (stream.timeToFirstTokenMillis() >= 0) {
                    exchange.getMessage().setHeader(OpenRouterConstants.TIME_TO_FIRST_TOKEN,
                            stream.timeToFirstTokenMillis());
                }
                if (unexpected != null) {
                    done.completeExceptionally(unexpected);
                } else if (delivery != null && delivery.failure() != null) {
                    done.complete(new Sent(prepared, new ChatOutcome(null, delivery.failure(), outcome.attempts())));
                } else {
                    done.complete(new Sent(prepared, outcome));
                }
            };
            if (delivery == null) {
                complete.run();
                return;
            }
            Throwable failure = unexpected != null ? OpenRouterClient.unwrap(unexpected)
                    : outcome.succeeded() ? null : outcome.failure();
            delivery.end(outcome != null && outcome.succeeded() ? outcome.reply().id() : null,
                    failure == null ? null : Failures.errorType(failure), complete);
        });
        return done;
    }

    private static void fail(Exchange exchange, Throwable failure) {
        exchange.setException(failure);
        exchange.setProperty(OpenRouterConstants.ERROR_TYPE, Failures.errorType(failure));
    }

    private void complete(Exchange exchange, PreparedRequest prepared, ChatResponse reply) {
        ResponseMapper.apply(reply, prepared, exchange);
        getEndpoint().getConversations().remember(prepared.conversationId(), prepared.conversationTurnId(),
                prepared.userMessage(), reply);
    }
}
