package io.github.camelopenrouter.benchmarks.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** W5's rate-limited key: beyond the capacity held at once, 429 with Retry-After: 1, answered at once and counted. */
class BenchServerCapacityTest {

    @Test
    void aRequestBeyondTheCapacityIsRefusedAtOnceWithRetryAfterAndCounted() throws Exception {
        try (BenchServer server = BenchServer.start(Duration.ofMillis(2000))) {
            server.setCapacity(1);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                    .header("Authorization", "Bearer sk-or-v1-test").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[]}")).build();

            CompletableFuture<HttpResponse<String>> held = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.stats().peakWaiting() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long sent = System.nanoTime();
            HttpResponse<String> refused = http.send(request, HttpResponse.BodyHandlers.ofString());
            long refusedAfterMillis = (System.nanoTime() - sent) / 1_000_000;

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.body()).startsWith("{\"error\":{\"code\":429,");
            assertThat(refusedAfterMillis).as("refused without waiting out the latency").isLessThan(1000);
            assertThat(held.get().statusCode()).isEqualTo(200);
            assertThat(server.capacityRefusals()).isEqualTo(1);
            assertThat(server.stats().validJson()).isEqualTo(1);

            server.setCapacity(Integer.MAX_VALUE);
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }
}
