package io.github.camelopenrouter.simulator;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** Which fault the next request gets: queued faults first, then the policy. */
final class FaultSchedule {

    private final Deque<Fault> queue = new ArrayDeque<>();
    private FaultPolicy policy;

    synchronized void enqueue(Fault... faults) {
        for (Fault fault : faults) {
            if (fault == null) {
                throw new IllegalArgumentException("null fault in " + Arrays.toString(faults));
            }
        }
        queue.addAll(Arrays.asList(faults));
    }

    synchronized void policy(FaultPolicy newPolicy) {
        policy = newPolicy;
    }

    /** @return the fault for the request with this index, or null */
    synchronized Fault next(int requestIndex) {
        Fault queued = queue.poll();
        if (queued != null) {
            return queued;
        }
        return policy == null ? null : policy.next(requestIndex);
    }

    synchronized void clear() {
        queue.clear();
        policy = null;
    }
}
