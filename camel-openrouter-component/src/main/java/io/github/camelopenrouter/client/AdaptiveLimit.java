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
 * <p>The ceiling: the level the last measuring refusal left the limit at, i.e. the most the server was seen to hold.
 * A request granted while more than the ceiling are in flight is a probe. A refused probe proves nothing new: the
 * limit goes back to the ceiling (not lower) and the next probe waits twice as long.
 *
 * <p>Probing, rarely: the limit goes above the ceiling only when the probe gap since the last refusal has passed. The
 * gap starts at ten times the pause the refusal caused (at least a second; a refusal that paused nothing - no
 * Retry-After, or one longer than retryMaxDelay - counts as no pause), doubles with every refused probe, and is at most
 * {@link #MAX_PROBE_GAP_NANOS}. A refused probe costs one refusal and a {@code Retry-After} pause of the whole queue;
 * at a gap of ten pauses that is a tenth of the throughput, and every failed probe halves the cost, down to a 300th
 * (one second's pause every five minutes). A key's capacity does not change second to second; when it grows, the
 * component finds out within five minutes.
 *
 * <p>Increase above the ceiling: one more after a window ({@code limit} successes) in which a probe succeeded: the
 * level above the ceiling was held, so it becomes the ceiling. A window without a probe (fewer requests than the limit
 * offered) raises nothing - the limit never runs ahead of what the server has been seen to hold by more than one.
 *
 * <p>Back to the ceiling quickly: a refusal that opens an episode while fewer than half the limit are in flight (it
 * came back late, or the server refused one request for another reason) says little about what the server holds. The
 * limit still halves - caution first - but the ceiling stays, and after the refusal's pause the limit climbs back to
 * it by one per success, which doubles it every round trip. A refusal on the way back is measured as usual and sets
 * a new ceiling.
 */
final class AdaptiveLimit {

    static final long MIN_PROBE_GAP_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final int PROBE_GAP_FACTOR = 10;
    /** The longest wait before a probe: a capacity that grew is found within it. */
    static final long MAX_PROBE_GAP_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final int max;
    private final boolean adaptive;
    private int limit;
    /** The most the server was seen to hold: max until the first measuring refusal. */
    private int ceiling;
    private int successes;
    private boolean probeSucceeded;
    /** Counts the episodes of refusals; a permit remembers the one it was granted in. */
    private long epoch;
    /** The lowest the current episode may take the limit. */
    private int floor = 1;
    private long probeGap = MIN_PROBE_GAP_NANOS;
    private long nextProbeAt;
    /** Under the ceiling after a late refusal: the climb back starts when the refusal's pause ends. */
    private long recoverFrom;

    AdaptiveLimit(int max, boolean adaptive) {
        this.max = max;
        this.adaptive = adaptive;
        this.limit = max;
        this.ceiling = max;
    }

    int limit() {
        return limit;
    }

    int ceiling() {
        return ceiling;
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

    /** Whether a request granted now, making {@code inFlightAfter} in flight, runs above the ceiling. */
    boolean isProbe(int inFlightAfter) {
        return adaptive && inFlightAfter > ceiling;
    }

    /**
     * A refusal arriving while {@code inFlightNow} other requests of the component are in flight.
     *
     * @param  sentInEpoch the episode the refused request was granted in
     * @param  probe       whether it was granted above the ceiling ({@link #isProbe})
     * @param  pausedFor   how long the queue is paused for the refusal's Retry-After, zero when it is not
     * @return             whether the refusal is the component's own doing: other requests were in flight, so the limit
     *                     drops and the request may go again at the lower level without counting against maxRetries
     *                     (at most {@link RetryingSender#MAX_FREE_RETRIES} times); a request refused while alone counts
     *                     as usual.
     */
    boolean refused(int inFlightNow, long sentInEpoch, boolean probe, Duration pausedFor, long nowNanos) {
        if (!adaptive) {
            return false;
        }
        long pause = Math.min(MAX_PROBE_GAP_NANOS, pausedFor.toNanos());
        successes = 0;
        probeSucceeded = false;
        if (probe) {
            // the server still holds the ceiling: back to it, and probe half as often
            limit = Math.min(limit, ceiling);
            probeGap = Math.min(MAX_PROBE_GAP_NANOS, Math.max(gapAfter(pause), 2 * probeGap));
            nextProbeAt = nowNanos + probeGap;
            return inFlightNow > 0;
        }
        boolean opensEpisode = sentInEpoch == epoch;
        if (opensEpisode) {
            // the first refusal of a request sent under the current limit: a new episode, which may take the limit
            // down to half of what it is now, however few requests are in flight. Refusals of requests sent earlier
            // belong to the same episode.
            epoch++;
            floor = Math.max(1, limit / 2);
        }
        int measured = Math.min(limit, inFlightNow);
        limit = Math.max(floor, measured);
        if (measured >= floor || !opensEpisode) {
            // the flight size measured what the server holds (or the episode already did, and this refusal takes
            // the limit further down)
            ceiling = limit;
        } else {
            // late: caution first, but the level the server held before is where the limit goes back to
            recoverFrom = nowNanos + pause;
        }
        // the capacity was measured afresh: the first probe above it comes after the base gap
        probeGap = gapAfter(pause);
        nextProbeAt = nowNanos + probeGap;
        return inFlightNow > 0;
    }

    /**
     * A request of the component was answered.
     *
     * @param probe whether it had been granted above the ceiling
     */
    void succeeded(boolean probe, long nowNanos) {
        if (!adaptive || limit >= max) {
            return;
        }
        if (limit < ceiling) {
            if (nowNanos - recoverFrom >= 0) {
                limit++;
            }
            return;
        }
        probeSucceeded |= probe;
        if (nowNanos - nextProbeAt < 0 || ++successes < limit) {
            return;
        }
        if (limit > ceiling) {
            if (!probeSucceeded) {
                // nothing ran above the ceiling in this window: nothing learned, nothing raised
                successes = 0;
                return;
            }
            ceiling = limit;
            probeGap = MIN_PROBE_GAP_NANOS;
        }
        limit++;
        successes = 0;
        probeSucceeded = false;
    }

    private static long gapAfter(long pauseNanos) {
        return Math.min(MAX_PROBE_GAP_NANOS, Math.max(MIN_PROBE_GAP_NANOS, PROBE_GAP_FACTOR * pauseNanos));
    }
}
