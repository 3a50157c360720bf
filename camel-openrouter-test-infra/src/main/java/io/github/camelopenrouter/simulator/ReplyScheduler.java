package io.github.camelopenrouter.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes replies now or after a delay. A delayed reply holds no thread while it waits: a timer fires
 * it and a worker writes it (HttpServer lets an exchange be answered from any thread, after its
 * handler returned), so 2,000 requests waiting out a 1 s latency cost 2,000 small timer entries.
 */
final class ReplyScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyScheduler.class);

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;

    ReplyScheduler(ExecutorService workers, ScheduledExecutorService timer) {
        this.workers = workers;
        this.timer = timer;
    }

    void send(HttpExchange exchange, Reply reply, Duration delay) {
        send(exchange, reply, delay, () -> { });
    }

    /** @param done runs once, just before the reply is written (or dropped): the request is no longer in progress */
    void send(HttpExchange exchange, Reply reply, Duration delay, Runnable done) {
        if (delay.isZero() || delay.isNegative()) {
            write(exchange, reply, done);
            return;
        }
        try {
            timer.schedule(() -> dispatch(exchange, reply, done), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            done.run();
            exchange.close(); // the simulator is closing
        }
    }

    private void dispatch(HttpExchange exchange, Reply reply, Runnable done) {
        // the timer thread only hands over: a slow client must not hold up every other delayed reply
        try {
            workers.execute(() -> write(exchange, reply, done));
        } catch (RejectedExecutionException e) {
            done.run();
            exchange.close();
        }
    }

    private static void write(HttpExchange exchange, Reply reply, Runnable done) {
        done.run();
        try {
            reply.writeTo(exchange);
        } catch (Exception e) {
            // typically the client gave up (timeout) before the reply; nothing to tell anyone
            LOG.debug("Could not write the reply to {}: {}", exchange.getRemoteAddress(), e.toString());
        } finally {
            exchange.close();
        }
    }
}
