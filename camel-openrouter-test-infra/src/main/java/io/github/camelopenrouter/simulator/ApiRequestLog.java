package io.github.camelopenrouter.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Requests to the endpoints other than chat completions, in arrival order. */
final class ApiRequestLog {

    private final List<ApiRequest> requests = new ArrayList<>();

    synchronized int add(ApiRequest request) {
        requests.add(request);
        notifyAll();
        return requests.size() - 1;
    }

    synchronized List<ApiRequest> snapshot() {
        return List.copyOf(requests);
    }

    synchronized List<ApiRequest> await(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("Expected " + count + " API request(s) within " + timeout + " but "
                        + requests.size() + " arrived: " + requests);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for requests", e);
            }
        }
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }
}
