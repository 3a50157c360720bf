package io.github.camelopenrouter;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.simulator.StreamShape;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream that fails after it started: the exchange fails as a non-streamed one would, after the deltas already sent,
 * and the end exchange says so. Before the first delta a failure is retried; after it, not.
 */
class StreamFailuresTest extends OpenRouterTestSupport {

    static final String URI = "openrouter:chat?model=google/gemma-3-27b-it&streamTo=mock:deltas&retryInitialDelay=10";

    private List<Exchange> deltas() {
        return getMockEndpoint("mock:deltas").getReceivedExchanges();
    }

    private Exchange end() {
        List<Exchange> received = deltas();
        Exchange last = received.get(received.size() - 1);
        assertThat(last.getMessage().getHeader(OpenRouterConstants.STREAM_END)).isEqualTo(true);
        return last;
    }

    @Test
    void anErrorChunkFailsTheExchangeWithOpenRouterApiExceptionAfterTheDeltaSent() {
        simulator.enqueue(Fault.errorInBody200());
        Exchange exchange = send(URI, "hi");

        assertThat(exchange.getException()).isInstanceOf(OpenRouterApiException.class)
                .hasMessageContaining("Provider returned error");
        assertThat(((OpenRouterApiException) exchange.getException()).getStatusCode()).isEqualTo(200);
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("provider_error");
        assertThat(deltas()).hasSize(2);
        assertThat(deltas().get(0).getMessage().getBody(String.class)).isEqualTo("Received 1 text part, 0 ");
        assertThat(end().getMessage().getHeader(OpenRouterConstants.ERROR_TYPE)).isEqualTo("provider_error");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).as("not sent again after a delta")
                .isEqualTo(1);
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void finishReasonErrorInAChunkFailsTheExchangeToo() {
        simulator.enqueue(Fault.finishReasonError());
        Exchange exchange = send(URI, "hi");

        assertThat(exchange.getException()).isInstanceOf(OpenRouterApiException.class)
                .hasMessageContaining("Upstream generation failed");
        assertThat(end().getMessage().getHeader(OpenRouterConstants.ERROR_TYPE)).isEqualTo("provider_error");
    }

    @Test
    void aConnectionEndingBeforeDoneFailsWithAnIOExceptionAndIsNotRetriedAfterDeltas() {
        simulator.setStreamShape(StreamShape.defaults().withPieceChars(5));
        simulator.enqueue(Fault.streamDrop(3));
        Exchange exchange = send(URI, "hi");

        assertThat(exchange.getException()).isInstanceOf(IOException.class)
                .hasMessageContaining("ended before [DONE], after 3 chunk(s) and 3 text delta(s)");
        assertThat(exchange.getException().getSuppressed()).extracting(Throwable::getMessage)
                .anyMatch(m -> m.contains("not retried: 3 text delta(s) of the answer had already gone out"));
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("connection_failed");
        assertThat(deltas()).hasSize(4);
        assertThat(end().getMessage().getHeader(OpenRouterConstants.ERROR_TYPE)).isEqualTo("connection_failed");
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void aStreamSilentForLongerThanRequestTimeoutTimesOut() {
        simulator.setStreamShape(StreamShape.defaults().withPieceChars(5));
        // requestTimeout generous enough that the headers always come in time on a loaded machine (else a retry hides it)
        simulator.enqueue(Fault.streamStall(2, Duration.ofSeconds(12)));
        Exchange exchange = send(URI + "&requestTimeout=2000&maxRetries=0", "hi");

        assertThat(exchange.getException()).isInstanceOf(HttpTimeoutException.class)
                .hasMessageContaining("sent nothing on the stream for requestTimeout (2000 ms), after 2 chunk(s)");
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("timeout");
        assertThat(deltas()).hasSize(3);
        assertThat(end().getMessage().getHeader(OpenRouterConstants.ERROR_TYPE)).isEqualTo("timeout");
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void aFailureBeforeTheFirstDeltaIsRetriedAndTheDeltasComeOnce() {
        simulator.enqueue(Fault.error(503, "No provider available"), Fault.streamDrop(0));
        Exchange exchange = sendOk(URI, "hi");

        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(3);
        assertThat(simulator.requestCount()).isEqualTo(3);
        StringBuilder joined = new StringBuilder();
        deltas().forEach(delta -> joined.append(delta.getMessage().getBody(String.class)));
        assertThat(joined.toString()).isEqualTo(exchange.getMessage().getBody(String.class));
        assertThat(deltas().get(0).getMessage().getHeader(OpenRouterConstants.RESPONSE_ID)).isEqualTo("gen-sim-3");
        assertThat(end().getMessage().getHeaders()).doesNotContainKey(OpenRouterConstants.ERROR_TYPE);
    }

    @Test
    void anErrorStatusBeforeTheStreamIsTheUsualApiException() {
        simulator.enqueue(Fault.error(402, "Insufficient credits"));
        Exchange exchange = send(URI, "hi");

        assertThat(exchange.getException()).isInstanceOf(OpenRouterApiException.class)
                .hasMessageContaining("Insufficient credits");
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("payment_required");
        assertThat(deltas()).hasSize(1);
        assertThat(end().getMessage().getHeader(OpenRouterConstants.ERROR_TYPE)).isEqualTo("payment_required");
    }

    @Test
    void aStreamToEndpointThatFailsADeltaCancelsTheStreamAndFailsTheExchange() throws Exception {
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:broken").process(e -> {
                    if (e.getMessage().getHeader(OpenRouterConstants.STREAM_INDEX, Integer.class) == 2) {
                        throw new IllegalStateException("socket to the browser closed");
                    }
                });
            }
        });
        simulator.setStreamShape(StreamShape.defaults().withDeltas(100_000).withDeltaInterval(Duration.ofMillis(2)));
        Exchange exchange = send("openrouter:chat?model=m&streamTo=direct:broken", "hi");

        assertThat(exchange.getException()).isInstanceOf(IllegalStateException.class)
                .hasMessage("socket to the browser closed");
        awaitNoOpenStream();
    }

    static void awaitNoOpenStream() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (simulator.openStreams() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(simulator.openStreams()).as("streams the simulator is still writing").isZero();
    }
}
