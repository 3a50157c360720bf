package io.github.camelopenrouter.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The arithmetic of the concurrency limit; not thread-safe ({@link ConcurrencyLimiter} calls it under its lock).
 *
 * <p>Decrease: a refusal (429, 503) proves the server will not hold more than the requests it is still holding, so
 * the limit drops to the number in flight when the refusal arrives - but by at most half in one episode (the refusals
 * of requests sent under the same limit), and never below 1. This is TCP's "flight size" rule, and like TCP it reacts
 * once per window: halving is the most one window of refusals can take away, however late the refusals come back.
 *
 * <p>The ceiling: the most the server was seen to hold, measured by the first burst. There maxConcurrentRequests go
 * out at once with nothing known, and every refusal lowers the ceiling with the limit; the last one leaves both at
 * what the server accepted. In that burst the number in flight at the client also counts requests still on their way
 * to the server (on a loaded machine they arrive over hundreds of milliseconds), which it never held, so the number
 * counted is also at most the requests in flight ahead of the refused one when it was granted, less the refusals of
 * those: only they can have been held when it arrived. That measures the capacity in the first round of refusals
 * rather than in a second one, which would cost a second pause of the whole queue. (Later, a request sent after the
 * refused one may overtake it on another connection, and counting only those ahead would measure one too few.)
 *
 * <p>Back to the ceiling quickly: a later refusal at or below the ceiling lowers the limit (caution first) but not
 * the ceiling, once the ceiling has been held for a round ({@code ceiling} successes) since the previous refusal: one
 * refusal among requests the server has just been holding says little (OpenRouter refuses for reasons of its own, a
 * provider without capacity, a rate per minute), and lowering the ceiling on each such refusal ratchets it down to
 * nothing. After the refusal's pause the limit climbs back by one per success, which doubles it every round trip. A
 * second refusal before the ceiling was held again does lower the ceiling to the limit it leaves: the server holds
 * less than it did.
 *
 * <p>Probing above the ceiling, rarely: a request granted while more than the ceiling are in flight is a probe. The
 * limit goes above the ceiling only when the probe gap since the last refusal has passed. The gap starts at ten times
 * the pause the refusal caused (at least a second; a refusal that paused nothing - no Retry-After, or one longer than
 * retryMaxDelay - counts as no pause), doubles with every refused probe, never shrinks, and is at most
 * {@link #MAX_PROBE_GAP_NANOS}. A refused probe proves nothing new: the limit goes back to the ceiling, not lower. It
 * costs one refusal and a {@code Retry-After} pause of the whole queue; at a gap of ten pauses that is a tenth of the
 * throughput, and every failed probe halves the cost, down to a 300th (one second's pause every five minutes). A key's
 * capacity does not change second to second; when it grows, the component finds out within five minutes.
 *
 * <p>Increase above the ceiling: one more after a window ({@code limit} successes) in which a probe succeeded: the
 * level was held, so it becomes the ceiling and the next step follows a window later. A window without a probe (fewer
 * requests offered than the limit) raises nothing: the limit never runs more than one ahead of what the server has been
 * seen to hold. A raised ceiling that the server then refuses at, taking the limit back to the level last measured, was
 * a probe that held a window only by luck (the client frees a slot a little after the server does, so the server
 * sometimes has room for one more): it counts as a refused probe.
 */
final class AdaptiveLimit {

    static final long MIN_PROBE_GAP_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final int PROBE_GAP_FACTOR = 10;
    /** The longest wait before a probe: a capacity that grew is found within it. */
    static final long MAX_PROBE_GAP_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final int max;
    private final boolean adaptive;
    private int limit;
    /** The most the server was seen to hold: max until the first burst measured it. */
    private int ceiling;
    /** The ceiling the last lowering refusal set (probes may have raised the ceiling since). */
    private int lastMeasured;
    private boolean measured;
    /** Whether the current episode is the first burst: maxConcurrentRequests went out at once, nothing was known. */
    private boolean firstBurst;
    /** The grant numbers of the requests refused in the first burst, to tell those ahead of a refused one. */
    private final List<Long> refusedInBurst = new ArrayList<>();
    /** Whether the ceiling was held for a round since the last refusal. */
    private boolean ceilingHeld;
    private int successesAtCeiling;
    private int successes;
    private boolean probeSucceeded;
    /** Counts the episodes of refusals; a permit remembers the one it was granted in. */
    private long epoch;
    /** The lowest the current episode may take the limit. */
    private int floor = 1;
    private long probeGap = MIN_PROBE_GAP_NANOS;
    private long nextProbeAt;
    /** Under the ceiling after a refusal: the climb back starts when the refusal's pause ends. */
    private long recoverFrom;

    AdaptiveLimit(int max, boolean adaptive) {
        this.max = max;
        this.adaptive = adaptive;
        this.limit = max;
        this.ceiling = max;
        this.lastMeasured = max;
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
     * Whether the limit is above the ceiling: a refusal of any request granted now is the probe's, even one granted
     * at or below the ceiling (a probe sent after it may reach the server first, on another connection).
     */
    boolean isProbing() {
        return adaptive && limit > ceiling;
    }

    /**
     * A refusal arriving while {@code inFlightNow} other requests of the component are in flight.
     *
     * @param  sentInEpoch  the episode the refused request was granted in
     * @param  granted      its grant number (grants are numbered in order)
     * @param  aheadAtGrant the requests in flight when it was granted, itself not counted
     * @param  probe        whether it was granted while probing above the ceiling ({@link #isProbing})
     * @param  pausedFor    how long the queue is paused for the refusal's Retry-After, zero when it is not
     * @return              whether the refusal is the component's own doing: other requests were in flight, so the
     *                      limit drops and the request may go again at the lower level without counting against
     *                      maxRetries (at most {@link RetryingSender#MAX_FREE_RETRIES} times); a request refused while
     *                      alone counts as usual.
     */
    boolean refused(int inFlightNow, long sentInEpoch, long granted, int aheadAtGrant, boolean probe, Duration pausedFor,
                    long nowNanos) {
        if (!adaptive) {
            return false;
        }
        long pause = Math.min(MAX_PROBE_GAP_NANOS, pausedFor.toNanos());
        successes = 0;
        probeSucceeded = false;
        probeGap = Math.max(probeGap, gapAfter(pause));
        if (probe) {
            // the server still holds the ceiling: back to it, and probe half as often
            limit = Math.min(limit, ceiling);
            probeGap = Math.min(MAX_PROBE_GAP_NANOS, 2 * probeGap);
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
            firstBurst = !measured;
            refusedInBurst.clear();
        }
        int inFlightCount = Math.min(limit, inFlightNow);
        if (firstBurst) {
            long refusedAhead = refusedInBurst.stream().filter(g -> g < granted).count();
            refusedInBurst.add(granted);
            inFlightCount = (int) Math.min(inFlightCount, Math.max(0, aheadAtGrant - refusedAhead));
        }
        limit = Math.max(floor, inFlightCount);
        if (firstBurst) {
            if (inFlightCount >= floor || !opensEpisode) {
                ceiling = limit;
                lastMeasured = limit;
                measured = true;
            }
        } else if (!ceilingHeld && limit < ceiling) {
            // refused again before the ceiling was held again: the server holds less than it did
            if (ceiling > lastMeasured && limit <= lastMeasured) {
                // probes had raised the ceiling, and the server holds no more than it was measured to: they failed
                probeGap = Math.min(MAX_PROBE_GAP_NANOS, 2 * probeGap);
            }
            ceiling = limit;
            lastMeasured = limit;
        }
        ceilingHeld = false;
        successesAtCeiling = 0;
        recoverFrom = nowNanos + pause;
        nextProbeAt = nowNanos + probeGap;
        return inFlightNow > 0;
    }

    /**
     * A request of the component was answered.
     *
     * @param probe whether it had been granted above the ceiling
     */
    void succeeded(boolean probe, long nowNanos) {
        if (!adaptive) {
            return;
        }
        if (limit < ceiling) {
            // back to a level the server held: quickly, once the refusal's pause is over
            if (nowNanos - recoverFrom >= 0) {
                limit++;
            }
            return;
        }
        if (!ceilingHeld && ++successesAtCeiling >= ceiling) {
            ceilingHeld = true;
        }
        if (limit >= max) {
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
        }
        limit++;
        successes = 0;
        probeSucceeded = false;
    }

    private static long gapAfter(long pauseNanos) {
        return Math.min(MAX_PROBE_GAP_NANOS, Math.max(MIN_PROBE_GAP_NANOS, PROBE_GAP_FACTOR * pauseNanos));
    }
}
