package io.github.camelopenrouter.client;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs work later without a thread waiting for it: a timer thread only hands the work over when due, and the work
 * itself (sending a retry, failing a timed-out attempt and with it the rest of the route) runs on the client's
 * executor, so a slow route never holds up other exchanges' timers.
 */
final class Delays {

    private final ScheduledExecutorService timer;
    private final Executor worker;

    Delays(ScheduledExecutorService timer, Executor worker) {
        this.timer = timer;
        this.worker = worker;
    }

    /** @throws RejectedExecutionException when the timer has been shut down */
    ScheduledFuture<?> schedule(Runnable work, long delayMillis) {
        return timer.schedule(() -> handOver(work), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void handOver(Runnable work) {
        try {
            worker.execute(work);
        } catch (RejectedExecutionException e) {
            // the worker is shutting down: the work (which completes an exchange) must still run
            work.run();
        }
    }
}
