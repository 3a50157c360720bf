package io.github.camelopenrouter.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The pause a burst of refusals puts on the whole queue, on the limiter itself with a real timer: how long it lasts
 * and what it schedules. (The component-level behaviour against a server that refuses is in AdaptiveConcurrencyTest.)
 */
class ConcurrencyLimiterPauseTest {

    private static final Duration RETRY_AFTER = Duration.ofMillis(300);

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void aBurstOfRefusalsPausesTheQueueUntilTheLastRetryAfterHasPassedWithOneTimerAtATime() throws Exception {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(8, true, new Delays(timer, Runnable::run));
        List<ConcurrencyLimiter.Permit> granted = new CopyOnWriteArrayList<>();
        List<Long> grantedAt = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 16; i++) {
            limiter.acquire(limiter.nextOrder(), 0, permit -> {
                grantedAt.add(System.nanoTime());
                granted.add(permit);
            }, timeout -> fail("no queue timeout was set: " + timeout.getMessage()));
        }
        assertThat(granted).hasSize(8);
        assertThat(limiter.queued()).isEqualTo(8);

        // the refusals of one burst come back over a while; each one's Retry-After counts from its own arrival
        long lastRefusal = 0;
        for (int i = 0; i < 4; i++) {
            lastRefusal = System.nanoTime();
            limiter.refused(granted.get(i), RETRY_AFTER, true);
            Thread.sleep(20);
        }
        assertThat(timer.getQueue()).as("timers pending to end the pause").hasSize(1);
        for (int i = 4; i < 8; i++) {
            limiter.succeeded(granted.get(i));
        }
        assertThat(granted).as("nothing granted during the pause, though slots are free").hasSize(8);
        assertThat(limiter.inFlight()).isZero();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (granted.size() == 8 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(granted).as("granted once the pause ended, at the limit the refusals left").hasSize(12);
        assertThat(TimeUnit.NANOSECONDS.toMillis(grantedAt.get(8) - lastRefusal))
                .as("ms from the last refusal to the first grant after it").isGreaterThanOrEqualTo(RETRY_AFTER.toMillis());
        assertThat(timer.getQueue()).as("timers left once the queue runs again").isEmpty();
    }
}
