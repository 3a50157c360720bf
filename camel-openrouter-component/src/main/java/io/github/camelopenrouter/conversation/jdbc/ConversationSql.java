package io.github.camelopenrouter.conversation.jdbc;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The statements of the JDBC conversation store, for one pair of tables. Plain SQL except where noted: {@code TEXT} and
 * {@code BYTEA} column types and {@code CREATE INDEX IF NOT EXISTS} are PostgreSQL's (another database needs its own
 * DDL, see the component documentation); the rest is standard SQL ({@code SELECT ... FOR UPDATE},
 * {@code FETCH FIRST n ROWS ONLY}, {@code ON DELETE CASCADE}).
 */
final class ConversationSql {

    static final String DEFAULT_TABLE = "openrouter_conversation";
    /** What a conversation id may be at most; longer ones are refused before any statement. */
    static final int MAX_ID_LENGTH = 255;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    final String conversations;
    final String turns;

    ConversationSql(String table) {
        if (table == null || !NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("'" + table + "' is not a table name the JDBC conversation store accepts:"
                                               + " use letters, digits and _, optionally after a schema and a dot"
                                               + " (for example openrouter_conversation or ai.openrouter_conversation)");
        }
        this.conversations = table;
        this.turns = table + "_turn";
    }

    /** The DDL run on first use unless switched off; also what a team that manages its schema runs itself. */
    List<String> createTables() {
        String index = conversations.substring(conversations.indexOf('.') + 1) + "_updated";
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + conversations + " ("
                + " conversation_id VARCHAR(" + MAX_ID_LENGTH + ") NOT NULL PRIMARY KEY,"
                + " last_seq BIGINT NOT NULL,"
                + " updated_millis BIGINT NOT NULL)",
                "CREATE INDEX IF NOT EXISTS " + index + " ON " + conversations + " (updated_millis)",
                "CREATE TABLE IF NOT EXISTS " + turns + " ("
                + " conversation_id VARCHAR(" + MAX_ID_LENGTH + ") NOT NULL REFERENCES " + conversations
                + " (conversation_id) ON DELETE CASCADE,"
                + " seq BIGINT NOT NULL,"
                + " turn_id VARCHAR(" + MAX_ID_LENGTH + "),"
                + " created_millis BIGINT NOT NULL,"
                + " size_bytes BIGINT NOT NULL,"
                + " turn TEXT NOT NULL,"
                + " files BYTEA,"
                + " PRIMARY KEY (conversation_id, seq),"
                + " UNIQUE (conversation_id, turn_id))");
    }

    /** The turns of a live conversation, oldest first: parameters id, the oldest live updated_millis. */
    String loadTurns() {
        return "SELECT t.turn, t.files, t.turn_id FROM " + turns + " t JOIN " + conversations
               + " c ON c.conversation_id = t.conversation_id"
               + " WHERE c.conversation_id = ? AND c.updated_millis >= ? ORDER BY t.seq";
    }

    /** Locks a conversation's row for the append: parameter id. */
    String lockConversation() {
        return "SELECT last_seq, updated_millis FROM " + conversations + " WHERE conversation_id = ? FOR UPDATE";
    }

    /** Parameters id, last_seq, updated_millis. */
    String insertConversation() {
        return "INSERT INTO " + conversations + " (conversation_id, last_seq, updated_millis) VALUES (?, ?, ?)";
    }

    /** Parameters last_seq, updated_millis, id. */
    String updateConversation() {
        return "UPDATE " + conversations + " SET last_seq = ?, updated_millis = ? WHERE conversation_id = ?";
    }

    /** Parameters id, seq, turn_id, created_millis, size_bytes, turn, files. */
    String insertTurn() {
        return "INSERT INTO " + turns + " (conversation_id, seq, turn_id, created_millis, size_bytes, turn, files)"
               + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    }

    /** Whether a conversation holds a turn id: parameters id, turn_id. */
    String findTurnId() {
        return "SELECT seq FROM " + turns + " WHERE conversation_id = ? AND turn_id = ?";
    }

    /** Drops the turns up to a seq: parameters id, the highest seq to drop. */
    String dropTurnsUpTo() {
        return "DELETE FROM " + turns + " WHERE conversation_id = ? AND seq <= ?";
    }

    /** Parameter id; its turns go with it (ON DELETE CASCADE). */
    String deleteConversation() {
        return "DELETE FROM " + conversations + " WHERE conversation_id = ?";
    }

    /**
     * One batch of expired conversations (their turns cascade): parameters the oldest live updated_millis, twice. The
     * outer condition is checked again on each row as it is deleted, so a conversation continued meanwhile stays.
     */
    String deleteExpiredBatch(int batchSize) {
        return "DELETE FROM " + conversations + " WHERE conversation_id IN (SELECT conversation_id FROM " + conversations
               + " WHERE updated_millis < ? ORDER BY updated_millis FETCH FIRST " + batchSize + " ROWS ONLY)"
               + " AND updated_millis < ?";
    }
}
