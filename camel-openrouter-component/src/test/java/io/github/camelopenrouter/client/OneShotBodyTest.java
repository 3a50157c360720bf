package io.github.camelopenrouter.client;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelopenrouter.OpenRouterApiException;
import io.github.camelopenrouter.media.MediaSource;
import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.wire.ChatRequest;
import io.github.camelopenrouter.wire.ContentPart;
import io.github.camelopenrouter.wire.Message;
import io.github.camelopenrouter.wire.Payload;
import io.github.camelopenrouter.wire.StreamingRequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body the exchange mapping builds today is repeatable (one-shot streams are spooled to a stream cache). A source
 * that can be read only once must still never be retried half-sent: this drives the sender with such a source.
 */
class OneShotBodyTest {

    private static OpenRouterSimulator simulator;
    private static ScheduledExecutorService timer;
    private static ExecutorService worker;

    @BeforeAll
    static void start() {
        simulator = OpenRouterSimulator.start();
        timer = Executors.newSingleThreadScheduledExecutor();
        worker = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        simulator.close();
        timer.shutdownNow();
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void aOneShotBodyIsNotSentAgainAndTheMessageSaysWhy() throws Exception {
        simulator.enqueue(Fault.error(503, "overloaded"));
        RetryingSender sender = sender();

        ChatOutcome outcome = sender.send(oneShotImageRequest()).get(10, TimeUnit.SECONDS);

        assertThat(outcome.failure()).isInstanceOf(OpenRouterApiException.class)
                .hasMessage("OpenRouter returned HTTP 503: overloaded (not retried: the request body comes from a source"
                            + " that can be read only once, so it cannot be sent again)");
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void aOneShotBodyThatSucceedsIsSentOnce() throws Exception {
        ChatOutcome outcome = sender().send(oneShotImageRequest()).get(10, TimeUnit.SECONDS);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.reply().firstChoice().message().content()).startsWith("Received 0 text parts, 1 image");
    }

    private static RetryingSender sender() {
        HttpClient http = HttpClient.newBuilder().executor(worker).build();
        OpenRouterClient client = new OpenRouterClient(http, simulator.baseUrl(), "sk-or-v1-one-shot", null, null,
                Duration.ofSeconds(10), timer, worker);
        return new RetryingSender(client, new RetryPolicy(3, 10, 1000));
    }

    private static StreamingRequestBody oneShotImageRequest() {
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        MediaSource oneShot = new MediaSource() {
            private boolean opened;

            @Override
            public long size() {
                return png.length;
            }

            @Override
            public synchronized InputStream open() {
                if (opened) {
                    throw new IllegalStateException("read twice");
                }
                opened = true;
                return new ByteArrayInputStream(png);
            }

            @Override
            public boolean isRepeatable() {
                return false;
            }

            @Override
            public String description() {
                return "one-shot stream";
            }
        };
        ContentPart image = new ContentPart.ImageUrl(new ContentPart.ImageUrl.Image(Payload.dataUrl("image/png", oneShot), null));
        return StreamingRequestBody.of(ChatRequest.of(List.of(Message.user(List.of(image)))));
    }
}
