package io.github.camelopenrouter.observe;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The OpenTelemetry GenAI client metrics, in Micrometer: {@code gen_ai.client.operation.duration} (seconds) and
 * {@code gen_ai.client.token.usage} (tokens, by {@code gen_ai.token.type}), with the conventions' attribute names, plus
 * what OpenRouter adds - the cost in USD - and the component's flow control (requests under way, waiting for a retry,
 * retries). Only loaded when Micrometer is on the classpath ({@link Meters}).
 *
 * <p>Every meter of a name carries the same tag keys, as Prometheus requires: {@code error.type} and
 * {@code gen_ai.response.model} are empty when they do not apply, which Prometheus treats as absent.
 */
final class MicrometerMeters implements EndpointMeters {

    static final String DURATION = "gen_ai.client.operation.duration";
    static final String TOKEN_USAGE = "gen_ai.client.token.usage";
    static final String COST = "openrouter.client.cost";
    static final String RETRIES = "openrouter.client.retries";
    static final String ACTIVE = "openrouter.client.requests.active";
    static final String WAITING_RETRY = "openrouter.client.requests.waiting_retry";
    static final String CONCURRENCY_LIMIT = "openrouter.client.concurrency.limit";
    static final String IN_FLIGHT = "openrouter.client.requests.in_flight";
    static final String QUEUED = "openrouter.client.requests.queued";
    static final String LOAD_REFUSALS = "openrouter.client.load_refusals";
    static final String PROVIDER = "openrouter";

    private final MeterRegistry registry;
    private final Tags server;
    private final java.util.List<io.micrometer.core.instrument.Meter> gauges = new java.util.ArrayList<>(2);

    MicrometerMeters(MeterRegistry registry, String baseUrl) {
        this.registry = registry;
        URI uri = URI.create(baseUrl);
        int port = uri.getPort() >= 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
        this.server = Tags.of("gen_ai.provider.name", PROVIDER, "server.address", String.valueOf(uri.getHost()),
                "server.port", String.valueOf(port));
    }

    /** Gauges over the endpoint's sender: requests under way and waiting for a retry, read when scraped. */
    <T> void gauges(T source, String operation, String endpoint, ToDoubleFunction<T> active, ToDoubleFunction<T> waiting) {
        Tags tags = server.and("gen_ai.operation.name", operation, "camel.endpoint", endpoint);
        gauges.add(Gauge.builder(ACTIVE, source, active).tags(tags).strongReference(false)
                .description("Requests sent to OpenRouter and not finished yet: in flight or waiting for a retry")
                .register(registry));
        gauges.add(Gauge.builder(WAITING_RETRY, source, waiting).tags(tags).strongReference(false)
                .description("Requests waiting for their next attempt after a retryable failure")
                .register(registry));
    }

    /**
     * The component-wide flow control (one limiter for all endpoints of the component): the current limit, requests in
     * flight and queued for a slot, and refusals for load. Registered once per registry; later calls find them there.
     */
    <C> void componentGauges(C component, ToDoubleFunction<C> limit, ToDoubleFunction<C> inFlight,
            ToDoubleFunction<C> queued, ToDoubleFunction<C> refusals) {
        Gauge.builder(CONCURRENCY_LIMIT, component, limit).tags(server).strongReference(false)
                .description("The current limit on requests in flight (lowered after refusals for load when"
                             + " adaptiveConcurrency is on)").register(registry);
        Gauge.builder(IN_FLIGHT, component, inFlight).tags(server).strongReference(false)
                .description("Requests in flight to OpenRouter, all endpoints of the component").register(registry);
        Gauge.builder(QUEUED, component, queued).tags(server).strongReference(false)
                .description("Requests waiting for a free slot under the concurrency limit").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder(LOAD_REFUSALS, component, refusals).tags(server)
                .description("Refusals for load (429, 503) since the component started").register(registry);
    }

    /** The gauges read a stopped endpoint no more; one started again registers new ones. */
    @Override
    public void close() {
        gauges.forEach(registry::remove);
        gauges.clear();
    }

    @Override
    public void finished(CallRecord call) {
        if (!isGenAi(call.operation())) {
            return;
        }
        Tags tags = server.and("gen_ai.operation.name", call.operation(),
                "gen_ai.request.model", orEmpty(call.requestModel()),
                "gen_ai.response.model", orEmpty(call.responseModel()));
        Timer.builder(DURATION).description("GenAI operation duration").tags(tags)
                .tag("error.type", orEmpty(call.errorType()))
                .register(registry).record(call.durationNanos(), TimeUnit.NANOSECONDS);
        if (call.inputTokens() != null) {
            tokens(tags, "input").record(call.inputTokens());
        }
        if (call.outputTokens() != null) {
            tokens(tags, "output").record(call.outputTokens());
        }
        if (call.cost() != null) {
            Counter.builder(COST).baseUnit("usd").description("What OpenRouter charged for the calls, in USD")
                    .tags(tags).register(registry).increment(call.cost());
        }
        if (call.retries() > 0) {
            Counter.builder(RETRIES).description("Attempts sent again after a retryable failure")
                    .tags(server.and("gen_ai.operation.name", call.operation(), "gen_ai.request.model",
                            orEmpty(call.requestModel())))
                    .register(registry).increment(call.retries());
        }
    }

    private DistributionSummary tokens(Tags tags, String type) {
        return DistributionSummary.builder(TOKEN_USAGE).baseUnit("tokens").description("Measures number of input and"
                                                                                           + " output tokens used")
                .tags(tags).tag("gen_ai.token.type", type).register(registry);
    }

    /** The operations the GenAI conventions name; files, models and the account calls are not model calls. */
    private static boolean isGenAi(String operation) {
        return "chat".equals(operation) || "embeddings".equals(operation);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
