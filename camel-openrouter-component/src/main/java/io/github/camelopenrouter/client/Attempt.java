package io.github.camelopenrouter.client;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;

/**
 * One attempt's outcome: decided once, by whichever comes first of the reply, a failure from the JDK client and the
 * watchdog; the others then find it completed and do nothing. Created by {@link OpenRouterClient#send(ApiCall)}, whose
 * decoding, timeouts and key redaction it uses.
 */
final class Attempt<T> extends CompletableFuture<T> implements CappedBody.Receiver {

    private final OpenRouterClient client;
    private final ApiCall.Decoder<T> decoder;
    private final long sentNanos = System.nanoTime();
    private volatile CompletableFuture<HttpResponse<Void>> exchange;
    /** Whether the JDK asked for a body subscriber: it does for every reply but a refused proxy tunnel. */
    volatile boolean bodyHandled;
    private volatile ScheduledFuture<?> watchdog;
    private volatile StreamSubscriber stream;

    Attempt(OpenRouterClient client, ApiCall.Decoder<T> decoder) {
        this.client = client;
        this.decoder = decoder;
    }

    void sent(CompletableFuture<HttpResponse<Void>> exchange) {
        this.exchange = exchange;
        if (isDone()) {
            settled();
        }
    }

    void watch(ScheduledFuture<?> watchdog) {
        this.watchdog = watchdog;
        if (isDone()) {
            watchdog.cancel(false);
        }
    }

    @Override
    public void tooLarge(ResponseTooLargeException failure) {
        abort(failure);
    }

    @Override
    public void body(HttpResponse.ResponseInfo info, byte[] body) {
        T reply;
        try {
            reply = client.decode(info, body, decoder);
        } catch (Throwable t) {
            if (completeExceptionally(client.redacted(t))) {
                settled();
            }
            return;
        }
        if (complete(reply)) {
            settled();
        }
    }

    /**
     * A 2xx event stream: read as it arrives. From here the watchdog guards the gaps between events, not the whole
     * attempt: a stream may rightly last longer than requestTimeout, a silent one may not.
     */
    @SuppressWarnings("unchecked")
    HttpResponse.BodySubscriber<Void> streaming(ChatStream chat, HttpResponse.ResponseInfo info) {
        StreamSubscriber subscriber = new StreamSubscriber(chat, sentNanos, OpenRouterClient.retryAfter(info.headers()),
                reply -> {
                    if (complete((T) reply)) {
                        settled();
                    }
                },
                this::abort);
        subscriber.limit(client.maxResponseSize());
        stream = subscriber;
        if (isDone()) {
            subscriber.cancel();
        }
        return subscriber;
    }

    void timedOut() {
        StreamSubscriber reading = stream;
        if (reading == null) {
            abort(client.requestTimedOut());
            return;
        }
        long remaining = reading.idleRemainingNanos(client.requestTimeout().toNanos());
        if (remaining > 0) {
            try {
                watch(client.delays().schedule(this::timedOut, Math.max(1, remaining / 1_000_000)));
            } catch (RejectedExecutionException e) {
                abort(new EndpointStoppedException("The endpoint stopped while a stream was being read", e));
            }
            return;
        }
        abort(client.streamStalled(reading.chunks()));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        abort(new EndpointStoppedException("The request was cancelled while in flight", null));
        return isCancelled() || isDone();
    }

    void abort(Throwable failure) {
        if (completeExceptionally(failure)) {
            StreamSubscriber reading = stream;
            if (reading != null) {
                reading.cancel();
            }
            CompletableFuture<HttpResponse<Void>> sent = exchange;
            if (sent != null) {
                // before settled(): the JDK aborts the exchange only while its future is not yet done
                sent.cancel(true);
            }
            settled();
        }
    }

    /**
     * The outcome is decided: stop the watchdog, and complete sendAsync's future ourselves when the reply came first,
     * so that the JDK's no-op stage on CompletableFuture's default executor finds nothing left to do and is never
     * scheduled (a completed dependent is skipped; completing it does not cancel the exchange).
     */
    private void settled() {
        ScheduledFuture<?> timer = watchdog;
        if (timer != null) {
            timer.cancel(false);
        }
        CompletableFuture<HttpResponse<Void>> sent = exchange;
        if (sent != null) {
            sent.complete(null);
        }
    }
}
