package io.github.camelopenrouter;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelopenrouter.client.QueueTimeoutException;
import io.github.camelopenrouter.simulator.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A request that waits longer than queueTimeout for a slot fails, clearly and with nothing sent. */
class QueueTimeoutTest extends OpenRouterTestSupport {

    @Test
    void aRequestThatWaitsLongerThanQueueTimeoutFailsWithNothingSent() throws Exception {
        CompletableFuture<Exchange> slow = oneSlotTakenByASlowChat();
        Exchange waiting = send("openrouter:chat", "Waits");

        assertThat(waiting.getException()).isInstanceOf(QueueTimeoutException.class)
                .hasMessageStartingWith("The request waited queueTimeout (300 ms) for a free slot and was not sent (1 requests"
                                        + " in flight, concurrency limit 1 of maxConcurrentRequests 1");
        assertThat(waiting.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("queue_timeout");
        assertThat(waiting.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(0);
        assertThat(waiting.getMessage().getHeader(OpenRouterConstants.QUEUED_MILLIS, Long.class)).isBetween(300L, 1900L);
        assertThat(simulator.requestCount()).as("requests the simulator received").isEqualTo(1);

        Exchange first = slow.get(10, TimeUnit.SECONDS);
        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(OpenRouterConstants.QUEUED_MILLIS)).isEqualTo(0L);
    }

    /**
     * The other operations go through the same limiter as chat: with one slot taken by a chat, an embeddings call and a
     * credits call wait for it (and time out in the queue, with nothing sent), and one sent after it frees gets through.
     */
    @Test
    void embeddingsAndCreditsWaitForTheSameSlotsAsChat() throws Exception {
        CompletableFuture<Exchange> slow = oneSlotTakenByASlowChat();
        Exchange embeddings = send("openrouter:embeddings?model=openai/text-embedding-3-small", "alpha");
        Exchange credits = send("openrouter:credits", null);

        for (Exchange waited : java.util.List.of(embeddings, credits)) {
            assertThat(waited.getException()).isInstanceOf(QueueTimeoutException.class)
                    .hasMessageStartingWith("The request waited queueTimeout (300 ms) for a free slot and was not sent");
            assertThat(waited.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("queue_timeout");
            assertThat(waited.getMessage().getHeader(OpenRouterConstants.QUEUED_MILLIS, Long.class)).isGreaterThanOrEqualTo(300L);
        }
        assertThat(simulator.apiRequests()).as("non-chat requests the simulator received").isEmpty();

        assertThat(slow.get(10, TimeUnit.SECONDS).getException()).isNull();
        Exchange after = sendOk("openrouter:embeddings?model=openai/text-embedding-3-small", "alpha");
        assertThat(after.getMessage().getHeader(OpenRouterConstants.QUEUED_MILLIS)).isEqualTo(0L);
        assertThat(simulator.apiRequests()).hasSize(1);
    }

    @Test
    void theWaitForASlotDoesNotCountTowardsRequestTimeout() throws Exception {
        OpenRouterComponent component = context.getComponent("openrouter", OpenRouterComponent.class);
        component.setMaxConcurrentRequests(1);
        simulator.enqueue(Fault.delay(Duration.ofMillis(1600)));

        CompletableFuture<Exchange> slow = template.asyncSend("openrouter:chat?requestTimeout=3000",
                e -> e.getMessage().setBody("Slow"));
        simulator.awaitRequests(1, Duration.ofSeconds(5));
        // waits about 1.5 s for the slot, longer than its own requestTimeout, then gets its answer in time
        Exchange queued = send("openrouter:chat?requestTimeout=1000", "Queued");

        assertThat(queued.getException()).isNull();
        assertThat(queued.getMessage().getHeader(OpenRouterConstants.QUEUED_MILLIS, Long.class)).isGreaterThan(1000L);
        assertThat(slow.get(10, TimeUnit.SECONDS).getException()).isNull();
    }

    /** One slot (maxConcurrentRequests=1, queueTimeout 300 ms), taken by a chat the simulator answers after 2 s. */
    private CompletableFuture<Exchange> oneSlotTakenByASlowChat() throws Exception {
        OpenRouterComponent component = context.getComponent("openrouter", OpenRouterComponent.class);
        component.setMaxConcurrentRequests(1);
        component.setQueueTimeout(300);
        simulator.enqueue(Fault.delay(Duration.ofSeconds(2)));

        CompletableFuture<Exchange> slow = template.asyncSend("openrouter:chat", e -> e.getMessage().setBody("Slow"));
        simulator.awaitRequests(1, Duration.ofSeconds(5));
        return slow;
    }
}
