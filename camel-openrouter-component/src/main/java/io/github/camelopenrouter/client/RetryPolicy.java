package io.github.camelopenrouter.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.camelopenrouter.OpenRouterApiException;

/**
 * When a failed attempt is sent again, and after how long. Exponential backoff with jitter: the n-th retry waits
 * between half and all of {@code min(maxDelay, initialDelay * 2^(n-1))}, so retries of many exchanges that failed
 * together spread out, yet each still backs off. A {@code Retry-After} from the server is a floor: the wait is never
 * shorter. A {@code Retry-After} longer than {@code maxDelay} is not waited at all: the exchange fails at once with that
 * error, since holding it for an hour (and the caller with it) is worse than letting the route decide.
 *
 * @param maxRetries   retries after the first attempt; 0 disables retrying
 * @param initialDelay milliseconds before the first retry
 * @param maxDelay     the longest wait between two attempts, in milliseconds
 */
public record RetryPolicy(int maxRetries, long initialDelay, long maxDelay) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
        }
        if (initialDelay < 0 || maxDelay < 0) {
            throw new IllegalArgumentException("retryInitialDelay and retryMaxDelay must be 0 or more, got "
                                               + initialDelay + " and " + maxDelay);
        }
    }

    /** Retry after {@code delayMillis}, or give up ({@code delayMillis} &lt; 0) with a note for the message, or none. */
    record Decision(long delayMillis, String note) {

        static Decision retryAfter(long delayMillis) {
            return new Decision(delayMillis, null);
        }

        static Decision giveUp(String note) {
            return new Decision(-1, note);
        }

        boolean retry() {
            return delayMillis >= 0;
        }
    }

    /**
     * @param failure         why the attempt failed
     * @param attemptsMade    attempts so far, this one included
     * @param bodyRepeatable  whether the request body can be written again
     */
    Decision decide(Throwable failure, int attemptsMade, boolean bodyRepeatable) {
        if (!Failures.isRetryable(failure)) {
            return Decision.giveUp(attemptsMade > 1 ? "failed after " + attemptsMade + " attempts" : null);
        }
        if (attemptsMade > maxRetries) {
            return Decision.giveUp(maxRetries == 0 ? null : "gave up after " + attemptsMade + " attempts");
        }
        if (!bodyRepeatable) {
            return Decision.giveUp("not retried: the request body comes from a source that can be read only once,"
                                   + " so it cannot be sent again" + after(attemptsMade));
        }
        Duration retryAfter = failure instanceof OpenRouterApiException api ? api.getRetryAfter() : null;
        if (retryAfter != null && retryAfter.compareTo(Duration.ofMillis(maxDelay)) > 0) {
            return Decision.giveUp("not retried: the server asked to wait " + describe(retryAfter) + " (Retry-After),"
                                   + " longer than retryMaxDelay (" + maxDelay + " ms)" + after(attemptsMade));
        }
        long wait = backoff(attemptsMade);
        return Decision.retryAfter(retryAfter == null ? wait : Math.max(wait, retryAfter.toMillis()));
    }

    /** The jittered wait before retry number {@code retry} (1 for the first retry). */
    long backoff(int retry) {
        long nominal = nominalBackoff(retry);
        long half = nominal / 2;
        return half + ThreadLocalRandom.current().nextLong(nominal - half + 1);
    }

    /** {@code min(maxDelay, initialDelay * 2^(retry-1))}, without overflowing. */
    long nominalBackoff(int retry) {
        long delay = initialDelay;
        for (int i = 1; i < retry && delay < maxDelay; i++) {
            delay = delay > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : delay * 2;
        }
        return Math.min(delay, maxDelay);
    }

    private static String after(int attemptsMade) {
        return attemptsMade > 1 ? ", after " + attemptsMade + " attempts" : "";
    }

    private static String describe(Duration wait) {
        long seconds = wait.toSeconds();
        return seconds >= 1 ? seconds + " s" : wait.toMillis() + " ms";
    }
}
