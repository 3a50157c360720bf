package io.github.camelopenrouter.docstest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelopenrouter.conversation.jdbc.JdbcConversationStore;
import io.github.camelopenrouter.examples.kafka.KafkaTestCluster;
import io.github.camelopenrouter.postgres.PostgresServer;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One instance of the Kafka conversations example (the command of docs/scaling.md) against the Kafka broker the
 * Kafka fixtures share and a real PostgreSQL ({@link PostgresServer}: initdb in a temporary directory), its database
 * {@code conversations} as the command names it. It does what the examples README's console-producer line does: two
 * questions of the conversation {@code c-1} on {@code questions}; done when both answers are on {@code answers}
 * under {@code c-1}, each {@code answered-by} this instance, and the conversation's two turns are in PostgreSQL -
 * which is what makes a follow-up on another instance work.
 */
final class KafkaConversationsFixture implements Fixture {

    // the topics, conversation and questions as the README's console-tool lines name them (the example's defaults)
    static final String QUESTIONS = "questions";
    static final String ANSWERS = "answers";
    static final String CONVERSATION = "c-1";
    static final List<String> ASKED = List.of("What is a consumer group?", "And how does it rebalance?");
    /** The instance.name the documented command gives. */
    static final String INSTANCE = "node-1";

    private final OpenRouterSimulator simulator;
    private final KafkaTestCluster kafka;
    private final Admin admin;
    private final PostgresServer postgres;

    KafkaConversationsFixture(OpenRouterSimulator simulator, KafkaTestCluster kafka) {
        this.simulator = simulator;
        this.kafka = kafka;
        this.postgres = PostgresServer.start();
        postgres.createDatabase("conversations");
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @Override
    public Map<String, String> environment() {
        return Fixtures.simulatorEnvironment(simulator);
    }

    /** The broker and database the command names, and the test server's database user (the README's is camel). */
    @Override
    public String mavenArguments() {
        return "-Dkafka.brokers=" + kafka.bootstrapServers() + " -Dconversations.jdbc-url="
               + postgres.jdbcUrl("conversations") + " -Dconversations.user=" + postgres.user()
               + " -Dconversations.password=" + postgres.password() + Fixtures.kafkaPoll() + Fixtures.baseUrl(simulator);
    }

    /** Both questions before the instance starts: its new group reads from the earliest offset, in order. */
    @Override
    public void before(Path copy) throws Exception {
        KafkaFixture.send(kafka, QUESTIONS, CONVERSATION, ASKED.toArray(String[]::new));
    }

    /** Fails at once when the answers came out wrong, or the store does not hold the conversation. */
    @Override
    public boolean done(Path copy, String output) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = KafkaFixture.recordsOn(kafka, admin, ANSWERS, ASKED.size());
        if (records.isEmpty()) {
            return false;
        }
        List<String> answers = records.stream().map(r -> KafkaFixture.keyAndText(r) + " (answered-by "
                                                         + header(r, "answered-by") + ")").toList();
        List<String> expected = ASKED.stream().map(q -> CONVERSATION + "\t" + answer(q) + " (answered-by " + INSTANCE
                                                        + ")").toList();
        if (!answers.equals(expected)) {
            throw new AssertionError("on " + ANSWERS + ": " + answers + "; expected: " + expected);
        }
        int turns = new JdbcConversationStore(postgres.dataSource("conversations")).load(CONVERSATION).size();
        if (turns != ASKED.size()) {
            throw new AssertionError("PostgreSQL holds " + turns + " turns of " + CONVERSATION + ", not " + ASKED.size());
        }
        return true;
    }

    /** The simulator describes what it received: the question (the earlier turn goes before it, as history). */
    private static String answer(String question) {
        return "Received 1 text part, 0 images, 0 files, 0 audio, 0 video. Text: \"" + question + "\"";
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public String expectation() {
        return "both answers of " + CONVERSATION + " on " + ANSWERS + " answered by " + INSTANCE
               + ", and its two turns in PostgreSQL";
    }

    @Override
    public void close() {
        admin.close();
        postgres.close();
    }
}
