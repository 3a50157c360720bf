package io.github.camelopenrouter.simulator;

/**
 * How many chat completions the simulator works on at once, and the most it accepts: beyond the capacity a request is
 * refused with 429 and a {@code Retry-After} at once, as OpenRouter refuses a key with too many requests in progress.
 * A request counts from the moment its handler starts until just before its reply is written, so a client never sees
 * a reply while the simulator still counts the request.
 */
final class Capacity {

    static final String REFUSAL_MESSAGE = "Too many requests in progress for this key: retry after the Retry-After";

    private int capacity = Integer.MAX_VALUE;
    private String retryAfter;
    private int inProgress;
    private int peak;
    private long refused;

    /** @return whether the request is accepted (it then counts as in progress until {@link #leave()}) */
    synchronized boolean enter() {
        if (inProgress >= capacity) {
            refused++;
            return false;
        }
        inProgress++;
        peak = Math.max(peak, inProgress);
        return true;
    }

    synchronized void leave() {
        inProgress--;
    }

    synchronized void set(int capacity, String retryAfter) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, got " + capacity);
        }
        this.capacity = capacity;
        this.retryAfter = retryAfter;
    }

    synchronized String retryAfter() {
        return retryAfter;
    }

    synchronized int inProgress() {
        return inProgress;
    }

    synchronized int peak() {
        return peak;
    }

    synchronized long refused() {
        return refused;
    }

    /** No limit again; counters restart (requests still in progress stay counted). */
    synchronized void reset() {
        capacity = Integer.MAX_VALUE;
        retryAfter = null;
        peak = inProgress;
        refused = 0;
    }
}
