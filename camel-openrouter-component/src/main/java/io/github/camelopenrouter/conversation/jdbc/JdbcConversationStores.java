package io.github.camelopenrouter.conversation.jdbc;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The JDBC stores a component made for its endpoints' conversationDataSource: one per DataSource (and settings), so
 * twenty endpoints on one database share one store - one table check, one expiry clean-up schedule.
 */
public final class JdbcConversationStores {

    /** The DataSource is compared by identity: the same bean means the same database. */
    private record Key(DataSource dataSource, int maxTurns, long ttlMillis, boolean createTables) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && dataSource == that.dataSource && maxTurns == that.maxTurns
                   && ttlMillis == that.ttlMillis && createTables == that.createTables;
        }

        @Override
        public int hashCode() {
            return ((System.identityHashCode(dataSource) * 31 + maxTurns) * 31 + Long.hashCode(ttlMillis)) * 31
                   + Boolean.hashCode(createTables);
        }
    }

    private final Map<Key, JdbcConversationStore> stores = new HashMap<>();

    /** The store on this DataSource with these settings, made on first use. */
    public synchronized JdbcConversationStore store(DataSource dataSource, int maxTurns, long ttlMillis,
                                                    boolean createTables) {
        return stores.computeIfAbsent(new Key(dataSource, maxTurns, ttlMillis, createTables), key -> {
            JdbcConversationStore store = new JdbcConversationStore(dataSource);
            store.setMaxTurns(maxTurns);
            store.setTtl(Duration.ofMillis(ttlMillis));
            store.setCreateTables(createTables);
            return store;
        });
    }

    public synchronized int size() {
        return stores.size();
    }
}
