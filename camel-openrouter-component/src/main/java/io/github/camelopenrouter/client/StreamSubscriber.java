package io.github.camelopenrouter.client;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

import io.github.camelopenrouter.OpenRouterApiException;
import io.github.camelopenrouter.stream.ChatStreamAssembler;
import io.github.camelopenrouter.stream.DeltaSink;
import io.github.camelopenrouter.stream.SseParser;
import io.github.camelopenrouter.wire.ChatResponse;

/**
 * Reads one attempt's event stream as it arrives, on the HTTP client's threads, without ever waiting: each buffer is
 * parsed, its chunks folded into the reply, its text deltas handed to the {@link DeltaSink}, and the next buffer asked
 * for only when the sink has room. A sink that falls behind therefore stops the reading of the socket (TCP then slows
 * the server) instead of filling memory; while paused, the idle clock stands still, since the wait is ours.
 *
 * <p>The attempt ends at {@code [DONE]} with the assembled reply, at an error chunk with its
 * {@link OpenRouterApiException}, or with an {@link IOException} when the stream ends before {@code [DONE]}.
 */
final class StreamSubscriber implements HttpResponse.BodySubscriber<Void>, SseParser.Listener {

    private final ChatStream stream;
    private final DeltaSink sink;
    private final long sentNanos;
    private final Duration retryAfter;
    private final Consumer<ChatResponse> onReply;
    private final Consumer<Throwable> onFailure;
    private final SseParser parser = new SseParser(this);
    private final ChatStreamAssembler assembler = new ChatStreamAssembler();
    private final CompletableFuture<Void> body = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean finished;
    private volatile boolean paused;
    private volatile long lastActivity = System.nanoTime();
    private long maxBytes = Long.MAX_VALUE;
    private long bytes;

    StreamSubscriber(ChatStream stream, long sentNanos, Duration retryAfter, Consumer<ChatResponse> onReply,
                     Consumer<Throwable> onFailure) {
        this.stream = stream;
        this.sink = stream.sink();
        this.sentNanos = sentNanos;
        this.retryAfter = retryAfter;
        this.onReply = onReply;
        this.onFailure = onFailure;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (finished) {
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        lastActivity = System.nanoTime();
        if (finished) {
            subscription.request(1); // read to the end, so the connection can be reused
            return;
        }
        for (ByteBuffer buffer : buffers) {
            bytes += buffer.remaining();
        }
        if (bytes > maxBytes) {
            // the answer is assembled in memory as it streams: an endless stream would fill the heap like a body
            fail(new ResponseTooLargeException("OpenRouter's stream is longer than maxResponseSize (" + maxBytes
                                               + " bytes): " + bytes + " bytes were read. The connection was closed"
                                               + " without reading the rest. Raise maxResponseSize if answers this large"
                                               + " are expected (or lower maxTokens)", maxBytes));
            return;
        }
        try {
            for (ByteBuffer buffer : buffers) {
                parser.feed(buffer);
                if (finished) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            fail(new IOException("Cannot read OpenRouter's stream: " + e.getMessage(), e));
            return;
        }
        if (finished) {
            subscription.request(1);
            return;
        }
        paused = true;
        if (sink == null || sink.hasRoom(this::resume)) {
            paused = false;
            subscription.request(1);
        }
    }

    /** The sink has room again: read on. Runs on the sink's thread, once per refusal. */
    private void resume() {
        lastActivity = System.nanoTime();
        paused = false;
        if (!finished) {
            subscription.request(1);
        }
    }

    @Override
    public void event(byte[] data, int length) {
        if (finished) {
            return;
        }
        if (SseParser.isDone(data, length)) {
            finish();
            return;
        }
        String delta;
        try {
            delta = assembler.accept(data, length);
        } catch (IOException e) {
            throw new IllegalStateException("OpenRouter sent a stream event that is not a JSON chunk: " + e.getMessage(), e);
        }
        if (assembler.failed()) {
            finish();
            return;
        }
        if (delta != null) {
            stream.delivered(sentNanos);
            if (sink != null) {
                sink.delta(delta, assembler.replyId());
            }
        }
    }

    /** [DONE] or an error chunk: the reply as a non-streamed call would have had it, checked the same way. */
    private void finish() {
        finished = true;
        ChatResponse reply;
        try {
            reply = assembler.reply();
        } catch (IOException e) {
            fail(e);
            return;
        }
        OpenRouterApiException error = ErrorDecoder.fromReply(reply, retryAfter);
        if (error != null) {
            onFailure.accept(error);
            cancel();
        } else {
            onReply.accept(reply);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        body.completeExceptionally(throwable);
        if (!finished) {
            finished = true;
            onFailure.accept(throwable);
        }
    }

    @Override
    public void onComplete() {
        body.complete(null);
        if (!finished) {
            finished = true;
            onFailure.accept(new IOException("OpenRouter's stream ended before [DONE], after " + assembler.chunks()
                                             + " chunk(s) and " + stream.deltas()
                                             + " text delta(s): the connection was closed mid-answer"));
        }
    }

    private void fail(Throwable failure) {
        finished = true;
        onFailure.accept(failure);
        cancel();
    }

    /** The most bytes of stream read (maxResponseSize); beyond, the attempt fails and the connection is closed. */
    void limit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Stops reading: the attempt was decided elsewhere (a timeout, a stop) or by an error chunk. */
    void cancel() {
        finished = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        body.complete(null);
    }

    /**
     * How long the stream may stay silent from now before it counts as stalled: the rest of {@code timeoutNanos}
     * since the last bytes arrived, or all of it while reading is paused for the sink.
     */
    long idleRemainingNanos(long timeoutNanos) {
        if (paused) {
            return timeoutNanos;
        }
        return timeoutNanos - (System.nanoTime() - lastActivity);
    }

    int chunks() {
        return assembler.chunks();
    }

    @Override
    public CompletionStage<Void> getBody() {
        return body;
    }
}
