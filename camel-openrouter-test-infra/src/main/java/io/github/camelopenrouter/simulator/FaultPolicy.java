package io.github.camelopenrouter.simulator;

/**
 * Chooses a fault per request when the simulator's fault queue is empty, e.g. for a soak test:
 * {@code i -> i % 20 == 7 ? Fault.error(503, "overloaded") : null}.
 * Called once per chat-completion request, in arrival order, from handler threads: keep it cheap and
 * thread-safe.
 */
@FunctionalInterface
public interface FaultPolicy {

    /**
     * @param requestIndex zero-based index of the chat-completion request since start or the last reset
     * @return the fault for this request, or {@code null} for a normal reply
     */
    Fault next(int requestIndex);
}
