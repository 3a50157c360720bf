package io.github.camelopenrouter.examples.kafka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.camelopenrouter.conversation.ConversationStore;
import io.github.camelopenrouter.conversation.ConversationTurn;

/** A conversation store that times every load and append of the store it wraps, as the component calls them. */
final class TimedConversationStore implements ConversationStore {

    private final ConversationStore store;
    private final Timings loads;
    private final Timings appends;

    TimedConversationStore(ConversationStore store, Timings loads, Timings appends) {
        this.store = store;
        this.loads = loads;
        this.appends = appends;
    }

    @Override
    public List<ConversationTurn> load(String conversationId) {
        long started = System.nanoTime();
        try {
            return store.load(conversationId);
        } finally {
            loads.add(System.nanoTime() - started);
        }
    }

    @Override
    public void append(String conversationId, ConversationTurn turn) {
        long started = System.nanoTime();
        try {
            store.append(conversationId, turn);
        } finally {
            appends.add(System.nanoTime() - started);
        }
    }

    @Override
    public void remove(String conversationId) {
        store.remove(conversationId);
    }

    /** Durations in nanoseconds, from any thread. */
    static final class Timings {

        private final List<Long> nanos = new ArrayList<>();

        synchronized void add(long duration) {
            nanos.add(duration);
        }

        synchronized void clear() {
            nanos.clear();
        }

        synchronized int count() {
            return nanos.size();
        }

        /** The given percentile (0-100, nearest rank) in microseconds; 0 when nothing was timed. */
        synchronized long percentileMicros(double percentile) {
            if (nanos.isEmpty()) {
                return 0;
            }
            long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(percentile / 100 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000;
        }
    }
}
