package io.github.camelopenrouter.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelopenrouter.benchmarks.peers.JdkFloorPeer;
import io.github.camelopenrouter.benchmarks.peers.Peer;

/**
 * W5's bound for a client that must learn the capacity: the least time any client can take that finds the capacity
 * from the server's refusals and honours their {@code Retry-After} for everything it has queued, as the component
 * does. It is given every advantage but the capacity itself: it sends exactly one request more than the
 * capacity at first (the fewest that can provoke a refusal), and from the first refusal on holds exactly the capacity
 * - no client that does not know the capacity can learn it with fewer refusals or hold it more closely. Each refusal
 * stops every send until its {@code Retry-After} has passed (counted from when it arrived), and the refused request
 * goes first after it. Nothing is parsed beyond the status.
 */
final class LearningFloor {

    private LearningFloor() {
    }

    /** {@code count} requests through the peer's async API, which fails a 429 with {@link JdkFloorPeer.Refused}. */
    static List<CompletableFuture<String>> send(Peer peer, BenchRequest request, int count, int capacity)
            throws Exception {
        Semaphore slots = new Semaphore(capacity + 1);
        AtomicBoolean learned = new AtomicBoolean();
        AtomicLong resumeAt = new AtomicLong(System.nanoTime());
        AtomicInteger unanswered = new AtomicInteger(count);
        LinkedBlockingDeque<Integer> work = new LinkedBlockingDeque<>();
        List<CompletableFuture<String>> answers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            work.add(i);
            answers.add(new CompletableFuture<>());
        }
        while (unanswered.get() > 0) {
            slots.acquire();
            // a refusal may have come while this waited for the slot
            for (long wait; (wait = resumeAt.get() - System.nanoTime()) > 0;) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Integer index = work.pollFirst(10, TimeUnit.MILLISECONDS);
            if (index == null) {
                slots.release();
                continue;
            }
            if (resumeAt.get() - System.nanoTime() > 0) {
                work.addFirst(index);
                slots.release();
                continue;
            }
            peer.sendAsync(request).whenComplete((answer, failure) -> {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof JdkFloorPeer.Refused refused) {
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(refused.retryAfterSeconds());
                    resumeAt.accumulateAndGet(until, Math::max);
                    work.addFirst(index);
                    if (!learned.compareAndSet(false, true)) {
                        slots.release();
                    }
                    // the first refusal's slot is never given back: the capacity is learned
                    return;
                }
                if (failure == null) {
                    answers.get(index).complete(answer);
                } else {
                    answers.get(index).completeExceptionally(cause);
                }
                unanswered.decrementAndGet();
                slots.release();
            });
        }
        return answers;
    }
}
