package io.github.camelopenrouter.simulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An in-process stand-in for OpenRouter's {@code POST /api/v1/chat/completions} (and
 * {@code GET /api/v1/models}) on loopback, spoken to over a real socket.
 *
 * <h2>What it answers</h2>
 * <ol>
 *   <li>A transport {@link Fault} drawn for the request ({@link #enqueue} first, then the
 *       {@link #setFaultPolicy policy}) replaces the answer.</li>
 *   <li>{@code Authorization} missing or not {@code Bearer <key>}: 401 "No auth credentials found";
 *       key {@code sk-or-invalid}: 401 "User not found.".</li>
 *   <li>A malformed request: 400 {@code {"error":{"code":400,"message":"<json path>: <problem>",
 *       "metadata":{"error_type":"invalid_request"}}}}.</li>
 *   <li>Else a completion (HTTP 200, headers {@code X-Generation-Id}, {@code X-Simulator-Parsed-Files},
 *       {@code X-Simulator-Reused-Annotations}) whose text describes the request; see {@link ReplyText}
 *       for its exact format and {@link Usage} for the token and cost formula. {@code "stream": true}
 *       gets the same text as server-sent events.</li>
 * </ol>
 * The reply text, for a last user message with one text part and one PDF parsed by the file-parser plugin:
 * <pre>
 * Received 1 text part, 0 images, 1 file, 0 audio, 0 video. Files: invoice.pdf. Text: "Summarise it" Parsed invoice.pdf with mistral-ocr: Invoice 42
 * </pre>
 * With {@code recordBodies=false} bodies are skimmed, not validated, and the text is
 * {@code Received <n> bytes; body not inspected (recordBodies=false).}
 *
 * <h2>Threads</h2>
 * Handlers run on {@link SimulatorSettings#threads()} daemon threads. Latency never holds one: the reply
 * is scheduled on a timer and written when due, so thousands of requests can wait at once.
 */
public final class OpenRouterSimulator implements AutoCloseable {

    /** Pending connections the kernel may queue: a benchmark opens 2,000 at once. */
    private static final int BACKLOG = 4096;

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledThreadPoolExecutor timer;
    private final SimulatorState state;
    private final String baseUrl;

    private OpenRouterSimulator(HttpServer server, ExecutorService workers, ScheduledThreadPoolExecutor timer,
                                SimulatorState state, String baseUrl) {
        this.server = server;
        this.workers = workers;
        this.timer = timer;
        this.state = state;
        this.baseUrl = baseUrl;
    }

    /** Plain http on 127.0.0.1, a free port, {@link SimulatorSettings#defaults()}. */
    public static OpenRouterSimulator start() {
        return start(SimulatorSettings.defaults());
    }

    public static OpenRouterSimulator start(SimulatorSettings settings) {
        return start(settings, 0);
    }

    /** @param port the port to listen on, 0 for any free one */
    public static OpenRouterSimulator start(SimulatorSettings settings, int port) {
        ExecutorService workers = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0L,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), new DaemonThreads("openrouter-sim-worker"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, new DaemonThreads("openrouter-sim-timer"));
        timer.setRemoveOnCancelPolicy(true);
        try {
            HttpServer server = createServer(settings, port);
            SimulatorState state = new SimulatorState();
            ReplyScheduler replies = new ReplyScheduler(workers, timer);
            server.createContext("/", new Router(new ChatCompletionsHandler(settings.recordBodies(), state, replies)));
            server.setExecutor(workers);
            startOnDaemonThread(server);
            String host = settings.sslContext() == null ? "http://127.0.0.1:" : "https://localhost:";
            return new OpenRouterSimulator(server, workers, timer, state,
                    host + server.getAddress().getPort() + "/api/v1");
        } catch (IOException e) {
            workers.shutdownNow();
            timer.shutdownNow();
            throw new UncheckedIOException("Cannot start the OpenRouter simulator on port " + port, e);
        }
    }

    private static HttpServer createServer(SimulatorSettings settings, int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
        if (settings.sslContext() == null) {
            return HttpServer.create(address, BACKLOG);
        }
        HttpsServer server = HttpsServer.create(address, BACKLOG);
        server.setHttpsConfigurator(new HttpsConfigurator(settings.sslContext()));
        return server;
    }

    /**
     * HttpServer's dispatcher thread inherits the daemon flag of the thread that starts it; starting from a
     * daemon thread keeps a forgotten simulator from holding the JVM open.
     */
    private static void startOnDaemonThread(HttpServer server) {
        Thread starter = new Thread(server::start, "openrouter-sim-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the simulator", e);
        }
    }

    /** {@code http://127.0.0.1:<port>/api/v1}, or {@code https://localhost:<port>/api/v1} with TLS. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Chat-completion requests in arrival order (other endpoints are not recorded). */
    public List<RecordedRequest> requests() {
        return state.log.snapshot();
    }

    /** @throws IllegalStateException when no chat-completion request arrived yet */
    public RecordedRequest lastRequest() {
        return state.log.last(baseUrl);
    }

    /** Chat-completion requests received, faulted ones included. */
    public int requestCount() {
        return state.log.count();
    }

    /**
     * Waits until {@code count} chat-completion requests have arrived (since start or reset).
     *
     * @return the last request
     * @throws IllegalStateException when they did not arrive in time
     */
    public RecordedRequest awaitRequests(int count, Duration timeout) {
        return state.log.await(count, timeout, baseUrl);
    }

    /** The next requests get these faults, one each, in order; then the policy decides again. */
    public void enqueue(Fault... faults) {
        state.faults.enqueue(faults);
    }

    /** Consulted for every request while the queue is empty; null for none. */
    public void setFaultPolicy(FaultPolicy policy) {
        state.faults.policy(policy);
    }

    /** Added before every chat-completion reply, faults included. */
    public void setLatency(Duration latency) {
        state.latency(latency);
    }

    /** Forgets requests, queued faults, the policy, the latency, the counters and the generation ids. */
    public void reset() {
        state.reset();
    }

    public SimulatorStats stats() {
        return state.stats.snapshot();
    }

    /** Stops at once: open connections are closed, pending delayed replies are dropped. */
    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        return "OpenRouterSimulator[" + baseUrl + "]";
    }
}
