package io.github.camelopenrouter;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelopenrouter.simulator.StreamShape;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streamTo consumer that sleeps holds back the reading of the socket: while it sleeps, the heap stays flat although
 * the simulator has 50,000 deltas (about 13 MB of events) to send; once it wakes, every delta arrives, in order.
 */
class StreamBackPressureTest extends OpenRouterTestSupport {

    private static final int DELTAS = 50_000;
    private static final int SLEEP_AT = 200;

    private final CountDownLatch asleep = new CountDownLatch(1);
    private final CountDownLatch wake = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger outOfOrder = new AtomicInteger();
    private final StringBuilder joined = new StringBuilder();
    private volatile String deliveryThread;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slow").process(exchange -> {
                    int index = exchange.getMessage().getHeader(OpenRouterConstants.STREAM_INDEX, Integer.class);
                    if (Boolean.TRUE.equals(exchange.getMessage().getHeader(OpenRouterConstants.STREAM_END))) {
                        return;
                    }
                    if (index != received.getAndIncrement()) {
                        outOfOrder.incrementAndGet();
                    }
                    joined.append(exchange.getMessage().getBody(String.class));
                    if (index == SLEEP_AT) {
                        deliveryThread = Thread.currentThread().getName();
                        asleep.countDown();
                        wake.await(60, TimeUnit.SECONDS); // the consumer sleeps: a slow browser, a full topic
                    }
                });
            }
        };
    }

    @Test
    void moreStreamsWithBlockedConsumersThanStreamThreadsStillDeliverOnlyOnStreamThreads() throws Exception {
        simulator.setStreamShape(StreamShape.defaults().withDeltas(20).withPieceChars(4));
        int streams = OpenRouterEndpoint.STREAM_THREADS + 3;
        CountDownLatch release = new CountDownLatch(1);
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Map<String, StringBuilder> texts = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger blocked = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:blocking").process(exchange -> {
                    threads.add(Thread.currentThread().getName());
                    String stream = exchange.getMessage().getHeader(OpenRouterConstants.STREAM_CORRELATION_ID, String.class);
                    texts.computeIfAbsent(stream, key -> new StringBuilder()).append(exchange.getMessage().getBody(String.class));
                    if (exchange.getMessage().getHeader(OpenRouterConstants.STREAM_INDEX, Integer.class) == 0) {
                        blocked.incrementAndGet();
                        release.await(60, TimeUnit.SECONDS); // a consumer that blocks: every stream thread is held
                    }
                });
            }
        });

        java.util.List<CompletableFuture<Exchange>> pending = new java.util.ArrayList<>();
        for (int i = 0; i < streams; i++) {
            int n = i;
            pending.add(template.asyncSend("openrouter:chat?model=m&streamTo=direct:blocking",
                    e -> e.getMessage().setBody("question " + n)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (blocked.get() < OpenRouterEndpoint.STREAM_THREADS && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300); // time for the other streams' first deltas to be refused a thread, as they were before
        assertThat(blocked.get()).as("consumers blocked: one per stream thread").isEqualTo(OpenRouterEndpoint.STREAM_THREADS);
        Exchange plain = template.send("openrouter:chat?model=m", e -> e.getMessage().setBody("meanwhile"));
        release.countDown();

        assertThat(plain.getException()).isNull();
        assertThat(plain.getMessage().getBody(String.class)).endsWith("Text: \"meanwhile\"");
        for (CompletableFuture<Exchange> each : pending) {
            Exchange done = each.get(60, TimeUnit.SECONDS);
            assertThat(done.getException()).isNull();
            assertThat(texts.get(done.getExchangeId())).hasToString(done.getMessage().getBody(String.class));
        }
        assertThat(blocked.get()).isEqualTo(streams);
        assertThat(threads).as("threads the deltas were delivered on").allMatch(name -> name.contains("OpenRouterStreamTo"));
    }

    @Test
    void aSleepingConsumerKeepsTheHeapFlatAndThenGetsEveryDelta() throws Exception {
        simulator.setStreamShape(StreamShape.defaults().withDeltas(DELTAS).withPieceChars(10));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);

        CompletableFuture<Exchange> pending = template.asyncSend("openrouter:chat?model=m&streamTo=direct:slow",
                e -> e.getMessage().setBody("a very long answer"));
        assertThat(asleep.await(30, TimeUnit.SECONDS)).isTrue();
        // time for whatever would buffer to buffer: the simulator writes its ~13 MB well within this without back-pressure
        Thread.sleep(1500);
        long during = usedAfterGc(memory);
        // the blocked consumer holds its own stream only: another request on the same endpoint is answered meanwhile
        Exchange plain = template.send("openrouter:chat?model=m", e -> e.getMessage().setBody("meanwhile"));
        wake.countDown();
        Exchange exchange = pending.get(120, TimeUnit.SECONDS);

        assertThat(exchange.getException()).isNull();
        assertThat(plain.getException()).isNull();
        assertThat(plain.getMessage().getBody(String.class)).endsWith("Text: \"meanwhile\"");
        assertThat(deliveryThread).as("deltas are delivered on the stream threads, not the HTTP client's")
                .contains("OpenRouterStreamTo");
        assertThat(during - before).as("heap growth while the consumer sleeps, bytes").isLessThan(6L * 1024 * 1024);
        assertThat(received.get()).isEqualTo(DELTAS);
        assertThat(outOfOrder.get()).isZero();
        assertThat(joined.toString()).isEqualTo(exchange.getMessage().getBody(String.class));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.COMPLETION_TOKENS, Integer.class))
                .isEqualTo((joined.length() + 3) / 4);
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

}
