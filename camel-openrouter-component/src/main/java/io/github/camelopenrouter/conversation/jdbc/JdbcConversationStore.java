package io.github.camelopenrouter.conversation.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.github.camelopenrouter.conversation.ConversationStore;
import io.github.camelopenrouter.conversation.ConversationStoreException;
import io.github.camelopenrouter.conversation.ConversationTurn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversations in a relational database reached through any {@link DataSource} (tested on PostgreSQL), so several
 * Camel instances continue each other's conversations and a restart forgets nothing. Plain JDBC: no dependency beyond
 * the DataSource (and its driver) the application already has.
 *
 * <p>
 * <b>Tables.</b> {@code openrouter_conversation} (one row per conversation: the last turn's sequence number and when
 * it was last appended to) and {@code openrouter_conversation_turn} (one row per turn: a small JSON document and, apart,
 * the raw bytes of files sent inline). Created on first use with {@code CREATE TABLE IF NOT EXISTS} unless
 * {@link #setCreateTables(boolean)} is off; {@link #ddl()} is the DDL for teams that manage their schema.
 *
 * <p>
 * <b>Order and concurrency.</b> An append is one transaction: it locks the conversation's row
 * ({@code SELECT ... FOR UPDATE}), gives the turn the next sequence number, inserts it and drops the turns beyond the
 * bound. Two instances appending to one conversation at once therefore take turns: every turn is kept exactly once and
 * the turns are ordered by the database's commit order, numbered 1, 2, 3... without ties (the primary key is the
 * conversation and that number). A turn is written whole or not at all. A turn with a turn id
 * (CamelOpenRouterConversationTurnId) the conversation already holds - its question delivered again - is not written
 * a second time, and {@link #loadBefore} gives that question the history it had the first time.
 *
 * <p>
 * <b>Bounds.</b> The newest {@link #setMaxTurns(int) maxTurns} turns of a conversation are kept (default 50, the
 * component's conversationMaxTurns). With a {@link #setTtl(Duration) ttl}, a conversation not appended to for that long
 * is expired: no longer returned, and deleted in batches of {@link #setCleanupBatchSize(int) cleanupBatchSize}
 * conversations (each batch a short transaction on the rows it deletes, never a table lock), at most once per
 * {@link #setCleanupInterval(Duration) cleanupInterval} per store, by the append that finds the clean-up due.
 *
 * <p>
 * <b>Threads.</b> The producer calls {@link #load} on the thread that sends the exchange to the endpoint (the route's
 * own thread) and {@link #append} on the component's worker threads once the reply is in - never on the HTTP client's
 * I/O threads, so a slow database delays the exchanges waiting on it, not the other replies. Give the component as many
 * workerThreads as appends may wait on the database at once. Every statement has a query timeout, so a database that
 * hangs fails the exchange instead of holding it.
 *
 * <p>
 * <b>Failures.</b> A database that is down or refuses a statement fails the exchange with a
 * {@link ConversationStoreException} naming this store, the conversation and the database's own message (error type
 * {@code conversation_store_failed}); nothing of the turn is written.
 *
 * <p>
 * Configure the store before its first use; it is thread-safe after that.
 */
public final class JdbcConversationStore implements ConversationStore {

    public static final int DEFAULT_MAX_TURNS = 50;
    public static final Duration DEFAULT_CLEANUP_INTERVAL = Duration.ofMinutes(1);
    public static final int DEFAULT_CLEANUP_BATCH_SIZE = 100;
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConversationStore.class);
    /** A new conversation appended to by two instances at once: one insert wins, the other tries again and appends. */
    private static final int MAX_ATTEMPTS = 3;
    /** Batches one clean-up deletes at most, so that the append running it is delayed by a bounded amount. */
    private static final int MAX_BATCHES_PER_CLEANUP = 10;

    private final DataSource dataSource;
    private ConversationSql sql = new ConversationSql(ConversationSql.DEFAULT_TABLE);
    private int maxTurns = DEFAULT_MAX_TURNS;
    private long ttlMillis;
    private boolean createTables = true;
    private long cleanupIntervalMillis = DEFAULT_CLEANUP_INTERVAL.toMillis();
    private int cleanupBatchSize = DEFAULT_CLEANUP_BATCH_SIZE;
    private int queryTimeoutSeconds = (int) DEFAULT_QUERY_TIMEOUT.toSeconds();
    private Clock clock = Clock.systemUTC();

    private volatile boolean tablesReady;
    private final AtomicLong nextCleanup = new AtomicLong(Long.MIN_VALUE);

    public JdbcConversationStore(DataSource dataSource) {
        if (dataSource == null) {
            throw new IllegalArgumentException("A JDBC conversation store needs a DataSource");
        }
        this.dataSource = dataSource;
    }

    /** The DDL of the default tables, for teams that create their schema themselves (PostgreSQL). */
    public static List<String> ddl() {
        return new ConversationSql(ConversationSql.DEFAULT_TABLE).createTables();
    }

    /** The DDL of this store's tables. */
    public List<String> tableDdl() {
        return sql.createTables();
    }

    @Override
    public List<ConversationTurn> load(String conversationId) {
        checkId(conversationId);
        ensureTables(conversationId, "load");
        List<ConversationTurn> turns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = prepare(connection, sql.loadTurns())) {
            select.setString(1, conversationId);
            select.setLong(2, oldestLive(clock.millis()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    turns.add(TurnCodec.decode(rows.getString(1), rows.getBytes(2)).withTurnId(rows.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw failure("load", conversationId, e);
        } catch (RuntimeException e) {
            throw new ConversationStoreException("The conversation store " + this + " could not read conversation '"
                                                 + conversationId + "': " + e.getMessage(), e);
        }
        return turns;
    }

    @Override
    public void append(String conversationId, ConversationTurn turn) {
        checkId(conversationId);
        ensureTables(conversationId, "append a turn to");
        TurnCodec.Encoded encoded = TurnCodec.encode(turn);
        for (int attempt = 1;; attempt++) {
            try {
                inTransaction(connection -> append(connection, conversationId, turn, encoded, clock.millis()));
                break;
            } catch (SQLException e) {
                if (attempt >= MAX_ATTEMPTS || !isConflict(e)) {
                    throw failure("append a turn to", conversationId, e);
                }
                LOG.debug("Appending to conversation {} met a concurrent append ({}): trying again", conversationId,
                        e.getSQLState());
            }
        }
        cleanUpIfDue();
    }

    private void append(Connection connection, String conversationId, ConversationTurn turn, TurnCodec.Encoded encoded,
                        long now) throws SQLException {
        long seq;
        try (PreparedStatement lock = prepare(connection, sql.lockConversation())) {
            lock.setString(1, turn.turnId());
            lock.setString(2, conversationId);
            try (ResultSet row = lock.executeQuery()) {
                if (row.next()) {
                    long last = row.getLong(1);
                    if (row.getLong(2) < oldestLive(now)) {
                        // expired but not yet cleaned up: the conversation starts afresh, as if it had been deleted
                        dropTurnsUpTo(connection, conversationId, last);
                    } else if (row.getObject(3) != null) {
                        LOG.debug("Conversation {} already holds turn {}: not recorded again", conversationId,
                                turn.turnId());
                        return;
                    }
                    seq = last + 1;
                } else {
                    seq = 0;
                }
            }
        }
        if (seq == 0) {
            seq = 1;
            // a concurrent first append inserts the same id: one of the two fails on the primary key, rolls back and
            // tries again, then finds the row and locks it
            executeUpdate(connection, sql.insertConversation(), conversationId, seq, now);
        } else {
            executeUpdate(connection, sql.updateConversation(), seq, now, conversationId);
        }
        try (PreparedStatement insert = prepare(connection, sql.insertTurn())) {
            insert.setString(1, conversationId);
            insert.setLong(2, seq);
            insert.setString(3, turn.turnId());
            insert.setLong(4, now);
            insert.setLong(5, turn.sizeInBytes());
            insert.setString(6, encoded.json());
            if (encoded.files() == null) {
                insert.setNull(7, Types.VARBINARY);
            } else {
                insert.setBytes(7, encoded.files());
            }
            insert.executeUpdate();
        }
        if (seq > maxTurns) {
            dropTurnsUpTo(connection, conversationId, seq - maxTurns);
        }
    }

    private void dropTurnsUpTo(Connection connection, String conversationId, long seq) throws SQLException {
        executeUpdate(connection, sql.dropTurnsUpTo(), conversationId, seq);
    }

    @Override
    public void remove(String conversationId) {
        checkId(conversationId);
        ensureTables(conversationId, "remove");
        try (Connection connection = dataSource.getConnection()) {
            executeUpdate(connection, sql.deleteConversation(), conversationId);
        } catch (SQLException e) {
            throw failure("remove", conversationId, e);
        }
    }

    /**
     * Deletes expired conversations now, in batches of cleanupBatchSize (each its own transaction), at most ten
     * batches; the store also runs this itself once per cleanupInterval. Nothing to do without a ttl.
     *
     * @return the conversations deleted
     */
    public int removeExpired() {
        if (ttlMillis <= 0) {
            return 0;
        }
        ensureTables(null, "clean up");
        int removed = 0;
        String delete = sql.deleteExpiredBatch(cleanupBatchSize);
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            for (int batch = 0; batch < MAX_BATCHES_PER_CLEANUP; batch++) {
                long oldestLive = oldestLive(clock.millis());
                int deleted = executeUpdate(connection, delete, oldestLive, oldestLive);
                removed += deleted;
                if (deleted < cleanupBatchSize) {
                    break;
                }
            }
        } catch (SQLException e) {
            throw new ConversationStoreException("The conversation store " + this + " could not delete expired"
                                                 + " conversations: " + e.getMessage(), e);
        }
        if (removed > 0) {
            LOG.debug("Deleted {} expired conversation(s) from {}", removed, sql.conversations);
        }
        return removed;
    }

    /** Runs the clean-up when it is due; its failure is logged, not the append's (the turn is already committed). */
    private void cleanUpIfDue() {
        if (ttlMillis <= 0) {
            return;
        }
        long now = clock.millis();
        long due = nextCleanup.get();
        if (now < due || !nextCleanup.compareAndSet(due, now + cleanupIntervalMillis)) {
            return;
        }
        try {
            removeExpired();
        } catch (RuntimeException e) {
            LOG.warn("Deleting expired conversations failed (tried again in {} ms): {}", cleanupIntervalMillis,
                    e.getMessage());
        }
    }

    /** Creates the tables (if missing) now rather than on first use. */
    public void createTables() {
        for (int attempt = 1;; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                try (Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout(queryTimeoutSeconds);
                    for (String ddl : sql.createTables()) {
                        statement.execute(ddl);
                    }
                }
                break;
            } catch (SQLException e) {
                // two instances creating the tables at once can fail one of them while the other's CREATE commits
                // (PostgreSQL reports a duplicate key in pg_type, or that the table's type already exists, depending on
                // the moment): once it has committed, IF NOT EXISTS goes through
                if (attempt >= MAX_ATTEMPTS || !(isConflict(e) || isAlreadyCreated(e))) {
                    throw new ConversationStoreException("The conversation store " + this + " could not create its"
                                                         + " tables: " + e.getMessage(), e);
                }
                pause(50L * attempt);
            }
        }
        tablesReady = true;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureTables(String conversationId, String action) {
        if (tablesReady || !createTables) {
            return;
        }
        synchronized (this) {
            if (!tablesReady) {
                try {
                    createTables();
                } catch (ConversationStoreException e) {
                    throw conversationId == null ? e : new ConversationStoreException("The conversation store " + this
                                                   + " could not " + action + " conversation '" + conversationId
                                                   + "': its tables could not be created: " + e.getCause().getMessage(),
                                                   e.getCause());
                }
            }
        }
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private void inTransaction(Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                // a pooled connection goes back as it came
                try {
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException e) {
                    LOG.debug("Could not restore auto-commit on a connection of {}", this, e);
                }
            }
        }
    }

    private PreparedStatement prepare(Connection connection, String statement) throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(statement);
        prepared.setQueryTimeout(queryTimeoutSeconds);
        return prepared;
    }

    private int executeUpdate(Connection connection, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement prepared = prepare(connection, statement)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Long number) {
                    prepared.setLong(i + 1, number);
                } else {
                    prepared.setString(i + 1, (String) parameters[i]);
                }
            }
            return prepared.executeUpdate();
        }
    }

    /** The oldest last-append time of a live conversation. */
    private long oldestLive(long now) {
        return ttlMillis <= 0 ? Long.MIN_VALUE : now - ttlMillis;
    }

    /** A primary-key conflict (a concurrent first append), a serialization failure or a deadlock: worth another go. */
    /** duplicate_object (the table's row type) or duplicate_table: another CREATE got there first. */
    private static boolean isAlreadyCreated(SQLException e) {
        return "42710".equals(e.getSQLState()) || "42P07".equals(e.getSQLState());
    }

    private static boolean isConflict(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || state.startsWith("40"));
    }

    private static void checkId(String conversationId) {
        if (conversationId == null || conversationId.isEmpty() || conversationId.length() > ConversationSql.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("A conversation id for the JDBC conversation store must have 1 to "
                                               + ConversationSql.MAX_ID_LENGTH + " characters, got "
                                               + (conversationId == null ? "none" : conversationId.length()));
        }
    }

    private ConversationStoreException failure(String action, String conversationId, SQLException e) {
        String state = e.getSQLState();
        // 42: a syntax error or access rule violation, a missing table among them
        String hint = !createTables && state != null && state.startsWith("42")
                ? "; createTables is off: create the tables first (JdbcConversationStore.ddl())" : "";
        return new ConversationStoreException("The conversation store " + this + " could not " + action + " conversation '"
                                              + conversationId + "': " + e.getMessage()
                                              + (state == null ? "" : " (SQL state " + state + ")") + hint, e);
    }

    // configuration, before first use

    public DataSource getDataSource() {
        return dataSource;
    }

    public int getMaxTurns() {
        return maxTurns;
    }

    /** The newest turns kept per conversation (default 50); older ones are deleted as new ones arrive. */
    public void setMaxTurns(int maxTurns) {
        if (maxTurns < 1) {
            throw new IllegalArgumentException("maxTurns of a JDBC conversation store must be at least 1, got " + maxTurns);
        }
        this.maxTurns = maxTurns;
    }

    public Duration getTtl() {
        return Duration.ofMillis(ttlMillis);
    }

    /** How long a conversation lives after its last turn; zero (the default) keeps it until maxTurns pushes turns out. */
    public void setTtl(Duration ttl) {
        if (ttl == null || ttl.isNegative()) {
            throw new IllegalArgumentException("The ttl of a JDBC conversation store must be zero (never expire) or"
                                               + " positive, got " + ttl);
        }
        this.ttlMillis = ttl.toMillis();
    }

    public boolean isCreateTables() {
        return createTables;
    }

    /** Whether the tables are created on first use when missing (default true); off for a schema managed elsewhere. */
    public void setCreateTables(boolean createTables) {
        this.createTables = createTables;
    }

    public String getTable() {
        return sql.conversations;
    }

    /**
     * The conversations table (default {@code openrouter_conversation}, optionally schema-qualified); the turns table
     * is its name plus {@code _turn}.
     */
    public void setTable(String table) {
        this.sql = new ConversationSql(table);
        this.tablesReady = false;
    }

    public Duration getCleanupInterval() {
        return Duration.ofMillis(cleanupIntervalMillis);
    }

    /** How often, at most, this store deletes expired conversations (default a minute). */
    public void setCleanupInterval(Duration interval) {
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("cleanupInterval must be zero or positive, got " + interval);
        }
        this.cleanupIntervalMillis = interval.toMillis();
    }

    public int getCleanupBatchSize() {
        return cleanupBatchSize;
    }

    /** Expired conversations deleted per statement (default 100): each such delete is one short transaction. */
    public void setCleanupBatchSize(int cleanupBatchSize) {
        if (cleanupBatchSize < 1) {
            throw new IllegalArgumentException("cleanupBatchSize must be at least 1, got " + cleanupBatchSize);
        }
        this.cleanupBatchSize = cleanupBatchSize;
    }

    public Duration getQueryTimeout() {
        return Duration.ofSeconds(queryTimeoutSeconds);
    }

    /** The longest one statement may take (default 10 s, whole seconds as JDBC counts them). */
    public void setQueryTimeout(Duration queryTimeout) {
        if (queryTimeout == null || queryTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("queryTimeout must be at least one second, got " + queryTimeout);
        }
        this.queryTimeoutSeconds = (int) Math.min(Integer.MAX_VALUE, queryTimeout.toSeconds());
    }

    /** The clock expiry is measured with (tests move it; instances should have synchronised clocks). */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String toString() {
        return "JdbcConversationStore[table " + sql.conversations + ", " + dataSource.getClass().getSimpleName() + "]";
    }
}
