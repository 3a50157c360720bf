package io.github.camelopenrouter.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limit's arithmetic over hours of a long backlog, in virtual time: a key that holds {@code capacity} requests in
 * progress, answers in 100 ms and refuses beyond with 429 + Retry-After: 1 (which pauses the whole queue for a second).
 * Each round sends what the limit allows; the server takes the first {@code capacity} and refuses the rest at once.
 * {@code AdaptiveConcurrencyTest} checks the same behaviour over sockets, in seconds rather than hours.
 */
class AdaptiveLimitTest {

    private static final long ROUND = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Duration PAUSE = Duration.ofSeconds(1);

    @Test
    void aSteadyCapacityIsProbedRarely() {
        Backlog run = new Backlog(new AdaptiveLimit(64, true), 32);
        run.forMinutes(1);
        long afterFirstMinute = run.refusals;
        run.forMinutes(59);

        // the fixed hold of ten pauses this replaced: 354 refused probes (and whole-queue pauses) here, 91% of the capacity
        assertThat(run.refusals - afterFirstMinute).as("refused probes from minute 1 to 60").isLessThanOrEqualTo(13);
        assertThat(run.limit.limit()).isEqualTo(32);
        assertThat(run.limit.ceiling()).isEqualTo(32);
        assertThat(run.servedShare()).as("share of the capacity used over the hour").isGreaterThan(0.99);
    }

    @Test
    void aFailedProbeGoesBackToTheCeilingNotToHalf() {
        Backlog run = new Backlog(new AdaptiveLimit(64, true), 32);
        run.forMinutes(2);
        assertThat(run.refusals).as("the first burst (32) and a few probes").isBetween(33L, 40L);
        assertThat(run.lowestLimitAfterConvergence).isEqualTo(32);
    }

    @Test
    void aCapacityThatGrowsIsFoundWithinTheLongestProbeGap() {
        Backlog run = new Backlog(new AdaptiveLimit(64, true), 16);
        run.forMinutes(30); // the probe gap has grown to its longest
        run.capacity = 40;
        run.forMinutes(6);
        assertThat(run.limit.ceiling()).isBetween(39, 40);
    }

    @Test
    void aLateRefusalHalvesTheLimitButItClimbsBackWithinAFewRoundTrips() {
        AdaptiveLimit limit = new AdaptiveLimit(64, true);
        long now = 0;
        // measured: a burst of 64, refused beyond 32
        for (int i = 32; i < 64; i++) {
            limit.refused(63 - (i - 32), 0, i, i, false, PAUSE, now);
        }
        assertThat(limit.limit()).isEqualTo(32);
        now += PAUSE.toNanos();
        for (int i = 0; i < 32; i++) {
            limit.succeeded(false, now); // a round at the ceiling: the server holds it
        }
        now += TimeUnit.SECONDS.toNanos(60);
        // one refusal with two others in flight (the backlog ran dry, or the server refused one for another reason)
        limit.refused(2, limit.epoch(), 1000, 2, false, PAUSE, now);
        assertThat(limit.limit()).isEqualTo(16);
        assertThat(limit.ceiling()).isEqualTo(32);

        now += PAUSE.toNanos();
        for (int i = 0; i < 16; i++) {
            limit.succeeded(false, now);
        }
        assertThat(limit.limit()).as("after one window of 16 answers").isEqualTo(32);
        limit.succeeded(false, now + ROUND);
        assertThat(limit.limit()).as("no probe before the gap").isEqualTo(32);
    }

    @Test
    void withoutProbesAboveTheCeilingTheLimitDoesNotRunAhead() {
        AdaptiveLimit limit = new AdaptiveLimit(64, true);
        for (int inFlight = 63; inFlight >= 8; inFlight--) {
            limit.refused(inFlight, limit.epoch(), 0, 63, false, Duration.ZERO, 0);
        }
        int measured = limit.limit();
        // a trickle: answers keep coming, but never more than the ceiling in flight
        long later = TimeUnit.MINUTES.toNanos(10);
        for (int i = 0; i < 10_000; i++) {
            limit.succeeded(false, later + i);
        }
        assertThat(limit.limit()).isEqualTo(measured + 1);
        assertThat(limit.ceiling()).isEqualTo(measured);
    }

    @Test
    void aBurstThatReachesTheServerSlowlyIsMeasuredInTheFirstRoundOfRefusals() {
        // a loaded machine: all 64 are still in flight at the client when the refusals of the 33rd to the 64th come
        // back, the server having taken the first 32. The number in flight (63) says nothing; those ahead do.
        AdaptiveLimit limit = new AdaptiveLimit(64, true);
        for (int i = 32; i < 64; i++) {
            limit.refused(63, 0, i, i, false, PAUSE, 0);
        }
        assertThat(limit.limit()).isEqualTo(32);
        assertThat(limit.ceiling()).isEqualTo(32);
    }

    @Test
    void refusalsReadOutOfOrderStillMeasureTheCapacity() {
        AdaptiveLimit limit = new AdaptiveLimit(64, true);
        for (int i = 63; i >= 32; i--) {
            limit.refused(63, 0, i, i, false, PAUSE, 0);
        }
        assertThat(limit.limit()).isEqualTo(32);
    }

    @Test
    void onceMeasuredARequestOvertakenOnAnotherConnectionDoesNotLowerTheCeiling() {
        AdaptiveLimit limit = new AdaptiveLimit(8, true);
        for (int i = 4; i < 8; i++) {
            limit.refused(7 - (i - 4), 0, i, i, false, Duration.ZERO, 0);
        }
        assertThat(limit.ceiling()).isEqualTo(4);
        // at the ceiling, the server refuses a request granted with three ahead of it: one sent after it arrived
        // first. Four are in flight: the server holds four, as measured.
        limit.refused(4, limit.epoch(), 100, 3, false, Duration.ZERO, TimeUnit.SECONDS.toNanos(5));
        assertThat(limit.ceiling()).isEqualTo(4);
        assertThat(limit.limit()).isEqualTo(4);
    }

    @Test
    void scatteredRefusalsAtAHeldCeilingDoNotRatchetItDown() {
        AdaptiveLimit limit = new AdaptiveLimit(64, true);
        for (int i = 32; i < 64; i++) {
            limit.refused(63 - (i - 32), 0, i, i, false, Duration.ZERO, 0);
        }
        long now = 0;
        for (int refusal = 0; refusal < 50; refusal++) {
            for (int i = 0; i < 40; i++) {
                limit.succeeded(false, now += 1000);
            }
            // one request among the 32 the server holds is refused for a reason of its own
            limit.refused(31, limit.epoch(), 0, 31, false, Duration.ZERO, now);
        }
        assertThat(limit.ceiling()).isEqualTo(32);
        limit.succeeded(false, now);
        assertThat(limit.limit()).as("back at the ceiling after one answer").isEqualTo(32);
    }

    @Test
    void aCapacityThatShrinksIsMeasuredByTheSecondRefusal() {
        AdaptiveLimit limit = new AdaptiveLimit(64, true);
        for (int i = 32; i < 64; i++) {
            limit.refused(63 - (i - 32), 0, i, i, false, Duration.ZERO, 0);
        }
        long now = 0;
        for (int i = 0; i < 40; i++) {
            limit.succeeded(false, now += 1000);
        }
        // the key now holds 20: refused with 20 others in flight, then again on the way back up
        limit.refused(20, limit.epoch(), 0, 31, false, Duration.ZERO, now);
        assertThat(limit.ceiling()).isEqualTo(32);
        limit.succeeded(false, now += 1000);
        limit.refused(20, limit.epoch(), 0, 20, false, Duration.ZERO, now);
        assertThat(limit.ceiling()).isEqualTo(20);
        assertThat(limit.limit()).isEqualTo(20);
    }

    /** A backlog that never runs dry, sent round after round through the limit. */
    private static final class Backlog {

        final AdaptiveLimit limit;
        int capacity;
        long now;
        long pausedUntil;
        long refusals;
        long served;
        long offered;
        long grants;
        int lowestLimitAfterConvergence = Integer.MAX_VALUE;

        Backlog(AdaptiveLimit limit, int capacity) {
            this.limit = limit;
            this.capacity = capacity;
        }

        void forMinutes(int minutes) {
            long end = now + TimeUnit.MINUTES.toNanos(minutes);
            while (now - end < 0) {
                round();
            }
        }

        /** One round trip: send what the limit allows; refusals come back at once, answers after the round. */
        void round() {
            if (pausedUntil - now > 0) {
                offered += capacity * ((pausedUntil - now) / ROUND);
                now = pausedUntil;
            }
            int sent = limit.limit();
            long epoch = limit.epoch();
            long firstGrant = grants;
            grants += sent;
            boolean probing = limit.isProbing();
            boolean[] probe = new boolean[sent];
            for (int i = 0; i < sent; i++) {
                probe[i] = limit.isProbe(i + 1);
            }
            int accepted = Math.min(sent, capacity);
            for (int i = accepted; i < sent; i++) {
                // the refused ones come back while the accepted ones (and the refusals not yet read) are in flight
                limit.refused(sent - 1 - (i - accepted), epoch, firstGrant + i, i, probing, PAUSE, now);
                refusals++;
                pausedUntil = now + PAUSE.toNanos();
            }
            if (refusals > 0) {
                lowestLimitAfterConvergence = Math.min(lowestLimitAfterConvergence, limit.limit());
            }
            now += ROUND;
            for (int i = 0; i < accepted; i++) {
                limit.succeeded(probe[i], now);
            }
            served += accepted;
            offered += capacity;
        }

        /** What was answered, against what the server would have answered had it always been kept full. */
        double servedShare() {
            return (double) served / offered;
        }
    }
}
