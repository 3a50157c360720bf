package io.github.camelopenrouter;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key that refuses more than N requests in progress with 429 + Retry-After: the component lowers its own limit to
 * what the server holds, pauses the queue for the Retry-After, and no exchange fails - with maxRetries=0, since the
 * refusals are the component's own burst, not the exchanges' fault.
 */
class AdaptiveConcurrencyTest extends OpenRouterTestSupport {

    private static final int CAPACITY = 8;
    private static final int MAX = 32;

    @Test
    void aBurstConvergesBelowTheServersCapacityWithNoExchangeFailed() throws Exception {
        OpenRouterComponent component = component();
        simulator.setCapacity(CAPACITY, "1");
        simulator.setLatency(Duration.ofMillis(30));

        Map<String, Integer> outcomes = sendAtOnce("openrouter:chat?maxRetries=0", 300);

        assertThat(new TreeMap<>(outcomes)).containsExactly(Map.entry("ok", 300));
        assertThat(component.getConcurrencyLimit()).as("the limit the component converged to").isBetween(1, CAPACITY);
        assertThat(simulator.capacityRefusals()).as("429s provoked: the first burst beyond capacity, hardly more")
                .isPositive().isLessThanOrEqualTo(MAX);
        assertThat(component.getLoadRefusals()).isEqualTo(simulator.capacityRefusals());
        assertThat(simulator.requestCount()).isEqualTo(300);
    }

    @Test
    void theLimitClimbsBackWhenRequestsSucceed() throws Exception {
        OpenRouterComponent component = component();
        simulator.setCapacity(4, "0");
        simulator.setLatency(Duration.ofMillis(10));
        assertThat(new TreeMap<>(sendAtOnce("openrouter:chat", 60))).containsExactly(Map.entry("ok", 60));
        int lowered = component.getConcurrencyLimit();
        assertThat(lowered).isLessThanOrEqualTo(4);

        simulator.reset(); // the capacity is lifted
        simulator.setLatency(Duration.ofMillis(10));
        Thread.sleep(1100); // the gap before a probe after a refusal: ten times a Retry-After of 0, at least a second
        assertThat(new TreeMap<>(sendAtOnce("openrouter:chat", 200))).containsExactly(Map.entry("ok", 200));

        assertThat(component.getConcurrencyLimit()).as("the limit after 200 successes").isGreaterThan(lowered + 5);
        assertThat(simulator.peakInProgress()).isGreaterThan(4);
    }

    @Test
    void aLongBacklogProbesAboveTheMeasuredCapacityRarely() throws Exception {
        // Retry-After 0 pauses nothing, so the first probe comes a second after the refusals that measured the
        // capacity; each refused probe doubles the wait before the next (1, 2, 4 s). A fixed hold would probe, and be
        // refused, about once a second.
        OpenRouterComponent component = context.getComponent("openrouter", OpenRouterComponent.class);
        component.setMaxConcurrentRequests(8);
        simulator.setCapacity(4, "0");
        simulator.setLatency(Duration.ofMillis(20));
        AtomicLong refusalsAtConvergence = new AtomicLong(-1);
        long started = System.nanoTime();

        Map<String, Integer> outcomes = sendAtOnce("openrouter:chat?maxRetries=0", 2000, done -> {
            if (done == 100) {
                refusalsAtConvergence.set(component.getLoadRefusals());
            }
        });

        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(new TreeMap<>(outcomes)).containsExactly(Map.entry("ok", 2000));
        assertThat(component.getConcurrencyLimit()).as("the limit at the end").isBetween(4, 5);
        // gaps of 1, 2, 4, ... s leave room for floor(log2(T + 1)) probes in T seconds, plus one at the edge, plus one
        // refusal of slack for the timing of a real server and client (a probe's own arithmetic is pinned, in simulated
        // time, by AdaptiveLimitTest): 5 in the ~10 s a quiet machine takes, where a fixed hold would be refused
        // about once a second (~10)
        int probes = (int) (Math.log(seconds + 1) / Math.log(2)) + 2;
        assertThat(simulator.capacityRefusals() - refusalsAtConvergence.get())
                .as("refusals after convergence, in a backlog of %.1f s", seconds)
                .isLessThanOrEqualTo(probes);
    }

    @Test
    void withoutAdaptiveConcurrencyTheLimitStaysPut() throws Exception {
        OpenRouterComponent component = component();
        component.setAdaptiveConcurrency(false);
        simulator.setCapacity(CAPACITY, "0");
        simulator.setLatency(Duration.ofMillis(30));

        Map<String, Integer> outcomes = sendAtOnce("openrouter:chat?maxRetries=0", 100);

        assertThat(outcomes.get("ok")).isLessThan(100);
        assertThat(component.getConcurrencyLimit()).isEqualTo(MAX);
    }

    private OpenRouterComponent component() {
        OpenRouterComponent component = context.getComponent("openrouter", OpenRouterComponent.class);
        component.setMaxConcurrentRequests(MAX);
        return component;
    }

    private Map<String, Integer> sendAtOnce(String uri, int exchanges) throws Exception {
        return sendAtOnce(uri, exchanges, done -> {
        });
    }

    /** @param progress told how many exchanges have ended, each time one does */
    private Map<String, Integer> sendAtOnce(String uri, int exchanges, IntConsumer progress) throws Exception {
        AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
        producer.start();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(exchanges);
        AtomicInteger ended = new AtomicInteger();
        for (int i = 0; i < exchanges; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody("Question " + i);
            producer.process(exchange, doneSync -> {
                outcomes.merge(exchange.getException() == null ? "ok" : exchange.getException().getMessage(), 1,
                        Integer::sum);
                progress.accept(ended.incrementAndGet());
                done.countDown();
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).as("every exchange ended").isTrue();
        producer.stop();
        return outcomes;
    }
}
