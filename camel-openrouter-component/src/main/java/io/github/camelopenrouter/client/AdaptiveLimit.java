package io.github.camelopenrouter.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The arithmetic of the concurrency limit; not thread-safe ({@link ConcurrencyLimiter} calls it under its lock).
 *
 * <p>Decrease: a refusal (429, 503) proves the server will not hold more than the requests it is still holding, so
 * the limit drops to the number in flight when the refusal arrives (never below 1). In a burst every refusal lowers
 * it a little more, and the last one leaves it at what the server accepted. This is TCP's "flight size" rule without
 * its halving: a server that refuses beyond N in progress is measured, not guessed at, and halving would throw away
 * half the throughput the server offers.
 *
 * <p>Hold: probing above a level that was just refused costs a refusal and, with it, a {@code Retry-After} pause of
 * the whole queue. So the limit stays put for ten times the {@code Retry-After} (at least a second) after the last
 * refusal: a failed probe then costs at most about a tenth of the throughput.
 *
 * <p>Increase: after the hold, one more for every {@code limit} successes - about one per round trip of the whole
 * window, the additive increase of AIMD - up to {@code maxConcurrentRequests}.
 */
final class AdaptiveLimit {

    static final long MIN_HOLD_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final int HOLD_FACTOR = 10;
    /** A Retry-After beyond this (an exhausted daily quota) holds no longer than this: the limit must come back. */
    private static final long MAX_HOLD_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final int max;
    private final boolean adaptive;
    private int limit;
    private int successes;
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

    int max() {
        return max;
    }

    boolean adaptive() {
        return adaptive;
    }

    /**
     * A refusal arriving while {@code inFlightNow} other requests of the component are in flight.
     *
     * @return whether the refusal is the component's own doing: other requests were in flight, so the limit drops and
     *         the request may go again at the lower level without counting against maxRetries (at most
     *         {@link RetryingSender#MAX_FREE_RETRIES} times); a request refused while alone counts as usual.
     */
    boolean refused(int inFlightNow, Duration retryAfter, long nowNanos) {
        if (!adaptive) {
            return false;
        }
        limit = Math.max(1, Math.min(limit, inFlightNow));
        successes = 0;
        long wait = retryAfter == null ? 0
                : retryAfter.compareTo(Duration.ofNanos(MAX_HOLD_NANOS)) > 0 ? MAX_HOLD_NANOS : retryAfter.toNanos();
        long hold = Math.min(MAX_HOLD_NANOS, Math.max(MIN_HOLD_NANOS, HOLD_FACTOR * wait));
        long until = nowNanos + hold;
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
