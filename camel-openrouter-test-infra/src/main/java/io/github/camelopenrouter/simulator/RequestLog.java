package io.github.camelopenrouter.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Chat-completion requests in arrival order, and a way to wait for them. */
final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();

    /** @return the zero-based index of the request */
    synchronized int add(RecordedRequest request) {
        requests.add(request);
        notifyAll();
        return requests.size() - 1;
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    synchronized int count() {
        return requests.size();
    }

    synchronized RecordedRequest last(String where) {
        if (requests.isEmpty()) {
            throw new IllegalStateException("No chat-completion request has reached the simulator at " + where
                    + " yet: check the endpoint's base URL and that the route actually ran");
        }
        return requests.get(requests.size() - 1);
    }

    synchronized RecordedRequest await(int count, Duration timeout, String where) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("Expected " + count + " chat-completion request(s) at " + where
                        + " within " + timeout + " but " + requests.size() + " arrived");
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for requests", e);
            }
        }
        return requests.get(requests.size() - 1);
    }

    synchronized void clear() {
        requests.clear();
    }
}
