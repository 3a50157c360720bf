package io.github.camelopenrouter.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelopenrouter.benchmarks.peers.JdkFloorPeer;
import io.github.camelopenrouter.benchmarks.server.BenchServer;
import io.github.camelopenrouter.benchmarks.server.CompletionReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** W5's learning floor: one refusal, its Retry-After honoured for everything queued, never more than the capacity. */
class LearningFloorTest {

    private static final int CAPACITY = 4;
    private static final Duration LATENCY = Duration.ofMillis(50);
    private static final int REQUESTS = 40;

    @TempDir
    Path work;

    @Test
    void learnsTheCapacityFromOneRefusalAndSendsNothingUntilItsRetryAfterHasPassed() throws Exception {
        BenchRequest request = PeerProcess.Inputs.text(work);
        BenchFiles.requestJson(work, request.prompt(), null, null);
        try (BenchServer server = BenchServer.start(LATENCY); JdkFloorPeer peer = new JdkFloorPeer(server.baseUrl(), false, false)) {
            server.setCapacity(CAPACITY);
            peer.prepare(request);
            long started = System.nanoTime();
            List<CompletableFuture<String>> answers = LearningFloor.send(peer, request, REQUESTS, CAPACITY);
            for (CompletableFuture<String> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(CompletionReply.TEXT);
            }
            long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(server.capacityRefusals()).as("429s").isEqualTo(1);
            assertThat(server.stats().validJson()).as("answered at the server").isEqualTo(REQUESTS);
            assertThat(server.stats().peakWaiting()).as("held at once").isEqualTo(CAPACITY);
            // after the first round's refusal nothing goes for its Retry-After of 1 s; then the 36 requests left need
            // 9 rounds of 4: a client that ignored the pause would take about 10 x 50 ms in all
            long leastMillis = 1000 + (REQUESTS - CAPACITY) / CAPACITY * LATENCY.toMillis();
            assertThat(wallMillis).as("ms for %d requests", REQUESTS).isGreaterThanOrEqualTo(leastMillis);
        }
    }
}
