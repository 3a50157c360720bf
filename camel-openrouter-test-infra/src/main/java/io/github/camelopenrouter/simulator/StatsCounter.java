package io.github.camelopenrouter.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Thread-safe counters behind {@link SimulatorStats}. */
final class StatsCounter {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong replied2xx = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLongArray faulted = new AtomicLongArray(Fault.Kind.values().length);
    private final AtomicLong filesParsed = new AtomicLong();
    private final AtomicLong annotationsReused = new AtomicLong();

    void request() {
        requests.incrementAndGet();
    }

    void replied2xx() {
        replied2xx.incrementAndGet();
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    void faulted(Fault.Kind kind) {
        faulted.incrementAndGet(kind.ordinal());
    }

    void files(int parsed, int reused) {
        filesParsed.addAndGet(parsed);
        annotationsReused.addAndGet(reused);
    }

    void reset() {
        requests.set(0);
        replied2xx.set(0);
        rejected.set(0);
        for (int i = 0; i < faulted.length(); i++) {
            faulted.set(i, 0);
        }
        filesParsed.set(0);
        annotationsReused.set(0);
    }

    SimulatorStats snapshot() {
        Map<Fault.Kind, Long> byKind = new EnumMap<>(Fault.Kind.class);
        for (Fault.Kind kind : Fault.Kind.values()) {
            long count = faulted.get(kind.ordinal());
            if (count > 0) {
                byKind.put(kind, count);
            }
        }
        return new SimulatorStats(requests.get(), replied2xx.get(), rejected.get(), byKind, filesParsed.get(),
                annotationsReused.get());
    }
}
