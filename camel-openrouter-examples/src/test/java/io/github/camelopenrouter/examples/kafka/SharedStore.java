package io.github.camelopenrouter.examples.kafka;

import java.util.Map;

import io.github.camelopenrouter.conversation.jdbc.JdbcConversationStore;
import io.github.camelopenrouter.postgres.PostgresServer;

/**
 * The conversation store every instance of a test shares: the example's own configuration (a HikariCP pool per
 * instance, {@code conversation-data-source}), pointed at the test's PostgreSQL; and a look into it.
 */
final class SharedStore {

    private final PostgresServer postgres;
    private final JdbcConversationStore reader;

    SharedStore(PostgresServer postgres) {
        this.postgres = postgres;
        this.reader = new JdbcConversationStore(postgres.dataSource());
    }

    /** What an instance is given, over the example's file: where the database is. */
    Map<String, String> properties() {
        return Map.of("conversations.jdbc-url", postgres.jdbcUrl(),
                "conversations.user", postgres.user(),
                "conversations.password", postgres.password());
    }

    /** Turns the database holds for a conversation, read as any instance would. */
    int turns(String conversationId) {
        return reader.load(conversationId).size();
    }
}
