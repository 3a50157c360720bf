package io.github.camelopenrouter.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests a component may have in flight: at most {@link AdaptiveLimit#limit()}; the others wait, holding no
 * thread, in the order their exchanges arrived (so a retry goes before exchanges that came after it). A
 * {@code Retry-After} with a refusal pauses the whole queue, not only the refused request: every request sent before
 * it ends would meet the same refusal.
 *
 * <p>A permit is granted by calling the waiter back on the thread that freed the slot (an HTTP client thread, or the
 * caller when a slot is free at once); the callback only starts the non-blocking send. Grants that free slots again
 * on the same thread (a send that fails at once) are looped, not recursed into.
 */
public final class ConcurrencyLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrencyLimiter.class);

    /** Whether this thread is granting permits already; a nested dispatch then only asks it to look again. */
    private static final ThreadLocal<boolean[]> DISPATCHING = new ThreadLocal<>();

    private final AdaptiveLimit limit;
    private final Delays delays;
    private final PriorityQueue<Waiter> queue = new PriorityQueue<>(Comparator.comparingLong(w -> w.order));
    private final AtomicLong orders = new AtomicLong();
    private int inFlight;
    private long pausedUntil;
    private boolean paused;
    private boolean resumeScheduled;
    private long refusals;
    private long grantNumbers;

    /**
     * @param delays fires queue timeouts and the end of a pause; null only for an unbounded, non-adaptive limiter
     */
    ConcurrencyLimiter(int maxConcurrentRequests, boolean adaptive, Delays delays) {
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be 1 or more, got " + maxConcurrentRequests);
        }
        this.limit = new AdaptiveLimit(maxConcurrentRequests, adaptive);
        this.delays = delays;
    }

    /** No limit worth the name, for a sender built outside a component (tests of the client alone). */
    static ConcurrencyLimiter unbounded() {
        return new ConcurrencyLimiter(Integer.MAX_VALUE, false, null);
    }

    /** The next arrival number: a request keeps it for all its attempts, so its retries queue ahead of later ones. */
    long nextOrder() {
        return orders.getAndIncrement();
    }

    /**
     * Asks for a slot. {@code granted} is called once a slot is free (perhaps before this returns); {@code expired}
     * instead when {@code queueTimeoutMillis} (0: no bound) runs out first.
     */
    Waiter acquire(long order, long queueTimeoutMillis, Consumer<Permit> granted, Consumer<QueueTimeoutException> expired) {
        Waiter waiter = new Waiter(order, granted, expired);
        synchronized (this) {
            queue.add(waiter);
        }
        dispatch();
        if (queueTimeoutMillis > 0 && waiter.isQueued()) {
            try {
                waiter.timeout = delays.schedule(() -> expire(waiter, queueTimeoutMillis), queueTimeoutMillis);
            } catch (RejectedExecutionException e) {
                // stopping: the sender ends its waiting requests itself
            }
            if (!waiter.isQueued() && waiter.timeout != null) {
                waiter.timeout.cancel(false);
            }
        }
        return waiter;
    }

    /** Takes a waiter out of the queue (its request ended otherwise); false when it was granted meanwhile. */
    boolean cancel(Waiter waiter) {
        synchronized (this) {
            if (!queue.remove(waiter)) {
                return false;
            }
            waiter.queued.set(false);
        }
        if (waiter.timeout != null) {
            waiter.timeout.cancel(false);
        }
        return true;
    }

    /** The attempt ended with a reply: the slot is free, and the limit may climb. */
    void succeeded(Permit permit) {
        if (permit == null || !permit.release()) {
            return;
        }
        synchronized (this) {
            inFlight--;
            limit.succeeded(permit.aboveCeiling, System.nanoTime());
        }
        dispatch();
    }

    /** The attempt ended otherwise (an error that says nothing about load): the slot is free. */
    void released(Permit permit) {
        if (permit == null || !permit.release()) {
            return;
        }
        synchronized (this) {
            inFlight--;
        }
        dispatch();
    }

    /**
     * The server refused the attempt for load (429, 503): the slot is free, the limit drops, and with {@code pause}
     * nothing more is sent until {@code retryAfter} has passed.
     *
     * @return whether other requests were in flight: the refusal is this component's own burst (see AdaptiveLimit)
     */
    boolean refused(Permit permit, Duration retryAfter, boolean pause) {
        if (permit == null || !permit.release()) {
            return false;
        }
        boolean ownBurst;
        synchronized (this) {
            inFlight--;
            refusals++;
            long now = System.nanoTime();
            int before = limit.limit();
            int ceilingBefore = limit.ceiling();
            boolean pausing = pause && limit.adaptive() && retryAfter != null && !retryAfter.isZero();
            if (pausing) {
                long until = now + retryAfter.toNanos();
                if (!paused || until - pausedUntil > 0) {
                    pausedUntil = until;
                    paused = true;
                }
            }
            ownBurst = limit.refused(inFlight, permit.epoch, permit.number, permit.ahead, permit.probe,
                    pausing ? retryAfter : Duration.ZERO, now);
            if (limit.limit() != before || limit.ceiling() != ceilingBefore) {
                LOG.debug("Refused with {} in flight{}: concurrency limit {} -> {}, ceiling {} -> {}{}", inFlight + 1,
                        permit.probe ? " (a probe above the ceiling)" : "", before, limit.limit(), ceilingBefore,
                        limit.ceiling(),
                        paused ? ", queue paused for " + TimeUnit.NANOSECONDS.toMillis(pausedUntil - now) + " ms" : "");
            }
        }
        dispatch();
        return ownBurst;
    }

    public synchronized int limit() {
        return limit.limit();
    }

    /** The most requests in flight the server was seen to hold (maxConcurrentRequests until a refusal measured it). */
    public synchronized int ceiling() {
        return limit.ceiling();
    }

    public int maxConcurrentRequests() {
        return limit.max();
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public synchronized int queued() {
        return queue.size();
    }

    /** Refusals for load (429, 503) seen since start. */
    public synchronized long refusals() {
        return refusals;
    }

    /** Grants every slot that is free, in order; loops instead of recursing when a grant frees a slot on this thread. */
    private void dispatch() {
        boolean[] again = DISPATCHING.get();
        if (again != null) {
            again[0] = true;
            return;
        }
        again = new boolean[1];
        DISPATCHING.set(again);
        try {
            do {
                again[0] = false;
                for (Grant grant : take()) {
                    grant.run();
                }
            } while (again[0]);
        } finally {
            DISPATCHING.remove();
        }
    }

    private record Grant(Waiter waiter, Permit permit, ConcurrencyLimiter limiter) {
        void run() {
            if (waiter.timeout != null) {
                waiter.timeout.cancel(false);
            }
            try {
                waiter.granted.accept(permit);
            } catch (RuntimeException e) {
                LOG.warn("A request failed to start; its slot is freed", e);
                limiter.released(permit);
            }
        }
    }

    private synchronized List<Grant> take() {
        if (queue.isEmpty()) {
            return List.of();
        }
        long now = System.nanoTime();
        if (paused) {
            if (pausedUntil - now > 0) {
                scheduleResume();
                return List.of();
            }
            paused = false;
        }
        List<Grant> grants = new ArrayList<>(0);
        while (inFlight < limit.limit() && !queue.isEmpty()) {
            Waiter waiter = queue.poll();
            waiter.queued.set(false);
            inFlight++;
            grants.add(new Grant(waiter, new Permit(limit.epoch(), grantNumbers++, inFlight - 1, limit.isProbing(),
                    limit.isProbe(inFlight)), this));
        }
        return grants;
    }

    /**
     * Under the lock: makes sure a dispatch runs when the pause ends. One timer at a time: a pause extended by later
     * refusals is not given a timer per refusal (a burst's refusals would each fire a dispatch at the end of the
     * pause, all contending for the lock just when the queue starts again); the pending one, firing before the new
     * end, schedules the next.
     */
    private void scheduleResume() {
        if (resumeScheduled) {
            return;
        }
        long delayMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(pausedUntil - System.nanoTime()) + 1);
        try {
            delays.schedule(this::resume, delayMillis);
            resumeScheduled = true;
        } catch (RejectedExecutionException e) {
            // stopping: the sender ends its waiting requests itself
        }
    }

    private void resume() {
        synchronized (this) {
            resumeScheduled = false;
        }
        dispatch();
    }

    private void expire(Waiter waiter, long queueTimeoutMillis) {
        String state;
        synchronized (this) {
            if (!queue.remove(waiter)) {
                return;
            }
            waiter.queued.set(false);
            state = inFlight + " requests in flight, concurrency limit " + limit.limit() + " of maxConcurrentRequests "
                    + limit.max() + ", " + queue.size() + " more waiting" + (paused ? ", paused by a Retry-After" : "");
        }
        waiter.expired.accept(new QueueTimeoutException("The request waited queueTimeout (" + queueTimeoutMillis
                                                        + " ms) for a free slot and was not sent (" + state + ")"));
    }

    /** A request waiting for a slot. */
    static final class Waiter {

        private final long order;
        private final Consumer<Permit> granted;
        private final Consumer<QueueTimeoutException> expired;
        private final AtomicBoolean queued = new AtomicBoolean(true);
        private volatile ScheduledFuture<?> timeout;

        private Waiter(long order, Consumer<Permit> granted, Consumer<QueueTimeoutException> expired) {
            this.order = order;
            this.granted = granted;
            this.expired = expired;
        }

        boolean isQueued() {
            return queued.get();
        }
    }

    /** One slot, held by one attempt; released exactly once, whichever way the attempt ends. */
    static final class Permit {

        private final AtomicBoolean held = new AtomicBoolean(true);
        /** The episode of refusals it was granted in (see AdaptiveLimit). */
        private final long epoch;
        /** Grants are numbered in order: a refusal tells the requests sent ahead of it from those sent after. */
        private final long number;
        /** The requests in flight when it was granted, itself not counted. */
        private final int ahead;
        /** Whether it was granted while the limit probed above the ceiling (see AdaptiveLimit). */
        private final boolean probe;
        /** Whether it made more than the ceiling in flight: its success shows the server held them. */
        private final boolean aboveCeiling;

        private Permit(long epoch, long number, int ahead, boolean probe, boolean aboveCeiling) {
            this.epoch = epoch;
            this.number = number;
            this.ahead = ahead;
            this.probe = probe;
            this.aboveCeiling = aboveCeiling;
        }

        private boolean release() {
            return held.compareAndSet(true, false);
        }
    }
}
