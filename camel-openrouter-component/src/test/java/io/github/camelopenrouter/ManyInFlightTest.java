package io.github.camelopenrouter;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.SimulatorSettings;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each request in flight holds a timeout watchdog on the endpoint's timer, and each waiting retry a timer entry:
 * thousands at once must all be accepted. (Camel's default scheduled-pool profile rejects beyond 1,000 queued tasks.)
 */
class ManyInFlightTest {

    private static final int IN_FLIGHT = 1500;

    @Test
    void fifteenHundredRequestsInFlightAtOnceAllSucceed() throws Exception {
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start(SimulatorSettings.defaults().withRecordBodies(false));
             DefaultCamelContext camel = new DefaultCamelContext()) {
            // long enough that every request is still waiting for its reply when the last one is sent
            simulator.setLatency(Duration.ofSeconds(3));
            OpenRouterComponent component = new OpenRouterComponent();
            component.getConfiguration().setApiKey("sk-or-v1-many");
            component.getConfiguration().setBaseUrl(simulator.baseUrl());
            // this test is about the timer and the client, not the limit on requests in flight
            component.setMaxConcurrentRequests(IN_FLIGHT);
            camel.addComponent("openrouter", component);
            camel.start();
            AsyncProducer producer = camel.getEndpoint("openrouter:chat?maxRetries=0").createAsyncProducer();
            producer.start();
            CountDownLatch done = new CountDownLatch(IN_FLIGHT);
            Map<String, Integer> outcomes = new ConcurrentHashMap<>();

            for (int i = 0; i < IN_FLIGHT; i++) {
                Exchange exchange = new DefaultExchange(camel);
                exchange.getMessage().setBody("Question " + i);
                producer.process(exchange, doneSync -> {
                    String outcome = exchange.getException() == null ? "ok" : exchange.getException().getClass().getSimpleName()
                                                                           + ": " + exchange.getException().getMessage();
                    outcomes.merge(outcome, 1, Integer::sum);
                    done.countDown();
                });
            }

            assertThat(done.await(60, TimeUnit.SECONDS)).as("all exchanges ended").isTrue();
            assertThat(new TreeMap<>(outcomes)).containsExactly(Map.entry("ok", IN_FLIGHT));
            producer.stop();
        }
    }
}
