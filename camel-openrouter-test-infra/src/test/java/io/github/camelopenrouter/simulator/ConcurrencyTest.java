package io.github.camelopenrouter.simulator;

import static io.github.camelopenrouter.simulator.SimClient.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    static final String HELLO = chat(message("user", "hello")).toString();

    OpenRouterSimulator simulator;

    @BeforeEach
    void start() {
        simulator = OpenRouterSimulator.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private CompletableFuture<HttpResponse<String>> send() {
        return HTTP.sendAsync(chatRequest(simulator, KEY).POST(HttpRequest.BodyPublishers.ofString(HELLO)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void latencyDoesNotHoldAThreadPerRequest() throws Exception {
        simulator.setLatency(Duration.ofMillis(300));
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            replies.add(send());
        }
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(replies).allSatisfy(reply -> assertThat(reply.join().statusCode()).isEqualTo(200));
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300))
                .as("far below 500 x 300 ms, with room for a loaded machine").isLessThan(Duration.ofSeconds(20));
        long simulatorThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("openrouter-sim-"))
                .count();
        assertThat(simulatorThreads).as("8 workers and 1 timer").isLessThanOrEqualTo(9);
        assertThat(simulator.stats().replied2xx()).isEqualTo(500);
    }

    @Test
    void mixedFaultsUnderConcurrencyAddUp() throws Exception {
        Fault[] faults = {Fault.error(503, "busy"), Fault.rateLimited("1"), Fault.dropConnection(), Fault.dropMidReply(),
                Fault.htmlPage(502), Fault.errorInBody200(), Fault.finishReasonError(), Fault.delay(Duration.ofMillis(20))};
        simulator.setFaultPolicy(index -> index % 10 == 3 ? faults[(index / 10) % faults.length] : null);
        int total = 2000;
        Semaphore inFlight = new Semaphore(64);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            inFlight.acquire();
            all.add(send().whenComplete((reply, error) -> {
                if (error == null && reply.statusCode() == 200 && reply.body().contains("\"finish_reason\":\"stop\"")) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                inFlight.release();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(30, TimeUnit.SECONDS);

        SimulatorStats stats = simulator.stats();
        assertThat(stats.requests()).isEqualTo(total);
        assertThat(stats.faultedTotal()).isEqualTo(total / 10);
        assertThat(ok.get()).isEqualTo(stats.replied2xx());
        assertThat(stats.requests()).isEqualTo(stats.replied2xx() + stats.rejected() + stats.faultedTotal()
                - stats.faulted(Fault.Kind.DELAY));
        assertThat(failed.get()).isEqualTo(total - ok.get());
    }
}
