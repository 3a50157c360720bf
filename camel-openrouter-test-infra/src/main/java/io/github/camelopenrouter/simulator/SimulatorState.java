package io.github.camelopenrouter.simulator;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Everything {@link OpenRouterSimulator#reset()} clears, shared by the handlers. */
final class SimulatorState {

    final RequestLog log = new RequestLog();
    final FaultSchedule faults = new FaultSchedule();
    final StatsCounter stats = new StatsCounter();
    final ApiRequestLog apiLog = new ApiRequestLog();
    final FaultSchedule apiFaults = new FaultSchedule();
    final FileStore files = new FileStore();
    final GenerationLog generationLog = new GenerationLog();
    final Account account = new Account();
    /** Models that answer "no endpoints": a request's next model of {@code models} answers instead. */
    final Set<String> unavailableModels = ConcurrentHashMap.newKeySet();
    /** Prompts (model and messages) sent with {@code cache_control}: sent again, they are read from the cache. */
    final Set<String> promptCache = ConcurrentHashMap.newKeySet();
    final Capacity capacity = new Capacity();
    private final AtomicLong generations = new AtomicLong();
    private volatile Duration latency = Duration.ZERO;
    private volatile JsonAnswer jsonAnswer = JsonAnswer.FITS_SCHEMA;
    private volatile boolean byok;
    private volatile boolean generationIdHeader = true;
    private volatile StreamShape streamShape = StreamShape.defaults();
    /** Streams being written right now (a gauge: not reset). */
    final java.util.concurrent.atomic.AtomicInteger openStreams = new java.util.concurrent.atomic.AtomicInteger();

    /** A request and the fault it drew. */
    record Admission(int index, Fault fault) {
    }

    /**
     * Records the request and draws its fault in one step, so that queued faults go to requests in
     * the order they were recorded even when handler threads race.
     */
    synchronized Admission admit(RecordedRequest request) {
        stats.request();
        int index = log.add(request);
        return new Admission(index, faults.next(index));
    }

    String nextGenerationId() {
        return "gen-sim-" + generations.incrementAndGet();
    }

    /** A served call: its generation becomes readable after the delay, its cost comes off the credits. */
    void charge(GenerationLog.Call call) {
        generationLog.record(call);
        account.charge(call.cost());
    }

    StreamShape streamShape() {
        return streamShape;
    }

    void streamShape(StreamShape shape) {
        if (shape == null) {
            throw new IllegalArgumentException("streamShape must not be null: use StreamShape.defaults()");
        }
        streamShape = shape;
    }

    Duration latency() {
        return latency;
    }

    void latency(Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive, got " + value);
        }
        latency = value;
    }

    JsonAnswer jsonAnswer() {
        return jsonAnswer;
    }

    void jsonAnswer(JsonAnswer value) {
        jsonAnswer = value == null ? JsonAnswer.FITS_SCHEMA : value;
    }

    boolean byok() {
        return byok;
    }

    void byok(boolean value) {
        byok = value;
    }

    boolean generationIdHeader() {
        return generationIdHeader;
    }

    void generationIdHeader(boolean value) {
        generationIdHeader = value;
    }

    synchronized void reset() {
        log.clear();
        faults.clear();
        stats.reset();
        streamShape = StreamShape.defaults();
        generations.set(0);
        apiLog.clear();
        apiFaults.clear();
        files.clear();
        generationLog.clear();
        account.reset();
        capacity.reset();
        latency = Duration.ZERO;
        unavailableModels.clear();
        promptCache.clear();
        jsonAnswer = JsonAnswer.FITS_SCHEMA;
        byok = false;
        generationIdHeader = true;
    }
}
