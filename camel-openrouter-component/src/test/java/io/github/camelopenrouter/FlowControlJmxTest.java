package io.github.camelopenrouter;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the limiter does, read as a JMX console reads it: the component's MBean (camel-management on the classpath). */
class FlowControlJmxTest {

    @Test
    void theLimitTheQueueAndTheRequestsInFlightAreJmxAttributesOfTheComponent() throws Exception {
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start();
             DefaultCamelContext camel = new DefaultCamelContext()) {
            OpenRouterComponent component = new OpenRouterComponent();
            component.getConfiguration().setApiKey("sk-or-v1-jmx");
            component.getConfiguration().setBaseUrl(simulator.baseUrl());
            component.setMaxConcurrentRequests(2);
            camel.addComponent("openrouter", component);
            camel.start();
            MBeanServer jmx = camel.getManagementStrategy().getManagementAgent().getMBeanServer();
            Set<ObjectName> names = jmx.queryNames(new ObjectName("org.apache.camel:type=components,name=\"openrouter\",*"),
                    null);
            assertThat(names).hasSize(1);
            ObjectName mbean = names.iterator().next();
            AsyncProducer producer = camel.getEndpoint("openrouter:chat").createAsyncProducer();
            producer.start();

            simulator.setLatency(Duration.ofMillis(800));
            CountDownLatch done = send(camel, producer, 5);
            awaitInProgress(simulator, 2);
            assertThat(jmx.getAttribute(mbean, "RequestsInFlight")).isEqualTo(2);
            assertThat(jmx.getAttribute(mbean, "QueuedRequests")).isEqualTo(3);
            assertThat(jmx.getAttribute(mbean, "ConcurrencyLimit")).isEqualTo(2);
            assertThat(jmx.getAttribute(mbean, "ConcurrencyCeiling")).as("nothing measured yet").isEqualTo(2);
            assertThat(jmx.getAttribute(mbean, "MaxConcurrentRequests")).isEqualTo(2);
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(jmx.getAttribute(mbean, "RequestsInFlight")).isEqualTo(0);
            assertThat(jmx.getAttribute(mbean, "QueuedRequests")).isEqualTo(0);

            // a key that holds one request at a time: the limit drops to it, and the refusal is counted. The second
            // request goes once the first is in progress at the server, so that it is the one refused: a refusal of the
            // first granted request (nothing ahead of it when granted) measures no ceiling, and which of two requests
            // sent at once on two new connections reaches the server first is up to the machine (one CI run in two)
            simulator.setLatency(Duration.ofMillis(300));
            simulator.setCapacity(1, "0");
            CountDownLatch first = send(camel, producer, 1);
            awaitInProgress(simulator, 1);
            CountDownLatch second = send(camel, producer, 1);
            assertThat(first.await(20, TimeUnit.SECONDS) && second.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(jmx.getAttribute(mbean, "ConcurrencyLimit")).isEqualTo(1);
            assertThat(jmx.getAttribute(mbean, "ConcurrencyCeiling")).isEqualTo(1);
            assertThat(jmx.getAttribute(mbean, "LoadRefusals")).isEqualTo(simulator.capacityRefusals());
            assertThat(simulator.capacityRefusals()).isPositive();
            producer.stop();
        }
    }

    private static CountDownLatch send(DefaultCamelContext camel, AsyncProducer producer, int exchanges) {
        CountDownLatch done = new CountDownLatch(exchanges);
        for (int i = 0; i < exchanges; i++) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getMessage().setBody("Question " + i);
            producer.process(exchange, doneSync -> {
                assertThat(exchange.getException()).isNull();
                done.countDown();
            });
        }
        return done;
    }

    private static void awaitInProgress(OpenRouterSimulator simulator, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (simulator.inProgress() < count) {
            assertThat(System.nanoTime()).as(count + " requests in progress").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
