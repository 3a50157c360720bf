package io.github.camelopenrouter.benchmarks.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OpenRouter-compatible server every peer talks to: one selector thread on loopback, HTTP/1.1 keep-alive, request
 * bodies streamed through a {@link JsonChecker} and discarded, and a fixed chat completion as the answer, optionally
 * after a latency that holds no thread. It exists because the benchmark measures clients: the server must cost far
 * less per request than the cheapest client, which its own CPU counter (in {@link BenchServerStats}) shows.
 *
 * <p>{@code POST .../chat/completions} without {@code Authorization: Bearer ...} gets 401, a body that is not one JSON
 * object gets 400, one beyond the capacity (if set: W5) 429 with {@code Retry-After: 1}, anything else 200. {@code GET /bench/stats} answers the counters as JSON.
 */
public final class BenchServer implements AutoCloseable {

    static final String STATS_PATH = "/bench/stats";
    private static final int BACKLOG = 4096;
    private static final int READ_BUFFER = 256 * 1024;
    private static final byte[] REFUSAL = ("{\"error\":{\"code\":429,\"message\":\"Too many requests in progress for"
                                           + " this key: retry after the time in Retry-After\"}}").getBytes(StandardCharsets.UTF_8);

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final Thread loop;
    private final ScheduledThreadPoolExecutor timer;
    private final Queue<Connection> dueReplies = new ConcurrentLinkedQueue<>();
    private volatile long latencyNanos;
    /** Requests held at once; beyond, 429 with {@code Retry-After: 1} (W5's rate-limited key). */
    private volatile int capacity = Integer.MAX_VALUE;
    private final byte[] completion;
    private final Counters counters = new Counters();
    private volatile boolean running = true;

    private BenchServer(Duration latency) throws IOException {
        this.latencyNanos = latency.toNanos();
        this.completion = CompletionReply.bytes();
        this.selector = Selector.open();
        this.listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        this.timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "bench-server-timer"));
        this.loop = daemon(this::serve, "bench-server-" + port());
        loop.start();
    }

    /** Starts on a free loopback port; every chat reply waits {@code latency} first (zero for none). */
    public static BenchServer start(Duration latency) {
        try {
            return new BenchServer(latency);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the benchmark server", e);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    public int port() {
        return ((InetSocketAddress) listenerAddress()).getPort();
    }

    private java.net.SocketAddress listenerAddress() {
        try {
            return listener.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT/api/v1}, the base URL every peer is given. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/api/v1";
    }

    public String statsUrl() {
        return "http://127.0.0.1:" + port() + STATS_PATH;
    }

    /** Every chat reply from now on waits {@code latency} first. */
    public void setLatency(Duration latency) {
        this.latencyNanos = latency.toNanos();
    }

    /**
     * From now on at most {@code capacity} requests are held (waiting out the latency) at once; one beyond is answered
     * {@code 429} at once, with {@code Retry-After: 1} and an OpenRouter error body, and counted as a refusal.
     */
    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    /** The 429s answered for capacity since start. */
    public long capacityRefusals() {
        return counters.refused.get();
    }

    /** Peaks (open connections, requests held) from now on. */
    public void resetPeaks() {
        counters.resetPeaks();
    }

    public BenchServerStats stats() {
        return counters.snapshot(cpuNanos());
    }

    private long cpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : new Thread[] { loop, timerThread() }) {
            if (thread != null) {
                long cpu = threads.getThreadCpuTime(thread.getId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }

    private volatile Thread timerThreadRef;

    private Thread timerThread() {
        return timerThreadRef;
    }

    private void serve() {
        try {
            timer.execute(() -> timerThreadRef = Thread.currentThread());
            while (running) {
                selector.select();
                for (Connection due; (due = dueReplies.poll()) != null;) {
                    due.startReply();
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else {
                        ((Connection) key.attachment()).ready(key);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (running) {
                System.err.println("bench server stopped: " + e);
            }
        }
    }

    private void accept() throws IOException {
        for (SocketChannel channel; (channel = listener.accept()) != null;) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Connection connection = new Connection(channel);
            connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
            counters.opened();
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        try {
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
            listener.close();
        } catch (IOException e) {
            // closing: nothing left to serve
        }
    }

    /** One client connection: reads a request, discards its body through the checker, answers, repeats. */
    private final class Connection {
        private final SocketChannel channel;
        private final RequestReader reader = new RequestReader();
        private final ByteBuffer in = ByteBuffer.allocate(READ_BUFFER);
        private SelectionKey key;
        private ByteBuffer out;
        private boolean closeAfterReply;
        private boolean delayed;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void ready(SelectionKey key) {
            try {
                if (key.isWritable()) {
                    write();
                } else if (key.isReadable()) {
                    read();
                }
            } catch (IOException | RuntimeException e) {
                close();
            }
        }

        private void read() throws IOException {
            int n = channel.read(in);
            if (n < 0) {
                close();
                return;
            }
            in.flip();
            RequestReader.Request request = reader.feed(in.array(), in.position(), in.remaining());
            in.clear();
            if (reader.wantsContinue()) {
                channel.write(ByteBuffer.wrap("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            }
            if (request != null) {
                answer(request);
            }
        }

        private void answer(RequestReader.Request request) {
            closeAfterReply = request.closeConnection();
            if (request.path().startsWith(STATS_PATH)) {
                if (request.path().contains("reset-peaks")) {
                    counters.resetPeaks();
                }
                out = reply(200, stats().toJson().getBytes(StandardCharsets.UTF_8));
                startReply();
                return;
            }
            if (!request.path().endsWith("/chat/completions") || !"POST".equals(request.method())) {
                out = reply(404, "{\"error\":{\"code\":404,\"message\":\"not found\"}}".getBytes(StandardCharsets.UTF_8));
                startReply();
                return;
            }
            counters.request(request.bodyBytes());
            if (!request.authorized()) {
                counters.unauthorized();
                out = reply(401, "{\"error\":{\"code\":401,\"message\":\"No auth credentials found\"}}".getBytes(StandardCharsets.UTF_8));
            } else if (request.jsonProblem() != null) {
                counters.invalid();
                out = reply(400, ("{\"error\":{\"code\":400,\"message\":\"invalid JSON: "
                                  + request.jsonProblem().replace('"', '\'') + "\"}}").getBytes(StandardCharsets.UTF_8));
            } else if (counters.waiting.get() >= capacity) {
                // answered at once, like OpenRouter's refusal of a key with too much in progress
                counters.refused.incrementAndGet();
                out = reply(429, REFUSAL, "\r\nRetry-After: 1");
                startReply();
                return;
            } else {
                counters.valid();
                out = reply(200, completion);
            }
            key.interestOps(0);
            if (latencyNanos <= 0) {
                startReply();
            } else {
                delayed = true;
                counters.waiting(1);
                timer.schedule(() -> {
                    dueReplies.add(this);
                    selector.wakeup();
                }, latencyNanos, TimeUnit.NANOSECONDS);
            }
        }

        /** Runs on the selector thread: now, or when the latency is over. */
        void startReply() {
            if (delayed) {
                delayed = false;
                counters.waiting(-1);
            }
            try {
                write();
            } catch (IOException | RuntimeException e) {
                close();
            }
        }

        private void write() throws IOException {
            channel.write(out);
            if (out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_WRITE);
                return;
            }
            out = null;
            if (closeAfterReply) {
                close();
            } else {
                key.interestOps(SelectionKey.OP_READ);
            }
        }

        private ByteBuffer reply(int status, byte[] body) {
            return reply(status, body, "");
        }

        private ByteBuffer reply(int status, byte[] body, String extraHeaders) {
            String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Error") + "\r\nContent-Type: application/json"
                          + "\r\nContent-Length: " + body.length + (closeAfterReply ? "\r\nConnection: close" : "")
                          + extraHeaders + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            ByteBuffer buffer = ByteBuffer.allocate(headBytes.length + body.length);
            buffer.put(headBytes).put(body).flip();
            return buffer;
        }

        private void close() {
            if (key != null && key.isValid()) {
                key.cancel();
                counters.closed();
            }
            try {
                channel.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    /** Counters the peers' runs read before and after each batch; only the selector thread writes most of them. */
    private static final class Counters {
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong valid = new AtomicLong();
        private final AtomicLong invalid = new AtomicLong();
        private final AtomicLong unauthorized = new AtomicLong();
        private final AtomicLong bodyBytes = new AtomicLong();
        private final AtomicLong open = new AtomicLong();
        private final AtomicLong peakOpen = new AtomicLong();
        private final AtomicLong waiting = new AtomicLong();
        private final AtomicLong peakWaiting = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();

        void request(long bytes) {
            requests.incrementAndGet();
            bodyBytes.addAndGet(bytes);
        }

        void valid() {
            valid.incrementAndGet();
        }

        void invalid() {
            invalid.incrementAndGet();
        }

        void unauthorized() {
            unauthorized.incrementAndGet();
        }

        void opened() {
            peakOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        }

        void closed() {
            open.decrementAndGet();
        }

        void waiting(int delta) {
            long now = waiting.addAndGet(delta);
            if (delta > 0) {
                peakWaiting.accumulateAndGet(now, Math::max);
            }
        }

        /** Peaks from now on, for the next round of in-flight requests. */
        void resetPeaks() {
            peakOpen.set(open.get());
            peakWaiting.set(waiting.get());
        }

        BenchServerStats snapshot(long cpuNanos) {
            return new BenchServerStats(requests.get(), valid.get(), invalid.get(), unauthorized.get(), bodyBytes.get(),
                    cpuNanos, open.get(), peakOpen.get(), peakWaiting.get());
        }
    }
}
