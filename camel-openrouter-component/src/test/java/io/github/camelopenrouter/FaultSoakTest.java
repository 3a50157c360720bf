package io.github.camelopenrouter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.simulator.FaultPolicy;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.SimulatorSettings;
import io.github.camelopenrouter.simulator.SimulatorStats;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of exchanges through a concurrent route while the simulator injects about 5% mixed faults and, like a
 * rate-limited key, refuses more than {@value #CAPACITY} requests in progress with 429 + Retry-After. The route has no
 * throttle of its own: the component's limit adapts. Every exchange must end exactly once - answered, or in the
 * dead-letter collector - none may hang, and none that drew no injected fault may be dead-lettered (the capacity
 * refusals are the component's own burst). The figures are printed and written to {@code target/soak-report.txt}.
 *
 * <p>CI runs 1,500 exchanges (about 10 s on a loaded 2-core machine). The full size: {@code mvn -B -pl camel-openrouter-component test -Dtest=FaultSoakTest
 * -Dsoak.exchanges=10000}.
 */
class FaultSoakTest {

    private static final int EXCHANGES = Integer.getInteger("soak.exchanges", 1500);
    private static final double FAULT_RATE = 0.05;
    private static final long SEED = 20250601L;
    private static final int CONSUMERS = 16;
    /** What the simulated key holds in progress; beyond it: 429 + Retry-After. */
    private static final int CAPACITY = 32;
    private static final String CAPACITY_RETRY_AFTER = "1";
    private static final int LATENCY_MS = 50;
    /** Two cores carry both the route and the simulator here: 200 requests at once already take up to a second. */
    private static final int REQUEST_TIMEOUT_MS = 2000;

    /** Each kind of fault and how the simulator shows it; the soak draws one of them for about 5% of requests. */
    private static final Map<String, Supplier<Fault>> FAULTS = new TreeMap<>(Map.of(
            // Retry-After 0: a waited Retry-After pauses the whole queue (RetryTest and AdaptiveConcurrencyTest cover it);
            // dozens of one-second pauses would only make the soak slow
            "429 Retry-After 0 (sent again)", () -> Fault.rateLimited("0"),
            "429 Retry-After 120 s (above retryMaxDelay: fails fast)", () -> Fault.rateLimited("120"),
            "502 JSON", () -> Fault.error(502, "Provider returned error"),
            "503 JSON", () -> Fault.error(503, "No provider available"),
            "502 HTML page", () -> Fault.htmlPage(502),
            "connection dropped before the reply", Fault::dropConnection,
            "connection dropped mid-reply", Fault::dropMidReply,
            "reply slower than requestTimeout", () -> Fault.delay(Duration.ofMillis(REQUEST_TIMEOUT_MS + 1500)),
            "200 carrying an error", Fault::errorInBody200,
            "200 with finish_reason error", Fault::finishReasonError));

    @Test
    void everyExchangeEndsExactlyOnceUnderMixedFaults() throws Exception {
        ConcurrentMap<String, LongAdder> injected = new ConcurrentHashMap<>();
        String[] kinds = FAULTS.keySet().toArray(String[]::new);
        FaultPolicy policy = index -> {
            SplittableRandom random = new SplittableRandom(SEED + index);
            if (random.nextDouble() >= FAULT_RATE) {
                return null;
            }
            String kind = kinds[random.nextInt(kinds.length)];
            injected.computeIfAbsent(kind, k -> new LongAdder()).increment();
            return FAULTS.get(kind).get();
        };

        Outcomes outcomes = new Outcomes(EXCHANGES);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start(
                SimulatorSettings.defaults().withRecordBodies(false).withThreads(8));
             DefaultCamelContext camel = new DefaultCamelContext()) {
            // long enough that the key's capacity is met however slowly a loaded machine sends
            simulator.setLatency(Duration.ofMillis(LATENCY_MS));
            simulator.setFaultPolicy(policy);
            simulator.setCapacity(CAPACITY, CAPACITY_RETRY_AFTER);
            camel.addComponent("openrouter", component(simulator));
            camel.addRoutes(route(outcomes));
            camel.start();
            threads.resetPeakThreadCount();
            int threadsBefore = threads.getThreadCount();

            long started = System.nanoTime();
            ProducerTemplate producer = camel.createProducerTemplate();
            for (int i = 0; i < EXCHANGES; i++) {
                producer.sendBodyAndHeader("seda:soak", "Question " + i, "soakId", i);
            }
            boolean allEnded = outcomes.ended.await(110, TimeUnit.SECONDS);
            long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            // the collectors count an exchange down just before it completes: give the last ones a moment
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (camel.getInflightRepository().size() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            int inflightAfter = camel.getInflightRepository().size();
            SimulatorStats stats = simulator.stats();

            String report = report(outcomes, injected, stats, wallMillis, threadsBefore, threads.getPeakThreadCount())
                            + "capacity " + CAPACITY + " (Retry-After " + CAPACITY_RETRY_AFTER + " s): "
                            + simulator.capacityRefusals() + " refusals, peak in progress " + simulator.peakInProgress()
                            + "; concurrency limit at the end "
                            + camel.getComponent("openrouter", OpenRouterComponent.class).getConcurrencyLimit() + "\n";
            System.out.println(report);
            Files.writeString(Path.of("target", "soak-report.txt"), report, StandardCharsets.UTF_8);

            assertThat(allEnded).as("every exchange ended within 110 s (none hangs)").isTrue();
            assertThat(outcomes.successes.sum() + outcomes.deadLetters.sum()).isEqualTo(EXCHANGES);
            assertThat(outcomes.duplicates.sum()).as("exchanges that ended twice").isZero();
            assertThat(outcomes.exchangeIds).hasSize(EXCHANGES);
            assertThat(outcomes.soakIds).hasSize(EXCHANGES);
            assertThat(inflightAfter).as("exchanges still in flight").isZero();
            assertThat(outcomes.deadLetters.sum()).as("dead letters").isPositive()
                    .isLessThanOrEqualTo((long) (EXCHANGES * FAULT_RATE));
            assertThat(outcomes.deadLettersWithoutErrorType.sum()).isZero();
            assertThat(outcomes.healthyDeadLetters.sum()).as("dead letters that met only capacity refusals").isZero();
            assertThat(simulator.capacityRefusals()).as("the key's capacity was met").isPositive();
            assertThat(injected.keySet()).containsExactlyInAnyOrder(kinds);
            assertThat(outcomes.retries.sum()).isPositive();
            // an attempt can fail before the simulator reads it (a pooled connection it had closed): never more requests
            assertThat(stats.requests()).as("requests the simulator received").isPositive()
                    .isLessThanOrEqualTo(outcomes.attempts.sum());
        }
    }

    private static OpenRouterComponent component(OpenRouterSimulator simulator) {
        OpenRouterComponent component = new OpenRouterComponent();
        OpenRouterConfiguration configuration = component.getConfiguration();
        configuration.setApiKey("sk-or-v1-soak");
        configuration.setBaseUrl(simulator.baseUrl());
        configuration.setModel("openai/gpt-4o-mini");
        configuration.setMaxRetries(2);
        configuration.setRetryInitialDelay(20);
        configuration.setRetryMaxDelay(2000);
        configuration.setRequestTimeout(REQUEST_TIMEOUT_MS);
        return component;
    }

    private static RouteBuilder route(Outcomes outcomes) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class)
                        .handled(true)
                        .process(outcomes::leaveOpenRouter)
                        .to("direct:dead-letters");

                from("seda:soak?concurrentConsumers=" + CONSUMERS + "&size=" + EXCHANGES).routeId("soak")
                        // no throttle: the seda consumers hand exchanges on without waiting for the reply, and the
                        // component's own limit keeps what is in flight within what the key holds
                        .process(outcomes::enterOpenRouter)
                        .to("openrouter:chat")
                        .process(outcomes::leaveOpenRouter)
                        .process(outcomes::answered);

                from("direct:dead-letters").routeId("dead-letters")
                        .process(outcomes::deadLetter);
            }
        };
    }

    private static String report(Outcomes outcomes, Map<String, LongAdder> injected, SimulatorStats stats,
                                 long wallMillis, int threadsBefore, int peakThreads) {
        StringBuilder text = new StringBuilder();
        text.append("Fault soak: ").append(EXCHANGES).append(" exchanges, seda concurrentConsumers=").append(CONSUMERS)
                .append(", no throttle (component limit: maxConcurrentRequests 64, adaptive)")
                .append(", maxRetries=2, retryInitialDelay=20 ms, retryMaxDelay=2000 ms, requestTimeout=")
                .append(REQUEST_TIMEOUT_MS).append(" ms, simulator latency " + LATENCY_MS + " ms\n");
        long faults = injected.values().stream().mapToLong(LongAdder::sum).sum();
        text.append("requests received by the simulator: ").append(stats.requests()).append(", faults injected: ")
                .append(faults).append(String.format(" (%.1f%%)%n", 100.0 * faults / Math.max(1, stats.requests())));
        new TreeMap<>(injected).forEach((kind, count) -> text.append("  ").append(kind).append(": ").append(count.sum())
                .append('\n'));
        text.append("attempts: ").append(outcomes.attempts.sum()).append(", retries: ").append(outcomes.retries.sum())
                .append('\n');
        text.append("successes: ").append(outcomes.successes.sum()).append(", dead letters: ")
                .append(outcomes.deadLetters.sum()).append(" ").append(new TreeMap<>(outcomes.deadLettersByType))
                .append(", ended twice: ").append(outcomes.duplicates.sum()).append('\n');
        text.append("wall time: ").append(wallMillis).append(" ms, max in flight at the openrouter endpoint: ")
                .append(outcomes.maxInFlight.get()).append('\n');
        text.append("JVM threads: ").append(threadsBefore).append(" after start, peak ").append(peakThreads).append('\n');
        return text.toString();
    }

    /** What happened to each exchange; the latch counts exchanges that ended, whichever way. */
    private static final class Outcomes {

        final CountDownLatch ended;
        final LongAdder successes = new LongAdder();
        final LongAdder deadLetters = new LongAdder();
        final LongAdder deadLettersWithoutErrorType = new LongAdder();
        final LongAdder healthyDeadLetters = new LongAdder();
        final LongAdder duplicates = new LongAdder();
        final LongAdder attempts = new LongAdder();
        final LongAdder retries = new LongAdder();
        final Set<String> exchangeIds = ConcurrentHashMap.newKeySet();
        final Set<Integer> soakIds = ConcurrentHashMap.newKeySet();
        final ConcurrentMap<String, Integer> deadLettersByType = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        Outcomes(int exchanges) {
            ended = new CountDownLatch(exchanges);
        }

        void enterOpenRouter(Exchange exchange) {
            exchange.setProperty("soak.inOpenRouter", true);
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        }

        void leaveOpenRouter(Exchange exchange) {
            if (exchange.removeProperty("soak.inOpenRouter") != null) {
                inFlight.decrementAndGet();
            }
        }

        void answered(Exchange exchange) {
            if (end(exchange)) {
                successes.increment();
            }
        }

        void deadLetter(Exchange exchange) {
            if (end(exchange)) {
                deadLetters.increment();
                String type = exchange.getProperty(OpenRouterConstants.ERROR_TYPE, String.class);
                if (type == null) {
                    deadLettersWithoutErrorType.increment();
                }
                if (onlyCapacityRefusals(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class))) {
                    healthyDeadLetters.increment();
                }
                deadLettersByType.merge(String.valueOf(type), 1, Integer::sum);
            }
        }

        /** Whether every attempt of the exchange failed on the key's capacity only, none on an injected fault. */
        private static boolean onlyCapacityRefusals(Throwable failure) {
            if (failure == null) {
                return false;
            }
            java.util.List<Throwable> attempts = new java.util.ArrayList<>();
            attempts.add(failure);
            for (Throwable earlier : failure.getSuppressed()) {
                if (!earlier.getClass().getSimpleName().equals("RetryNote")) {
                    attempts.add(earlier);
                }
            }
            return attempts.stream().allMatch(t -> String.valueOf(t.getMessage()).contains("Too many requests in progress"));
        }

        private boolean end(Exchange exchange) {
            Integer id = exchange.getMessage().getHeader("soakId", Integer.class);
            boolean first = exchangeIds.add(exchange.getExchangeId()) & soakIds.add(id);
            if (!first) {
                duplicates.increment();
                return false;
            }
            Integer made = exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS, Integer.class);
            if (made != null) {
                attempts.add(made);
                retries.add(Math.max(0, made - 1));
            }
            ended.countDown();
            return true;
        }
    }

    static {
        try {
            Files.createDirectories(Path.of("target"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
