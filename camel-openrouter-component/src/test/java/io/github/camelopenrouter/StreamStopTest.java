package io.github.camelopenrouter;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelopenrouter.client.EndpointStoppedException;
import io.github.camelopenrouter.simulator.StreamShape;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping mid-stream cancels the HTTP exchange (the simulator sees the client go) and fails the exchange. */
class StreamStopTest extends OpenRouterTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ask").routeId("ask").to("openrouter:chat?model=m&streamTo=mock:deltas");
            }
        };
    }

    /** An answer that would take minutes: a delta every 20 ms for 10,000 deltas. */
    private void longStream() {
        simulator.setStreamShape(StreamShape.defaults().withDeltas(10_000).withDeltaInterval(Duration.ofMillis(20)));
    }

    private static void awaitDeltas(org.apache.camel.component.mock.MockEndpoint mock, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (mock.getReceivedCounter() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(mock.getReceivedCounter()).isGreaterThanOrEqualTo(count);
    }

    @Test
    void stoppingTheEndpointCancelsTheStreamAndFailsTheExchange() throws Exception {
        longStream();
        CompletableFuture<Exchange> pending = template.asyncSend("openrouter:chat?model=m&streamTo=mock:deltas",
                e -> e.getMessage().setBody("a long story"));
        awaitDeltas(getMockEndpoint("mock:deltas"), 3);

        context.getEndpoint("openrouter:chat?model=m&streamTo=mock:deltas").stop();

        Exchange exchange = pending.get(20, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isInstanceOf(EndpointStoppedException.class);
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("stopped");
        StreamFailuresTest.awaitNoOpenStream();
    }

    @Test
    void stoppingTheRouteCancelsTheStreamAndFailsTheExchange() throws Exception {
        longStream();
        context.getShutdownStrategy().setTimeout(1);
        CompletableFuture<Exchange> pending = template.asyncSend("direct:ask", e -> e.getMessage().setBody("a long story"));
        awaitDeltas(getMockEndpoint("mock:deltas"), 3);

        context.getRouteController().stopRoute("ask");

        Exchange exchange = pending.get(20, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isInstanceOf(EndpointStoppedException.class)
                .hasMessageContaining("while the answer was streaming");
        StreamFailuresTest.awaitNoOpenStream();
    }
}
