package io.github.camelopenrouter.client;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a reply body up to {@code maxResponseSize} bytes. A longer reply (a runaway generation, a hostile or broken
 * server sending without end) is not buffered whole into an OutOfMemoryError: the subscription is cancelled, which makes
 * the JDK close the connection, and the attempt fails with {@link ResponseTooLargeException}. A {@code Content-Length}
 * above the limit fails before a byte of the body is read.
 */
final class CappedBody implements HttpResponse.BodySubscriber<Void> {

    /** Receives the whole body, or the failure once the limit is passed. */
    interface Receiver {
        void body(HttpResponse.ResponseInfo info, byte[] body);

        void tooLarge(ResponseTooLargeException failure);
    }

    private final HttpResponse.ResponseInfo info;
    private final long max;
    private final Receiver receiver;
    private final CompletableFuture<Void> result = new CompletableFuture<>();
    private final List<ByteBuffer> received = new ArrayList<>();
    private Flow.Subscription subscription;
    private long size;
    private boolean done;

    CappedBody(HttpResponse.ResponseInfo info, long max, Receiver receiver) {
        this.info = info;
        this.max = max;
        this.receiver = receiver;
    }

    @Override
    public CompletionStage<Void> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
        if (declared.isPresent() && declared.getAsLong() > max) {
            exceed(0, declared.getAsLong());
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (done) {
            return;
        }
        for (ByteBuffer item : items) {
            size += item.remaining();
        }
        if (size > max) {
            exceed(size, info.headers().firstValueAsLong("Content-Length").orElse(-1));
            return;
        }
        received.addAll(items);
    }

    @Override
    public void onError(Throwable failure) {
        received.clear();
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        if (done) {
            return;
        }
        done = true;
        byte[] body = new byte[Math.toIntExact(size)];
        int at = 0;
        for (ByteBuffer item : received) {
            int n = item.remaining();
            item.get(body, at, n);
            at += n;
        }
        received.clear();
        receiver.body(info, body);
        result.complete(null);
    }

    private void exceed(long read, long declared) {
        done = true;
        received.clear();
        subscription.cancel();
        ResponseTooLargeException failure = new ResponseTooLargeException(
                "OpenRouter's reply (HTTP " + info.statusCode() + ") is larger than maxResponseSize (" + max + " bytes): "
                + (declared >= 0 ? "it declares " + declared + " bytes" : "no Content-Length")
                + (read > 0 ? ", " + read + " bytes were read" : "") + ". The connection was closed without reading the"
                + " rest. Raise maxResponseSize if answers this large are expected (or lower maxTokens)", max);
        receiver.tooLarge(failure);
        result.completeExceptionally(failure);
    }
}
