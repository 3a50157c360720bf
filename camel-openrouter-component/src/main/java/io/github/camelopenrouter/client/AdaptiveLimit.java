package io.github.camelopenrouter.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The arithmetic of the concurrency limit; not thread-safe ({@link ConcurrencyLimiter} calls it under its lock).
 *
 * <p>Decrease: a refusal (429, 503) proves the server will not hold more than the requests it is still holding, so
 * the limit drops to the number in flight when the refusal arrives - but by at most half in one episode (the refusals
 * of requests sent under the same limit), and never below 1. In a burst every refusal lowers it a little more, and the
 * last one leaves it at what the server accepted. This is TCP's "flight size" rule, and like TCP it reacts once per
 * window: halving is the most one window of refusals can take away, however late the refusals come back (when the
 * accepted requests are already done, the number in flight says little). Unlike AIMD it does not always halve: a
 * server that refuses beyond N in progress is measured, and halving would throw away throughput the server offers.
 *
 * <p>Hold: probing above a level that was just refused costs a refusal and, with it, a {@code Retry-After} pause of
 * the whole queue. So the limit stays put for ten times the pause (at least a second) after the last refusal: a failed
 * probe then costs at most about a tenth of the throughput. A refusal that paused nothing (no Retry-After, or one
 * longer than retryMaxDelay) holds a second.
 *
 * <p>Increase: after the hold, one more for every {@code limit} successes - about one per round trip of the whole
 * window, the additive increase of AIMD - up to {@code maxConcurrentRequests}.
 */
final class AdaptiveLimit {

    static final long MIN_HOLD_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final int HOLD_FACTOR = 10;
    /** The longest hold: the limit must come back. */
    private static final long MAX_HOLD_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final int max;
    private final boolean adaptive;
    private int limit;
    private int successes;
    /** Counts the episodes of refusals; a permit remembers the one it was granted in. */
    private long epoch;
    /** The lowest the current episode may take the limit. */
    private int floor = 1;
    private long holdUntil;
    private boolean held;

    AdaptiveLimit(int max, boolean adaptive) {
        this.max = max;
        this.adaptive = adaptive;
        this.limit = max;
    }

    int limit() {
        return limit;
    }

    long epoch() {
        return epoch;
    }

    int max() {
        return max;
    }

    boolean adaptive() {
        return adaptive;
    }

    /**
     * A refusal arriving while {@code inFlightNow} other requests of the component are in flight.
     *
     * @param  pausedFor how long the queue is paused for the refusal's Retry-After, zero when it is not
     * @return           whether the refusal is the component's own doing: other requests were in flight, so the limit
     *                   drops and the request may go again at the lower level without counting against maxRetries (at
     *                   most {@link RetryingSender#MAX_FREE_RETRIES} times); a request refused while alone counts as
     *                   usual.
     */
    boolean refused(int inFlightNow, long sentInEpoch, Duration pausedFor, long nowNanos) {
        if (!adaptive) {
            return false;
        }
        if (sentInEpoch == epoch) {
            // the first refusal of a request sent under the current limit: a new episode, which may take the limit
            // down to half of what it is now, however few requests are in flight (just after a pause, a refusal says
            // little about what the server holds). Refusals of requests sent earlier belong to the same episode.
            epoch++;
            floor = Math.max(1, limit / 2);
        }
        limit = Math.max(floor, Math.min(limit, inFlightNow));
        successes = 0;
        long pause = pausedFor.compareTo(Duration.ofNanos(MAX_HOLD_NANOS)) > 0 ? MAX_HOLD_NANOS : pausedFor.toNanos();
        long until = nowNanos + Math.min(MAX_HOLD_NANOS, Math.max(MIN_HOLD_NANOS, HOLD_FACTOR * pause));
        if (!held || until - holdUntil > 0) {
            holdUntil = until;
        }
        held = true;
        return inFlightNow > 0;
    }

    void succeeded(long nowNanos) {
        if (!adaptive || limit >= max || held && nowNanos - holdUntil < 0) {
            return;
        }
        held = false;
        if (++successes >= limit) {
            limit++;
            successes = 0;
        }
    }
}
