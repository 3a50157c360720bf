package io.github.camelopenrouter;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route continues on the component's worker threads, not on the HTTP client's: a step that blocks after the call
 * holds one worker, and the replies of every other request still come in. With one client thread, a route continuing on
 * it would stall them all.
 */
class WorkerThreadsTest extends OpenRouterTestSupport {

    private static final int OTHERS = 20;
    /** One blocked by the slow step, one for all the others. */
    private static final int WORKERS = 2;

    private final CountDownLatch blocking = new CountDownLatch(1);
    private final CountDownLatch othersDone = new CountDownLatch(OTHERS);
    private final AtomicBoolean othersEndedWhileBlocked = new AtomicBoolean();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    @Override
    protected org.apache.camel.CamelContext createCamelContext() throws Exception {
        org.apache.camel.CamelContext camel = super.createCamelContext();
        // as a user configures it: before the routes start (the component's pools and limit are built then)
        camel.getComponent("openrouter", OpenRouterComponent.class).setWorkerThreads(WORKERS);
        return camel;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in")
                        .to("openrouter:chat?clientThreads=1")
                        .process(exchange -> {
                            threads.add(Thread.currentThread().getName());
                            if (exchange.getMessage().getHeader("slow") != null) {
                                blocking.countDown();
                                // a JDBC insert, a write to a network share: blocks until the others are through
                                othersEndedWhileBlocked.set(othersDone.await(20, TimeUnit.SECONDS));
                            } else {
                                othersDone.countDown();
                            }
                        });
            }
        };
    }

    @Test
    void aBlockingStepAfterTheCallDelaysNoOtherReply() throws Exception {
        var slow = template.asyncRequestBodyAndHeader("direct:in", "Slow", "slow", true);
        assertThat(blocking.await(10, TimeUnit.SECONDS)).as("the slow exchange reached its blocking step").isTrue();

        for (int i = 0; i < OTHERS; i++) {
            template.asyncRequestBody("direct:in", "Question " + i);
        }

        assertThat(othersDone.await(20, TimeUnit.SECONDS)).as("the other replies came in").isTrue();
        slow.get(20, TimeUnit.SECONDS);
        assertThat(othersEndedWhileBlocked).as("all others ended while the step blocked").isTrue();
        assertThat(threads).allSatisfy(name -> assertThat(name).contains("OpenRouterWorker"))
                .hasSizeLessThanOrEqualTo(WORKERS);
    }
}
