package io.github.camelopenrouter;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelopenrouter.simulator.Fault;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route continues on the component's worker threads once a reply is read - neither on the HTTP client's I/O threads
 * nor on CompletableFuture's default executor (on a machine with 2 CPUs a new thread per request).
 */
class ReplyThreadTest extends OpenRouterTestSupport {

    private static final int REQUESTS = 40;

    @Override
    protected org.apache.camel.CamelContext createCamelContext() throws Exception {
        org.apache.camel.CamelContext camel = super.createCamelContext();
        // as a user configures it: before the routes start (the component's pools and limit are built then)
        camel.getComponent("openrouter", OpenRouterComponent.class).setWorkerThreads(2);
        return camel;
    }

    @Test
    void repliesAndErrorRepliesContinueOnTheWorkerThreads() throws Exception {
        AsyncProducer producer = context.getEndpoint("openrouter:chat?clientThreads=2&maxRetries=0").createAsyncProducer();
        producer.start();
        simulator.setFaultPolicy(index -> index % 4 == 3 ? Fault.error(400, "bad") : null);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(REQUESTS);

        for (int i = 0; i < REQUESTS; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody("Question " + i);
            producer.process(exchange, doneSync -> {
                threads.add(Thread.currentThread().getName());
                outcomes.merge(exchange.getException() == null ? "ok" : exchange.getException().getClass().getSimpleName(),
                        1, Integer::sum);
                done.countDown();
            });
        }

        assertThat(done.await(30, TimeUnit.SECONDS)).as("all exchanges ended").isTrue();
        assertThat(new TreeMap<>(outcomes)).containsExactly(Map.entry("OpenRouterApiException", REQUESTS / 4),
                Map.entry("ok", REQUESTS - REQUESTS / 4));
        assertThat(threads).allSatisfy(name -> assertThat(name).contains("OpenRouterWorker")).hasSizeLessThanOrEqualTo(2);
        producer.stop();
    }
}
