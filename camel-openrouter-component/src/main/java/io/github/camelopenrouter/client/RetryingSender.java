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
 * request ends in exactly one {@link ChatOutcome}: its future is completed once, after the last attempt, also when the
 * endpoint stops while a retry is waiting.
 */
public final class RetryingSender {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingSender.class);

    private final OpenRouterClient client;
    private final RetryPolicy policy;
    private final Set<PendingRetry> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    public RetryingSender(OpenRouterClient client, RetryPolicy policy) {
        this.client = client;
        this.policy = policy;
    }

    /** Never completes exceptionally: a failure is a {@link ChatOutcome} too. */
    public CompletableFuture<ChatOutcome> send(StreamingRequestBody body) {
        CompletableFuture<ChatOutcome> outcome = new CompletableFuture<>();
        new Delivery(body, outcome).attempt();
        return outcome;
    }

    /** Fails the requests whose retry is waiting, with their last error; later sends fail at once. */
    public void stop() {
        stopped = true;
        for (PendingRetry retry : pending) {
            if (pending.remove(retry)) {
                retry.abandon();
            }
        }
    }

    /** Retries waiting for their timer, for tests and monitoring. */
    public int pendingRetries() {
        return pending.size();
    }

    /** One request through all its attempts. Attempts never overlap, so the fields need no locking. */
    private final class Delivery {

        private final StreamingRequestBody body;
        private final CompletableFuture<ChatOutcome> outcome;
        private final List<Throwable> failures = new ArrayList<>(0);
        private int attempts;

        Delivery(StreamingRequestBody body, CompletableFuture<ChatOutcome> outcome) {
            this.body = body;
            this.outcome = outcome;
        }

        void attempt() {
            attempts++;
            CompletableFuture<ChatResponse> reply;
            try {
                reply = client.send(body);
            } catch (RuntimeException e) {
                reply = CompletableFuture.failedFuture(e);
            }
            reply.whenComplete(this::attempted);
        }

        private void attempted(ChatResponse response, Throwable failure) {
            if (failure == null) {
                outcome.complete(ChatOutcome.success(response, attempts));
                return;
            }
            Throwable cause = OpenRouterClient.unwrap(failure);
            RetryPolicy.Decision decision = policy.decide(cause, attempts, body.isRepeatable());
            if (!decision.retry()) {
                finish(cause, decision.note());
                return;
            }
            LOG.debug("Attempt {} failed ({}); sending again in {} ms", attempts, summary(cause), decision.delayMillis());
            failures.add(cause);
            schedule(decision.delayMillis());
        }

        private void schedule(long delayMillis) {
            PendingRetry retry = new PendingRetry(this);
            pending.add(retry);
            if (stopped) {
                if (pending.remove(retry)) {
                    retry.abandon();
                }
                return;
            }
            try {
                retry.timer = client.delays().schedule(retry::fire, delayMillis);
            } catch (RejectedExecutionException e) {
                if (pending.remove(retry)) {
                    retry.abandon();
                }
            }
        }

        private void finish(Throwable last, String note) {
            outcome.complete(ChatOutcome.failure(Failures.finalFailure(last, note, failures), attempts));
        }

        /** The retry will not happen: the last failure ends the exchange. */
        void abandon() {
            Throwable last = failures.remove(failures.size() - 1);
            finish(last, "not retried: the endpoint stopped" + (attempts > 1 ? ", after " + attempts + " attempts" : ""));
        }
    }

    private final class PendingRetry {

        private final Delivery delivery;
        private volatile ScheduledFuture<?> timer;

        PendingRetry(Delivery delivery) {
            this.delivery = delivery;
        }

        /** Whoever removes the retry from {@code pending} first - the timer or {@link #stop()} - decides its fate. */
        void fire() {
            if (pending.remove(this)) {
                delivery.attempt();
            }
        }

        void abandon() {
            ScheduledFuture<?> scheduled = timer;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            delivery.abandon();
        }
    }

    private static String summary(Throwable failure) {
        if (failure instanceof OpenRouterApiException api) {
            return "HTTP " + api.getStatusCode() + (api.getErrorCode() != api.getStatusCode() ? " code " + api.getErrorCode() : "");
        }
        return failure.getClass().getSimpleName();
    }
}
