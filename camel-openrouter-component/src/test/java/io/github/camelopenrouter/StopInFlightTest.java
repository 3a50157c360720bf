package io.github.camelopenrouter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code context.stop()} with requests in flight ends the exchanges and aborts their HTTP requests: the server sees
 * each connection closed, and the endpoint's timer thread is gone, long before requestTimeout (one minute here).
 */
class StopInFlightTest {

    @Test
    void stoppingTheContextAbortsTheRequestsInFlight() throws Exception {
        int inFlight = 3;
        CountDownLatch received = new CountDownLatch(inFlight);
        CountDownLatch closed = new CountDownLatch(inFlight);
        // reads each request, never answers, and notes when the client closes the connection
        try (HostileServer server = HostileServer.start((request, out) -> {
            HostileServer.skipBody(request);
            received.countDown();
            HostileServer.awaitClose(request);
            closed.countDown();
        })) {
            DefaultCamelContext camel = new DefaultCamelContext();
            OpenRouterComponent component = new OpenRouterComponent();
            component.getConfiguration().setApiKey("sk-or-v1-test");
            component.getConfiguration().setBaseUrl(server.baseUrl());
            camel.addComponent("openrouter", component);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ask").to("openrouter:chat?requestTimeout=60000&maxRetries=0");
                }
            });
            // Camel first waits this long for exchanges in flight, then stops the endpoints (default 45 s)
            camel.getShutdownStrategy().setTimeout(2);
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            List<CompletableFuture<Exchange>> exchanges = new ArrayList<>();
            for (int i = 0; i < inFlight; i++) {
                exchanges.add(template.asyncSend("direct:ask", e -> e.getMessage().setBody("Hi")));
            }
            assertThat(received.await(20, TimeUnit.SECONDS)).as("requests in flight").isTrue();

            camel.stop();

            for (CompletableFuture<Exchange> exchange : exchanges) {
                assertThat(exchange.get(10, TimeUnit.SECONDS).getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("stopped");
            }
            assertThat(closed.await(10, TimeUnit.SECONDS)).as("the server saw every connection closed").isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (timerThreads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(timerThreads()).as("OpenRouterTimer threads alive after the stop").isZero();
        }
    }

    private static long timerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains("OpenRouterTimer")).count();
    }
}
