package io.github.camelopenrouter;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route of the issue: a seda consumer hands its whole backlog to the asynchronous producer without waiting. The
 * component's maxConcurrentRequests, not the route, bounds what reaches the server - measured by the simulator.
 */
class ConcurrencyLimitTest extends OpenRouterTestSupport {

    private static final int BACKLOG = 1000;
    private static final int LIMIT = 16;

    private final CountDownLatch ended = new CountDownLatch(BACKLOG);
    private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    private final LongAdder queuedExchanges = new LongAdder();

    @Override
    protected org.apache.camel.CamelContext createCamelContext() throws Exception {
        org.apache.camel.CamelContext camel = super.createCamelContext();
        // as a user configures it: before the routes start (the component's pools and limit are built then)
        camel.getComponent("openrouter", OpenRouterComponent.class).setMaxConcurrentRequests(LIMIT);
        return camel;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:in?concurrentConsumers=4&size=" + BACKLOG)
                        .to("openrouter:chat?maxRetries=0")
                        .process(this::ended);
            }

            private void ended(Exchange exchange) {
                Long queued = exchange.getMessage().getHeader(OpenRouterConstants.QUEUED_MILLIS, Long.class);
                if (queued != null && queued > 0) {
                    queuedExchanges.increment();
                }
                outcomes.merge(exchange.getException() == null ? "ok" : exchange.getException().toString(), 1, Integer::sum);
                ended.countDown();
            }
        };
    }

    @Test
    void aBacklogOfAThousandNeverHasMoreThanMaxConcurrentRequestsInFlight() throws Exception {
        simulator.setLatency(Duration.ofMillis(20));
        context.getRouteController().stopRoute(context.getRoutes().get(0).getRouteId());
        for (int i = 0; i < BACKLOG; i++) {
            template.sendBody("seda:in", "Question " + i);
        }
        context.getRouteController().startRoute(context.getRoutes().get(0).getRouteId());

        assertThat(ended.await(60, TimeUnit.SECONDS)).as("every exchange ended").isTrue();
        assertThat(new TreeMap<>(outcomes)).containsExactly(Map.entry("ok", BACKLOG));
        assertThat(simulator.requestCount()).isEqualTo(BACKLOG);
        assertThat(simulator.peakInProgress()).as("most requests in progress at the server at once")
                .isLessThanOrEqualTo(LIMIT).isGreaterThan(LIMIT / 2);
        assertThat(queuedExchanges.sum()).as("exchanges that waited for a slot (CamelOpenRouterQueuedMillis > 0)")
                .isGreaterThan(BACKLOG / 2);
    }

    @Test
    void endpointsOfOneComponentShareOneClientAndOneLimit() throws Exception {
        OpenRouterComponent component = context.getComponent("openrouter", OpenRouterComponent.class);
        simulator.setLatency(Duration.ofMillis(100));
        String[] uris = { "openrouter:chat?prompt=Summarise", "openrouter:chat?prompt=Translate",
                          "openrouter:chat?prompt=Classify&model=openai/gpt-4o-mini" };
        java.util.List<java.util.concurrent.CompletableFuture<Exchange>> replies = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            replies.add(template.asyncSend(uris[i % uris.length], exchange -> exchange.getMessage().setBody("Hi")));
        }
        for (var reply : replies) {
            Exchange exchange = reply.get(30, TimeUnit.SECONDS);
            outcomes.merge(exchange.getException() == null ? "ok" : exchange.getException().toString(), 1, Integer::sum);
        }

        assertThat(new TreeMap<>(outcomes)).containsExactly(Map.entry("ok", 60));
        assertThat(component.resources().httpClients()).as("HTTP clients built for three endpoints").isEqualTo(1);
        assertThat(simulator.peakInProgress()).as("one limit for the three endpoints").isEqualTo(LIMIT);
        assertThat(simulator.requests()).extracting(r -> r.json().at("/messages/0/content").toString())
                .anySatisfy(c -> assertThat(c).contains("Translate"));
    }

    @Test
    void anEndpointWithOtherClientSettingsGetsAClientOfItsOwn() {
        OpenRouterComponent component = context.getComponent("openrouter", OpenRouterComponent.class);

        sendOk("openrouter:chat?prompt=A", "Hi");
        sendOk("openrouter:chat?prompt=B", "Hi");
        sendOk("openrouter:chat?prompt=C&connectTimeout=2000", "Hi");

        assertThat(component.resources().httpClients()).isEqualTo(2);
    }
}
