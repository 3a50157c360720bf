package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A streamed answer written as it is generated, one event at a time (nothing is built up front, so a 50,000-delta
 * answer costs the simulator one chunk of memory): the processing comment, the content deltas (role on the first,
 * finish_reason and annotations on the last), the usage chunk, {@code [DONE]}. The shape and a stream fault (drop,
 * stall, slow first token) decide the pacing. Writing blocks while the client does not read: TCP back-pressure reaches
 * the simulator as it would reach OpenRouter. A paced or blocked stream holds one worker thread while it lasts.
 */
final class StreamReply implements Reply {

    private final Completion completion;
    private final List<String> pieces;
    private final int deltas;
    private final StreamShape shape;
    private final Fault fault;
    private final Map<String, String> headers;
    private final java.util.concurrent.atomic.AtomicInteger open;
    private long lastComment;

    private StreamReply(Completion completion, List<String> pieces, int deltas, StreamShape shape, Fault fault,
                        Map<String, String> headers, java.util.concurrent.atomic.AtomicInteger open) {
        this.open = open;
        this.completion = completion;
        this.pieces = pieces;
        this.deltas = deltas;
        this.shape = shape;
        this.fault = fault;
        this.headers = headers;
    }

    /** The answer to stream: {@code base}'s text cut (and cycled) as the shape says, with the usage of that text. */
    static StreamReply of(Completion base, StreamShape shape, Fault fault, Map<String, String> headers,
                          java.util.concurrent.atomic.AtomicInteger open) {
        List<String> pieces = CompletionJson.pieces(base.text(), shape.pieceChars());
        int deltas = shape.deltas() > 0 ? shape.deltas() : pieces.size();
        long chars = 0;
        for (int i = 0; i < deltas; i++) {
            chars += pieces.get(i % pieces.size()).length();
        }
        Usage usage = base.usage().withCompletionChars(chars);
        Completion shaped = new Completion(base.id(), base.model(), base.provider(), base.created(), base.text(),
                base.reasoning(), base.files(), base.citations(), usage);
        return new StreamReply(shaped, pieces, deltas, shape, fault, headers, open);
    }

    Usage usage() {
        return completion.usage();
    }

    @Override
    public void writeTo(HttpExchange exchange) throws IOException {
        open.incrementAndGet();
        try {
            write(exchange);
        } finally {
            open.decrementAndGet();
        }
    }

    private void write(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        comment(out);
        if (is(Fault.Kind.SLOW_FIRST_TOKEN)) {
            waitWithComments(out, fault.delay());
        }
        ArrayNode annotations = CompletionJson.annotations(completion);
        for (int i = 0; i < deltas; i++) {
            if (is(Fault.Kind.STREAM_DROP) && i == fault.afterDeltas()) {
                out.close(); // ends the chunked body here: no usage, no [DONE]
                return;
            }
            if (is(Fault.Kind.STREAM_STALL) && i == fault.afterDeltas()) {
                sleep(fault.delay());
            }
            if (i > 0 && !shape.deltaInterval().isZero()) {
                waitWithComments(out, shape.deltaInterval());
            }
            write(out, CompletionJson.data(CompletionJson.delta(completion, pieces.get(i % pieces.size()), i == 0,
                    i == deltas - 1, annotations)));
        }
        if (is(Fault.Kind.STREAM_DROP) && fault.afterDeltas() >= deltas) {
            out.close();
            return;
        }
        write(out, CompletionJson.data(CompletionJson.usageChunk(completion)));
        write(out, CompletionJson.DONE);
        out.close();
    }

    private boolean is(Fault.Kind kind) {
        return fault != null && fault.kind() == kind;
    }

    private void waitWithComments(OutputStream out, Duration wait) throws IOException {
        long end = System.nanoTime() + wait.toNanos();
        long interval = shape.commentInterval().toNanos();
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                return;
            }
            if (interval > 0 && now - lastComment >= interval) {
                comment(out);
            }
            long next = interval > 0 ? Math.min(end, lastComment + interval) : end;
            sleep(Duration.ofNanos(Math.max(0, next - now)));
        }
    }

    private void comment(OutputStream out) throws IOException {
        lastComment = System.nanoTime();
        write(out, CompletionJson.PROCESSING);
    }

    private static void write(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pacing a stream", e);
        }
    }
}
