package io.github.camelopenrouter.client;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.camelopenrouter.stream.DeltaSink;
import io.github.camelopenrouter.wire.ChatResponse;

/**
 * A chat completion read as server-sent events, across the attempts of one request. The client reads each attempt's
 * stream with a {@link StreamSubscriber} and hands the text deltas to the {@link DeltaSink}; this object remembers what
 * must outlive one attempt: how many deltas went out (after the first, a failure is not sent again: whoever reads the
 * deltas would see the answer twice), the time to the first one, and how to cancel the attempt in flight.
 *
 * <p>It is the call's {@link ApiCall.Decoder} too, for a 2xx that is not an event stream (a JSON reply or error).
 */
public final class ChatStream implements ApiCall.Decoder<ChatResponse> {

    private final DeltaSink sink;
    private volatile int deltas;
    private volatile long timeToFirstTokenMillis = -1;
    private volatile Consumer<Throwable> inFlight;
    private volatile Throwable cancelled;

    /** @param sink where the deltas go; null to only assemble the answer */
    public ChatStream(DeltaSink sink) {
        this.sink = sink;
    }

    @Override
    public ChatResponse decode(int status, HttpHeaders headers, byte[] body) throws IOException {
        return OpenRouterClient.decodeChat(status, headers, body);
    }

    DeltaSink sink() {
        return sink;
    }

    /** A delta arrived (on the attempt sent at {@code sentNanos}); counted before it goes to the sink. */
    void delivered(long sentNanos) {
        if (deltas++ == 0) {
            timeToFirstTokenMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentNanos);
        }
    }

    /** False once a delta went out, or the stream was cancelled. */
    boolean mayRetry() {
        return deltas == 0 && cancelled == null;
    }

    /** Text deltas received so far. */
    public int deltas() {
        return deltas;
    }

    /** Milliseconds from sending to the first text delta, or -1 when none came. */
    public long timeToFirstTokenMillis() {
        return timeToFirstTokenMillis;
    }

    /** The attempt now in flight, which {@link #cancel} aborts. */
    void attach(Consumer<Throwable> abort) {
        inFlight = abort;
        Throwable reason = cancelled;
        if (reason != null) {
            abort.accept(reason);
        }
    }

    /** Stops the stream: the HTTP exchange in flight is cancelled and fails with {@code reason}; no retry follows. */
    public void cancel(Throwable reason) {
        cancelled = reason;
        Consumer<Throwable> abort = inFlight;
        if (abort != null) {
            abort.accept(reason);
        }
    }
}
