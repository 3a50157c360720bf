package io.github.camelopenrouter.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;

import io.github.camelopenrouter.OpenRouterApiException;
import io.github.camelopenrouter.wire.StreamingRequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request and, while the {@link RetryPolicy} says so, sends it again after a wait that holds no thread. Each
 * request ends in exactly one {@link ChatOutcome}: its future is completed once, after the last attempt - or when the
 * endpoint stops, so that no exchange waits for a timer or a reply that will never come.
 */
public final class RetryingSender {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingSender.class);

    private final OpenRouterClient client;
    private final RetryPolicy policy;
    private final Set<Delivery<?>> active = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    public RetryingSender(OpenRouterClient client, RetryPolicy policy) {
        this.client = client;
        this.policy = policy;
    }

    /** Never completes exceptionally: a failure is a {@link ChatOutcome} too. */
    public CompletableFuture<ChatOutcome> send(StreamingRequestBody body) {
        return send(OpenRouterClient.chatCall(body)).thenApply(outcome -> outcome.succeeded()
                ? ChatOutcome.success(outcome.result(), outcome.attempts())
                : ChatOutcome.failure(outcome.failure(), outcome.attempts()));
    }

    /**
     * A chat completion read as a stream: the deltas go to the stream's sink as they arrive; the outcome is the whole
     * reply. A failure is sent again only while no delta has gone out.
     */
    public CompletableFuture<ChatOutcome> send(StreamingRequestBody body, ChatStream stream) {
        return send(OpenRouterClient.chatStreamCall(body, stream)).thenApply(outcome -> outcome.succeeded()
                ? ChatOutcome.success(outcome.result(), outcome.attempts())
                : ChatOutcome.failure(outcome.failure(), outcome.attempts()));
    }

    /**
     * Any call to OpenRouter, with the same retries, timeouts and stop behaviour as chat; never completes
     * exceptionally: a failure is an {@link ApiOutcome} too.
     */
    public <T> CompletableFuture<ApiOutcome<T>> send(ApiCall<T> call) {
        Delivery<T> delivery = new Delivery<>(call);
        active.add(delivery);
        if (stopped) {
            delivery.stop();
        } else {
            delivery.attempt();
        }
        return delivery.outcome;
    }

    /**
     * Ends every request still under way: one waiting for a retry fails with its last error, one in flight with an
     * {@link EndpointStoppedException}. Requests sent afterwards fail at once.
     */
    public void stop() {
        stopped = true;
        for (Delivery<?> delivery : active) {
            delivery.stop();
        }
    }

    /** Requests under way (in flight or waiting for a retry), for tests and monitoring. */
    public int activeRequests() {
        return active.size();
    }

    /** Requests waiting for their next attempt, for tests and monitoring. */
    public int waitingRetries() {
        return (int) active.stream().filter(Delivery::isWaiting).count();
    }

    /**
     * One request through all its attempts. State changes happen under the delivery's lock, so a reply and a stop that
     * race are decided once; the outcome is completed outside the lock, since completing it runs the rest of the route.
     */
    private final class Delivery<T> {

        private final ApiCall<T> call;
        private final long started = System.nanoTime();
        private final CompletableFuture<ApiOutcome<T>> outcome = new CompletableFuture<>();
        private final List<Throwable> failures = new ArrayList<>(0);
        private int attempts;
        private boolean waiting;
        private boolean finished;
        private ScheduledFuture<?> retryTimer;
        private CompletableFuture<T> inFlight;

        Delivery(ApiCall<T> call) {
            this.call = call;
        }

        synchronized boolean isWaiting() {
            return waiting;
        }

        void attempt() {
            synchronized (this) {
                if (finished) {
                    return;
                }
                attempts++;
                waiting = false;
                retryTimer = null;
            }
            CompletableFuture<T> reply;
            try {
                reply = client.send(call);
            } catch (RuntimeException e) {
                reply = CompletableFuture.failedFuture(e);
            }
            synchronized (this) {
                inFlight = reply;
            }
            reply.whenComplete(this::attempted);
        }

        private void attempted(T response, Throwable failure) {
            ApiOutcome<T> result;
            synchronized (this) {
                if (finished) {
                    return;
                }
                if (failure == null) {
                    result = finish(ApiOutcome.success(response, attempts));
                } else {
                    result = afterFailure(OpenRouterClient.unwrap(failure));
                }
            }
            complete(result);
        }

        /** Under the lock: schedules the retry and returns null, or returns the final outcome. */
        private ApiOutcome<T> afterFailure(Throwable cause) {
            if (notFoundYet(cause)) {
                // not a failure of the service: what was asked for is not there yet (a generation a moment after the
                // call); asked again without counting against maxRetries, until the call's window closes
                failures.add(cause);
                waiting = true;
                try {
                    retryTimer = client.delays().schedule(this::attempt, ApiCall.NOT_FOUND_RETRY_MILLIS);
                    return null;
                } catch (RejectedExecutionException e) {
                    return abandoned();
                }
            }
            if (call.decoder() instanceof ChatStream stream && !stream.mayRetry()) {
                return failed(cause, stream.deltas() > 0 ? "not retried: " + stream.deltas()
                                                           + " text delta(s) of the answer had already gone out" : null);
            }
            RetryPolicy.Decision decision = policy.decide(cause, attempts - notFoundAttempts, call.isRepeatable());
            if (!decision.retry()) {
                return failed(cause, decision.note());
            }
            LOG.debug("Attempt {} failed ({}); sending again in {} ms", attempts, summary(cause), decision.delayMillis());
            failures.add(cause);
            waiting = true;
            try {
                retryTimer = client.delays().schedule(this::attempt, decision.delayMillis());
                return null;
            } catch (RejectedExecutionException e) {
                return abandoned();
            }
        }

        private int notFoundAttempts;

        private boolean notFoundYet(Throwable cause) {
            if (!(cause instanceof OpenRouterApiException api) || api.getStatusCode() != 404
                    || call.notFoundWindow().isZero()) {
                return false;
            }
            long elapsed = System.nanoTime() - started;
            if (elapsed + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(ApiCall.NOT_FOUND_RETRY_MILLIS)
                    > call.notFoundWindow().toNanos()) {
                return false;
            }
            notFoundAttempts++;
            LOG.debug("{}: 404 on attempt {}; asking again in {} ms", call.what(), attempts, ApiCall.NOT_FOUND_RETRY_MILLIS);
            return true;
        }

        void stop() {
            ApiOutcome<T> result;
            CompletableFuture<T> abandonedAttempt = null;
            synchronized (this) {
                if (finished) {
                    return;
                }
                if (!waiting) {
                    abandonedAttempt = inFlight;
                }
                if (waiting) {
                    if (retryTimer != null) {
                        retryTimer.cancel(false);
                    }
                    result = abandoned();
                } else {
                    result = failed(new EndpointStoppedException("The endpoint stopped while "
                                                                 + (attempts == 0 ? "the request was about to be sent"
                                                                         : "attempt " + attempts + " was in flight"),
                            null), null);
                }
            }
            if (abandonedAttempt != null) {
                // the HTTP exchange itself stops too (a stream would otherwise go on being read)
                abandonedAttempt.cancel(true);
            }
            complete(result);
        }

        /** The retry will not happen: the last failure ends the request. */
        private ApiOutcome<T> abandoned() {
            Throwable last = failures.isEmpty() ? new EndpointStoppedException("The endpoint stopped", null)
                    : failures.remove(failures.size() - 1);
            return failed(last, "not retried: the endpoint stopped" + (attempts > 1 ? ", after " + attempts + " attempts" : ""));
        }

        private ApiOutcome<T> failed(Throwable last, String note) {
            return finish(ApiOutcome.failure(Failures.finalFailure(last, note, failures), attempts));
        }

        private ApiOutcome<T> finish(ApiOutcome<T> result) {
            finished = true;
            active.remove(this);
            return result;
        }

        private void complete(ApiOutcome<T> result) {
            if (result != null) {
                outcome.complete(result);
            }
        }
    }

    private static String summary(Throwable failure) {
        if (failure instanceof OpenRouterApiException api) {
            return "HTTP " + api.getStatusCode() + (api.getErrorCode() != api.getStatusCode() ? " code " + api.getErrorCode() : "");
        }
        return failure.getClass().getSimpleName();
    }
}
