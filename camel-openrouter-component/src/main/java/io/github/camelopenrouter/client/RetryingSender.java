package io.github.camelopenrouter.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;

import io.github.camelopenrouter.OpenRouterApiException;
import io.github.camelopenrouter.wire.ChatResponse;
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
    private final Set<Delivery> active = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    public RetryingSender(OpenRouterClient client, RetryPolicy policy) {
        this.client = client;
        this.policy = policy;
    }

    /** Never completes exceptionally: a failure is a {@link ChatOutcome} too. */
    public CompletableFuture<ChatOutcome> send(StreamingRequestBody body) {
        Delivery delivery = new Delivery(body);
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
        for (Delivery delivery : active) {
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
    private final class Delivery {

        private final StreamingRequestBody body;
        private final CompletableFuture<ChatOutcome> outcome = new CompletableFuture<>();
        private final List<Throwable> failures = new ArrayList<>(0);
        private int attempts;
        private boolean waiting;
        private boolean finished;
        private ScheduledFuture<?> retryTimer;

        Delivery(StreamingRequestBody body) {
            this.body = body;
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
            CompletableFuture<ChatResponse> reply;
            try {
                reply = client.send(body);
            } catch (RuntimeException e) {
                reply = CompletableFuture.failedFuture(e);
            }
            reply.whenComplete(this::attempted);
        }

        private void attempted(ChatResponse response, Throwable failure) {
            ChatOutcome result;
            synchronized (this) {
                if (finished) {
                    return;
                }
                if (failure == null) {
                    result = finish(ChatOutcome.success(response, attempts));
                } else {
                    result = afterFailure(OpenRouterClient.unwrap(failure));
                }
            }
            complete(result);
        }

        /** Under the lock: schedules the retry and returns null, or returns the final outcome. */
        private ChatOutcome afterFailure(Throwable cause) {
            RetryPolicy.Decision decision = policy.decide(cause, attempts, body.isRepeatable());
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

        void stop() {
            ChatOutcome result;
            synchronized (this) {
                if (finished) {
                    return;
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
            complete(result);
        }

        /** The retry will not happen: the last failure ends the request. */
        private ChatOutcome abandoned() {
            Throwable last = failures.remove(failures.size() - 1);
            return failed(last, "not retried: the endpoint stopped" + (attempts > 1 ? ", after " + attempts + " attempts" : ""));
        }

        private ChatOutcome failed(Throwable last, String note) {
            return finish(ChatOutcome.failure(Failures.finalFailure(last, note, failures), attempts));
        }

        private ChatOutcome finish(ChatOutcome result) {
            finished = true;
            active.remove(this);
            return result;
        }

        private void complete(ChatOutcome result) {
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
