package io.github.camelopenrouter.simulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An in-process stand-in for OpenRouter's {@code POST /api/v1/chat/completions} on loopback, spoken to
 * over a real socket, with the endpoints around it: the Files API ({@code /files}), {@code /models},
 * {@code /embeddings}, {@code /generation}, {@code /credits} and {@code /key} (see {@link #apiRequests()}).
 * <pre>
 * try (OpenRouterSimulator openRouter = OpenRouterSimulator.start()) {
 *     // point the client at openRouter.baseUrl(), send, then
 *     assertThat(openRouter.lastRequest().json().at("/messages/0/content/1/type").asText()).isEqualTo("file");
 * }
 * </pre>
 *
 * <h2>What it answers</h2>
 * <ol>
 *   <li>A transport {@link Fault} drawn for the request ({@link #enqueue} first, then the
 *       {@link #setFaultPolicy policy}) replaces the answer.</li>
 *   <li>{@code Authorization} missing or not {@code Bearer <key>}: 401
 *       {@code {"error":{"code":401,"message":"No auth credentials found"}}}; key {@code sk-or-invalid}: 401
 *       "User not found.".</li>
 *   <li>A malformed request: 400 {@code {"error":{"code":400,"message":"<json path>: <problem>",
 *       "metadata":{"error_type":"invalid_request"}}}}, e.g. "messages[0].content[1].image_url.url: ...".</li>
 *   <li>Else HTTP 200, headers {@code X-Generation-Id: gen-sim-<n>} (n counts from 1 since start or reset;
 *       {@link #setGenerationIdHeader} leaves it out),
 *       {@code X-Simulator-Parsed-Files} and {@code X-Simulator-Reused-Annotations}, and a
 *       {@code chat.completion} whose {@code model} is the first of {@code models} not made
 *       {@link #setUnavailableModels unavailable}, else {@code model}, else "openrouter/auto" (503 when none is
 *       available), {@code system_fingerprint} null, {@code native_finish_reason} the provider's word
 *       (end_turn for anthropic/..., STOP for google/..., else stop) and {@code usage} with {@code cost_details} and
 *       {@code is_byok} ({@link #setByok}). A generation fault may still turn it into an error.
 *       {@code "stream": true} gets the same text as server-sent events: {@code : OPENROUTER PROCESSING},
 *       chunks whose {@code delta.content} pieces join to the text (the last one has finish_reason "stop"
 *       and the annotations), a chunk with empty {@code choices} and the {@code usage}, {@code data: [DONE]}, cut and
 *       paced as {@link #setStreamShape} says; each chunk is a valid {@code ChatStreamChunk} of the official SDK.</li>
 * </ol>
 *
 * <h2>The reply text</h2>
 * It describes the <em>last user message</em>, in one line (brackets mark optional pieces):
 * <pre>
 * Received T text part(s), I image(s), F file(s), A audio, V video.[ Files: a.pdf, b.pdf.][ Text: "first text"]
 * </pre>
 * followed, per distinct inline PDF of the whole request (by SHA-256, in order of first appearance), by
 * {@code  Parsed a.pdf with ENGINE: extracted text} or {@code  Reused annotations for a.pdf.}. Singular
 * when the count is 1 ("1 text part", "0 text parts", "1 image", "2 files"); "audio" and "video" never
 * change. A string content is one text part. "first text" and "extracted text" longer than 200 characters are
 * cut after their last whole word within 197 and end in "..."; files are named by {@code filename} (else {@code file_id}). Example:
 * <pre>
 * Received 1 text part, 2 images, 1 file, 0 audio, 0 video. Files: invoice.pdf. Text: "Summarise the attached invoice" Parsed invoice.pdf with mistral-ocr: Invoice 42 Total 99 EUR
 * </pre>
 * A request with {@code response_format} {@code json_schema} is answered with JSON made up from its schema (every
 * property, the first enum value, formats such as {@code date}, numbers within bounds, local {@code $ref}s); one with
 * {@code json_object} with {@code {"answer":"<the line above>"}}. {@link #setJsonAnswer} makes these answers break the
 * schema, or wraps them in prose and a code fence that the {@code response-healing} plugin removes.
 * With {@code recordBodies=false} the body is skimmed, not validated:
 * {@code Received <n> bytes; body not inspected (recordBodies=false).}
 *
 * <h2>PDF parsing ("skip parsing costs")</h2>
 * A PDF sent as {@code data:application/pdf;base64,...} is <em>reused</em> when a later assistant message
 * of the same request carries a file annotation with its hash; else <em>parsed</em> when the
 * {@code file-parser} plugin names engine mistral-ocr or cloudflare-ai (pdf-text counts as cloudflare-ai);
 * else (native, no engine, no plugin) left to the model. A parsed PDF adds
 * {@code {"type":"file","file":{"hash":"<sha256 hex>","name":"<filename>","content":[{"type":"text","text":"<extracted text>"}]}}}
 * to {@code message.annotations}; the text is what the Tj/TJ operators of uncompressed content streams
 * show, joined by spaces, or "[no text layer]". Reused PDFs get no new annotation. PDFs sent by URL are
 * never parsed. A {@code file_id} part names a file of the Files API (an unknown id is a 400 naming the part);
 * a PDF referenced that way is parsed, counted and reused exactly like the same PDF sent inline (by its hash).
 *
 * <h2>OpenRouter's own request features</h2>
 * <ul>
 *   <li>{@code provider}: the reply's {@code provider} is the first of {@code provider.order} not in
 *       {@code ignore}, else the first of {@code only}, else "SimProvider".</li>
 *   <li>{@code reasoning} (an effort other than none, a {@code max_tokens} budget, {@code enabled} or
 *       {@code exclude}) or {@code reasoning_effort}: {@code message.reasoning} is
 *       "Simulated reasoning (effort E): the question was read, the answer follows." (or "(max_tokens N)"), left
 *       out with {@code exclude: true}; its tokens are {@code completion_tokens_details.reasoning_tokens} either
 *       way.</li>
 *   <li>{@code cache_control} (top level): the first request with given model and messages reports
 *       {@code prompt_tokens_details.cache_write_tokens} = prompt_tokens, each repeat
 *       {@code cached_tokens} = prompt_tokens.</li>
 *   <li>The {@code web} plugin: {@code max_results} (default 5) {@code url_citation} annotations
 *       {@code {"url":"https://search.simulator.invalid/result/<i>","title":"Result <i> (<engine>)",
 *       "content":"What the web says about: <first text of the last user message, 60 chars>","start_index":0,
 *       "end_index":10}}, after the file annotations.</li>
 *   <li>Out of range (checked as OpenRouter documents them): top_p and min_p 0..1, frequency and presence
 *       penalty -2..2, repetition_penalty above 0 up to 2, top_k an integer of 0 or more, seed an integer,
 *       stop at most 4, reasoning effort/max_tokens (one of them), cache_control type/ttl, provider sort,
 *       data_collection and max_price, session_id at most 256 characters, metadata at most 16 string pairs
 *       (keys 64, values 512), web max_results and engine: 400 naming the field.</li>
 * </ul>
 *
 * <h2>Usage</h2>
 * <pre>
 * prompt_tokens     = ceil(characters of all text in all messages / 4) + 85 per image
 *                     + 258 per audio or video part + 500 per page of every file part
 *                     (pages = count of "/Type /Page" objects, at least 1; 1 for a URL or a file_id
 *                     that is not a PDF)
 * completion_tokens = ceil(reply text length / 4) + reasoning_tokens
 * cost              = prompt_tokens * 0.0000003 + completion_tokens * 0.0000025
 *                     + 0.002 per page of each PDF parsed with mistral-ocr in this request,
 *                     rounded half-up to 8 decimals
 * </pre>
 * With {@code recordBodies=false}, prompt_tokens = ceil(body bytes / 4).
 *
 * <h2>The other endpoints</h2>
 * Each answers in the shape of the official SDK's schema (checked by the test-infra's SDK check), with
 * {@code Authorization} checked as for chat (except the public {@code GET /models}), and the transport
 * faults of {@link #enqueueApi}. Recorded as {@link ApiRequest}s (a multipart upload by its parts' names,
 * file names, sizes and SHA-256, not their bytes).
 * <ul>
 *   <li>{@code POST /files}: multipart part {@code file}; 413 over {@link #setMaxFileBytes} (100 MB), 400 when
 *       empty or of a type OpenRouter does not take (decided from the bytes); ids {@code or_file_sim<n>}.
 *       {@code GET /files} ({@code limit}, {@code order}, {@code cursor}), {@code GET/DELETE /files/{id}} (404
 *       when unknown), {@code GET /files/{id}/content}: the bytes of a {@link #addServerFile server-side file},
 *       400 for an uploaded one (OpenRouter: "only files created server-side are downloadable").</li>
 *   <li>{@code GET /models}: a fixed catalog with modalities and per-token prices; {@code input_modalities},
 *       {@code output_modalities} (default "text", "all" for every model) and {@code supported_parameters}
 *       filter it (every listed value must match); an unknown modality is a 400.</li>
 *   <li>{@code POST /embeddings}: deterministic unit vectors (see {@code Embeddings}); 400 for a model that
 *       is not an embeddings model.</li>
 *   <li>{@code GET /generation?id=}: the record of a served completion or embedding, 404 until
 *       {@link #setGenerationDelay} (300 ms) after the reply.</li>
 *   <li>{@code GET /credits}: {@code total_credits} ({@link #setCredits}, 10) and {@code total_usage}, the sum
 *       of the costs served; 403 for the key {@code sk-or-v1-not-a-management-key}. {@code GET /key}: the key's
 *       {@code limit} ({@link #setKeyLimit}, 5) and {@code limit_remaining} = limit - usage.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * Handlers run on {@link SimulatorSettings#threads()} daemon threads. Latency never holds one: the reply
 * is scheduled on a timer and written when due, so thousands of requests can wait at once. Loading this
 * class sets {@code sun.net.httpserver.nodelay=true} unless already set (see the static initializer).
 */
public final class OpenRouterSimulator implements AutoCloseable {

    /** Pending connections the kernel may queue: a benchmark opens 2,000 at once. */
    private static final int BACKLOG = 4096;

    static {
        // HttpServer writes the response headers and the body in two writes; with Nagle's algorithm on, the
        // body then waits for the client's delayed ACK (40 ms on Linux), which capped a keep-alive connection
        // at about 25 requests per second. The JDK reads this switch once, when its first HttpServer starts;
        // it only concerns com.sun.net.httpserver, and an explicit setting by the user wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

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
            server.createContext("/", new Router(new ChatCompletionsHandler(settings.recordBodies(), state, replies),
                    new ApiHandler(state, replies)));
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

    /**
     * How streamed answers are cut and paced (until {@link #reset}): a long answer for back-pressure tests, processing
     * comments at an interval, pauses between deltas. Stream faults ({@link Fault#streamDrop}, {@link Fault#streamStall},
     * {@link Fault#slowFirstToken}) are drawn per request like the others.
     */
    public void setStreamShape(StreamShape shape) {
        state.streamShape(shape);
    }

    /**
     * Streamed answers being written at this moment; one drops out when it is done or when the client went away (the
     * next write fails), which is how a test sees that a client cancelled a stream.
     */
    public int openStreams() {
        return state.openStreams.get();
    }

    /** Added before every chat-completion reply, faults included. */
    public void setLatency(Duration latency) {
        state.latency(latency);
    }

    /**
     * Accepts at most {@code capacity} chat completions in progress at once; beyond, a request is refused at once with
     * 429, {@code {"error":{"code":429,"message":"Too many requests in progress for this key: ..."}}} and, unless null,
     * {@code Retry-After: retryAfter}. Refusals are not recorded as requests (see {@link #capacityRefusals()}). A
     * request is in progress from its arrival until just before its reply is written. {@link #reset()} lifts the limit.
     */
    public void setCapacity(int capacity, String retryAfter) {
        state.capacity.set(capacity, retryAfter);
    }

    /** Chat completions refused by {@link #setCapacity} since start or reset. */
    public long capacityRefusals() {
        return state.capacity.refused();
    }

    /** The most chat completions in progress at once since start or reset (measured with or without a capacity). */
    public int peakInProgress() {
        return state.capacity.peak();
    }

    /** Chat completions in progress now. */
    public int inProgress() {
        return state.capacity.inProgress();
    }

    /**
     * How requests asking for JSON ({@code response_format} {@code json_schema} or {@code json_object}) are answered
     * from now on (default {@link JsonAnswer#FITS_SCHEMA}; {@link #reset} restores it).
     */
    public void setJsonAnswer(JsonAnswer answer) {
        state.jsonAnswer(answer);
    }

    /**
     * Whether completions say they ran on the user's own provider key: {@code usage.is_byok} true and
     * {@code cost_details.upstream_inference_cost} the provider's charge (default false; {@link #reset} restores it).
     */
    public void setByok(boolean byok) {
        state.byok(byok);
    }

    /**
     * Whether successful completions carry the {@code X-Generation-Id} response header (default true, as OpenRouter's
     * do; {@link #reset} restores it). Without it a client must fall back to the body's {@code id}.
     */
    public void setGenerationIdHeader(boolean send) {
        state.generationIdHeader(send);
    }

    /**
     * Requests to the endpoints other than chat completions (files, models, embeddings, generation, credits, key), in
     * arrival order, faulted ones included.
     */
    public List<ApiRequest> apiRequests() {
        return state.apiLog.snapshot();
    }

    /** Waits until {@code count} requests reached the endpoints other than chat completions; returns them all. */
    public List<ApiRequest> awaitApiRequests(int count, Duration timeout) {
        return state.apiLog.await(count, timeout);
    }

    /**
     * The next requests to the endpoints other than chat completions get these transport faults ({@link Fault#status},
     * {@link Fault#error}, {@link Fault#rateLimited}, {@link Fault#htmlPage}, {@link Fault#dropConnection},
     * {@link Fault#dropMidReply}), one each, in order. Chat completions have their own queue ({@link #enqueue}).
     */
    public void enqueueApi(Fault... faults) {
        state.apiFaults.enqueue(faults);
    }

    /**
     * Consulted for every request to the endpoints other than chat completions while their queue is empty; null for
     * none. For example {@code i -> Fault.error(401, "User not found.")} revokes the key until it is set back to null.
     */
    public void setApiFaultPolicy(FaultPolicy policy) {
        state.apiFaults.policy(policy);
    }

    /**
     * Stores a file as if OpenRouter had created it server-side: unlike an uploaded one, it is downloadable.
     *
     * @return its id
     */
    public String addServerFile(String filename, byte[] content) {
        String type = FileTypes.detect(content);
        return state.files.add(filename, type == null ? "application/octet-stream" : type, content.clone(), true).id();
    }

    /** Ids of the files the Files API holds, oldest first. */
    public List<String> fileIds() {
        return state.files.list().stream().map(FileStore.StoredFile::id).toList();
    }

    /**
     * Makes these models answer as OpenRouter does when a model has no endpoint up: a request naming them in
     * {@code models} is served by the next model of the list (and {@code model} in the reply says which); a request
     * with no available model at all gets 503. Cleared by {@link #reset()}.
     */
    public void setUnavailableModels(String... models) {
        state.unavailableModels.clear();
        state.unavailableModels.addAll(List.of(models));
    }

    /** The largest upload accepted, in bytes (default 100 MB, OpenRouter's limit); a larger one is answered 413. */
    public void setMaxFileBytes(long bytes) {
        state.files.maxBytes(bytes);
    }

    /** How long after a call its generation record becomes readable (default 300 ms); before that: 404. */
    public void setGenerationDelay(Duration delay) {
        state.generationLog.delay(delay);
    }

    /** The account's total credits in USD (default 10); {@code GET /credits} reports them with the usage so far. */
    public void setCredits(BigDecimal totalCredits) {
        state.account.totalCredits(totalCredits);
    }

    /** The key's spending limit in USD (default 5), null for none; {@code GET /key} reports what remains of it. */
    public void setKeyLimit(BigDecimal limit) {
        state.account.keyLimit(limit);
    }

    /** What the served chat completions and embeddings cost so far, in USD. */
    public BigDecimal usage() {
        return state.account.usage();
    }

    /**
     * Forgets requests, queued faults, the policy, the latency, the counters, the generation ids and records, the
     * stored files and the account's usage; limits and delays return to their defaults.
     */
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
