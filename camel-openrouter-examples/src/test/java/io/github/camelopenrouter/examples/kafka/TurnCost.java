package io.github.camelopenrouter.examples.kafka;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelopenrouter.OpenRouterComponent;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.conversation.jdbc.JdbcConversationStore;
import io.github.camelopenrouter.postgres.PostgresServer;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * What the JDBC conversation store costs per turn, measured through the component: the bytes the turn row holds in
 * PostgreSQL and the round trips to the database of one exchange (its load and its append), for a text question, a
 * follow-up, and a PDF sent inline or uploaded to the Files API ({@code uploadFiles=true}, the store keeps its id).
 * Each turn has a turn id, as the Kafka conversations example gives it.
 */
final class TurnCost {

    /** One kind of turn. */
    record Row(String turn, long payloadBytes, long turnJsonBytes, long fileBytes, long turnIdBytes, long roundTrips,
               long connections) {

        long storedBytes() {
            return turnJsonBytes + fileBytes + turnIdBytes;
        }
    }

    private final PostgresServer postgres;
    private final OpenRouterSimulator simulator;
    private final String table;

    TurnCost(PostgresServer postgres, OpenRouterSimulator simulator, String table) {
        this.postgres = postgres;
        this.simulator = simulator;
        this.table = table;
    }

    List<Row> measure(byte[] pdf) throws Exception {
        CountingDataSource counter = new CountingDataSource();
        JdbcConversationStore store = new JdbcConversationStore(counter.wrap(postgres.dataSource()));
        store.setTable(table);
        store.createTables();
        simulator.setLatency(java.time.Duration.ZERO);
        CamelContext camel = new DefaultCamelContext();
        OpenRouterComponent openRouter = new OpenRouterComponent();
        openRouter.getConfiguration().setApiKey("sk-or-v1-turn-cost");
        openRouter.getConfiguration().setBaseUrl(simulator.baseUrl());
        openRouter.getConfiguration().setConversationStore(store);
        openRouter.getConfiguration().setPdfEngine("cloudflare-ai");
        camel.addComponent("openrouter", openRouter);
        camel.start();
        List<Row> rows = new ArrayList<>();
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            String chat = "openrouter:chat?model=google/gemini-2.5-flash";
            String question = "What are the three main points of this document?";
            rows.add(turn(template, counter, chat, "text question (first turn)", "text", question, Map.of(), 1,
                    question.length()));
            rows.add(turn(template, counter, chat, "text follow-up (second turn)", "text", "And the second one?",
                    Map.of(), 2, "And the second one?".length()));
            rows.add(turn(template, counter, chat, "PDF inline (first turn)", "inline", pdf,
                    Map.of(OpenRouterConstants.FILE_NAME, "report.pdf", OpenRouterConstants.PROMPT, question), 1,
                    pdf.length));
            rows.add(turn(template, counter, chat + "&uploadFiles=true", "PDF uploaded, uploadFiles=true (first turn)",
                    "uploaded", pdf, Map.of(OpenRouterConstants.FILE_NAME, "report.pdf", OpenRouterConstants.PROMPT,
                            question), 1, pdf.length));
        } finally {
            camel.stop();
        }
        return rows;
    }

    private Row turn(ProducerTemplate template, CountingDataSource counter, String uri, String label,
            String conversation, Object body, Map<String, Object> headers, int seq, long payloadBytes) throws Exception {
        Map<String, Object> all = new java.util.HashMap<>(headers);
        all.put(OpenRouterConstants.CONVERSATION_ID, conversation);
        // as the Kafka example does: the question's id names the turn (a question-id header like these)
        all.put(OpenRouterConstants.CONVERSATION_TURN_ID, "questions-0-" + (1000 + seq));
        counter.reset();
        template.requestBodyAndHeaders(uri, body, all);
        long roundTrips = counter.roundTrips();
        long connections = counter.connections();
        try (Connection connection = postgres.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT octet_length(turn),"
                     + " coalesce(octet_length(files), 0), coalesce(octet_length(turn_id), 0) FROM " + table + "_turn WHERE conversation_id = ? AND seq = ?")) {
            select.setString(1, conversation);
            select.setLong(2, seq);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No turn " + seq + " of " + conversation + " in " + table);
                }
                return new Row(label, payloadBytes, row.getLong(1), row.getLong(2), row.getLong(3), roundTrips,
                        connections);
            }
        }
    }
}
