package io.github.camelopenrouter.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;

import io.github.camelopenrouter.OpenRouterApiException;
import io.github.camelopenrouter.wire.StreamingRequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request and, while the {@link RetryPolicy} says so, sends it again after a wait that holds no thread. Each
 * request ends in exactly one {@link ChatOutcome}: its future is completed once, after the last attempt - or when the
 * endpoint stops, so that no exchange waits for a timer or a reply that will never come. Every attempt first waits for
 * a slot of the component's {@link ConcurrencyLimiter}; the outcome is completed on the component's workers.
 */
public final class RetryingSender {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingSender.class);

    /**
     * Retries a request may get without counting against maxRetries, when it was refused because this component sent
     * more than the server holds (adaptiveConcurrency): a safety net against a server that refuses at any level.
     */
    static final int MAX_FREE_RETRIES = 10;

    private final OpenRouterClient client;
    private final RetryPolicy policy;
    private final ConcurrencyLimiter limiter;
    private final long queueTimeoutMillis;
    private final Executor worker;
    private final Set<Delivery<?>> active = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /** A sender with no limit of its own, completing on the thread that has the reply (for tests of the client). */
    public RetryingSender(OpenRouterClient client, RetryPolicy policy) {
        this(client, policy, ConcurrencyLimiter.unbounded(), 0, Runnable::run);
    }

    /**
     * @param limiter            the component's limit on requests in flight, which every attempt waits for
     * @param queueTimeoutMillis how long one attempt may wait for it, 0 for no bound
     * @param worker             where the outcome is completed, and the route continues: never the HTTP client's threads
     */
    RetryingSender(OpenRouterClient client, RetryPolicy policy, ConcurrencyLimiter limiter, long queueTimeoutMillis,
                   Executor worker) {
        this.client = client;
        this.policy = policy;
        this.limiter = limiter;
        this.queueTimeoutMillis = queueTimeoutMillis;
        this.worker = worker;
    }

    /** Never completes exceptionally: a failure is a {@link ChatOutcome} too. */
    public CompletableFuture<ChatOutcome> send(StreamingRequestBody body) {
        return send(OpenRouterClient.chatCall(body)).thenApply(outcome -> outcome.succeeded()
                ? ChatOutcome.success(outcome.result(), outcome.attempts(), outcome.queuedMillis())
                : ChatOutcome.failure(outcome.failure(), outcome.attempts(), outcome.queuedMillis()));
    }

    /**
     * A chat completion read as a stream: the deltas go to the stream's sink as they arrive; the outcome is the whole
     * reply. A failure is sent again only while no delta has gone out.
     */
    public CompletableFuture<ChatOutcome> send(StreamingRequestBody body, ChatStream stream) {
        return send(OpenRouterClient.chatStreamCall(body, stream)).thenApply(outcome -> outcome.succeeded()
                ? ChatOutcome.success(outcome.result(), outcome.attempts(), outcome.queuedMillis())
                : ChatOutcome.failure(outcome.failure(), outcome.attempts(), outcome.queuedMillis()));
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
     * Ends every request still under way: one waiting for a retry fails with its last error, one waiting for a slot or
     * in flight with an {@link EndpointStoppedException}. Requests sent afterwards fail at once.
     */
    public void stop() {
        stopped = true;
        for (Delivery<?> delivery : active) {
            delivery.stop();
        }
    }

    /** Requests under way (queued, in flight or waiting for a retry), for tests and monitoring. */
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
        private final long order = limiter.nextOrder();
        private final CompletableFuture<ApiOutcome<T>> outcome = new CompletableFuture<>();
        private final List<Throwable> failures = new ArrayList<>(0);
        private int attempts;
        private int notFoundAttempts;
        private int freeAttempts;
        private boolean waiting;
        private boolean queued;
        private long queuedSince;
        private long queuedNanos;
        private boolean finished;
        private ScheduledFuture<?> retryTimer;
        private ConcurrencyLimiter.Waiter waiter;
        private ConcurrencyLimiter.Permit permit;
        private CompletableFuture<T> inFlight;

        Delivery(ApiCall<T> call) {
            this.call = call;
        }

        synchronized boolean isWaiting() {
            return waiting;
        }

        /** Queues the next attempt for a slot; it is sent once one is free. */
        void attempt() {
            synchronized (this) {
                if (finished) {
                    return;
                }
                waiting = false;
                retryTimer = null;
                queued = true;
                queuedSince = System.nanoTime();
            }
            ConcurrencyLimiter.Waiter queuedFor = limiter.acquire(order, queueTimeoutMillis, this::send, this::expired);
            synchronized (this) {
                if (queued) {
                    waiter = queuedFor;
                }
            }
        }

        private void send(ConcurrencyLimiter.Permit granted) {
            synchronized (this) {
                if (finished) {
                    // stopped while the grant was on its way
                    limiter.released(granted);
                    return;
                }
                queued = false;
                waiter = null;
                queuedNanos += System.nanoTime() - queuedSince;
                attempts++;
                permit = granted;
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

        private void expired(QueueTimeoutException timeout) {
            ApiOutcome<T> result;
            synchronized (this) {
                if (finished || !queued) {
                    return;
                }
                queued = false;
                waiter = null;
                queuedNanos += System.nanoTime() - queuedSince;
                result = failed(timeout, attempts > 0 ? "after " + attempts + " attempts" : null);
            }
            complete(result);
        }

        private void attempted(T response, Throwable failure) {
            Throwable cause = failure == null ? null : OpenRouterClient.unwrap(failure);
            boolean ownBurst = release(cause);
            ApiOutcome<T> result;
            synchronized (this) {
                if (finished) {
                    return;
                }
                if (cause == null) {
                    result = finish(ApiOutcome.success(response, attempts, queuedMillis()));
                } else {
                    result = afterFailure(cause, ownBurst);
                }
            }
            complete(result);
        }

        /** Frees the attempt's slot, telling the limiter what the outcome says about the server's load. */
        private boolean release(Throwable cause) {
            ConcurrencyLimiter.Permit held;
            synchronized (this) {
                held = permit;
                permit = null;
            }
            if (cause == null) {
                limiter.succeeded(held);
                return false;
            }
            if (Failures.isOverload(cause)) {
                java.time.Duration retryAfter = ((OpenRouterApiException) cause).getRetryAfter();
                // a wait longer than retryMaxDelay is not waited by this request, and pauses no other
                boolean pause = retryAfter != null && retryAfter.toMillis() <= policy.maxDelay();
                return limiter.refused(held, retryAfter, pause);
            }
            limiter.released(held);
            return false;
        }

        /** Under the lock: schedules the retry and returns null, or returns the final outcome. */
        private ApiOutcome<T> afterFailure(Throwable cause, boolean ownBurst) {
            if (notFoundYet(cause)) {
                // not a failure of the service: what was asked for is not there yet (a generation a moment after the
                // call); asked again without counting against maxRetries, until the call's window closes
                return retryIn(cause, ApiCall.NOT_FOUND_RETRY_MILLIS);
            }
            if (call.decoder() instanceof ChatStream stream && !stream.mayRetry()) {
                return failed(cause, stream.deltas() > 0 ? "not retried: " + stream.deltas()
                                                           + " text delta(s) of the answer had already gone out" : null);
            }
            if (ownBurst && freeAttempts < MAX_FREE_RETRIES && call.isRepeatable() && !waitTooLong(cause)) {
                // refused because this component had more in flight than the server holds: the limit is lower now,
                // and the request goes back to the head of the queue (paused by the Retry-After), not against maxRetries
                freeAttempts++;
                LOG.debug("Attempt {} refused for load above the server's capacity; queued again", attempts);
                return retryIn(cause, 0);
            }
            RetryPolicy.Decision decision = policy.decide(cause, attempts - notFoundAttempts - freeAttempts,
                    call.isRepeatable());
            if (!decision.retry()) {
                return failed(cause, decision.note());
            }
            LOG.debug("Attempt {} failed ({}); sending again in {} ms", attempts, summary(cause), decision.delayMillis());
            return retryIn(cause, decision.delayMillis());
        }

        private boolean waitTooLong(Throwable cause) {
            java.time.Duration retryAfter = ((OpenRouterApiException) cause).getRetryAfter();
            return retryAfter != null && retryAfter.toMillis() > policy.maxDelay();
        }

        private ApiOutcome<T> retryIn(Throwable cause, long delayMillis) {
            failures.add(cause);
            waiting = true;
            try {
                retryTimer = client.delays().schedule(this::attempt, delayMillis);
                return null;
            } catch (RejectedExecutionException e) {
                return abandoned();
            }
        }

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
            ConcurrencyLimiter.Waiter dequeue = null;
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
                    String where = queued ? "the request was waiting for a free slot (maxConcurrentRequests)"
                            : attempts == 0 ? "the request was about to be sent" : "attempt " + attempts + " was in flight";
                    if (queued) {
                        dequeue = waiter;
                        queued = false;
                        queuedNanos += System.nanoTime() - queuedSince;
                    }
                    result = failed(new EndpointStoppedException("The endpoint stopped while " + where, null), null);
                }
            }
            if (dequeue != null) {
                limiter.cancel(dequeue);
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
            return finish(ApiOutcome.failure(Failures.finalFailure(last, note, failures), attempts, queuedMillis()));
        }

        private long queuedMillis() {
            return java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(queuedNanos);
        }

        private ApiOutcome<T> finish(ApiOutcome<T> result) {
            finished = true;
            active.remove(this);
            return result;
        }

        /** Completes the outcome on a worker: the route continues there, off the HTTP client's I/O threads. */
        private void complete(ApiOutcome<T> result) {
            if (result == null) {
                return;
            }
            try {
                worker.execute(() -> outcome.complete(result));
            } catch (RejectedExecutionException e) {
                // the workers are shutting down: the exchange must still end
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
