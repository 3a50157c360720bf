package io.github.camelopenrouter.examples.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelopenrouter.postgres.PostgresServer;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.Header;

/**
 * One measured run of the Kafka conversations example with N instances in one consumer group, each with its own
 * connection pool to the shared PostgreSQL (as N pods would have), counted and timed on the way by
 * {@link CountingDataSource}: a load is one read session, an append one committed session. Conversations are keyed records, so a conversation's turns are answered in order.
 */
final class ThroughputRun {

    static final int PARTITIONS = 4;
    private static final Duration WAIT = Duration.ofMinutes(5);

    /** What one run measured. */
    record Figures(int instances, int questions, double seconds, long loadP50, long loadP99, long appendP50,
                   long appendP99, double roundTripsPerQuestion, double connectionsPerQuestion) {

        double questionsPerSecond() {
            return questions / seconds;
        }
    }

    private final KafkaTestCluster kafka;
    private final PostgresServer postgres;
    private final OpenRouterSimulator simulator;
    private final String name;

    ThroughputRun(KafkaTestCluster kafka, PostgresServer postgres, OpenRouterSimulator simulator, String name) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.simulator = simulator;
        this.name = name;
    }

    Figures measure(int instanceCount, int conversations, int turns, int warmUpConversations) throws Exception {
        String questions = name + "-questions";
        String answers = name + "-answers";
        String group = name + "-group";
        kafka.createTopic(questions, PARTITIONS);
        kafka.createTopics(answers, name + "-unreadable");
        CountingDataSource counter = new CountingDataSource();
        List<HikariDataSource> pools = new ArrayList<>();
        List<ConversationInstance> instances = new ArrayList<>();
        try {
            for (int i = 1; i <= instanceCount; i++) {
                HikariDataSource pool = pool();
                pools.add(pool);
                // the example's configuration, with a pool that counts and times what the component's store asks
                instances.add(ConversationInstance.start("instance-" + i, settings(questions, answers, group),
                        Map.of("countedDb", counter.wrap(pool))));
            }
            awaitGroup(group, questions, instanceCount);

            // warm-up on every partition, so on every instance: JIT, pools, the store's first-use checks (its
            // tables, its clean-up schedule); then the counters start from zero
            int sent = ask(questions, name + "-warm", Math.max(warmUpConversations, PARTITIONS), 1, 2, true);
            awaitAnswers(answers, sent);
            counter.reset();

            long started = System.nanoTime();
            int measured = ask(questions, name + "-conversation", conversations, 1, turns, false);
            awaitAnswers(answers, sent + measured);
            double seconds = (System.nanoTime() - started) / 1e9;
            checkEachAnsweredOnce(answers, sent + measured);
            Timings loads = counter.reads();
            Timings appends = counter.writes();
            if (loads.count() != measured || appends.count() != measured) {
                throw new IllegalStateException(name + ": " + loads.count() + " loads and " + appends.count()
                                                + " appends for " + measured + " questions");
            }
            return new Figures(instanceCount, measured, seconds, loads.percentileMicros(50), loads.percentileMicros(99),
                    appends.percentileMicros(50), appends.percentileMicros(99),
                    (double) counter.roundTrips() / measured, (double) counter.connections() / measured);
        } finally {
            instances.forEach(ConversationInstance::close);
            pools.forEach(HikariDataSource::close);
        }
    }

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername(postgres.user());
        config.setPassword(postgres.password());
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private Map<String, String> settings(String questions, String answers, String group) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kafka.brokers", kafka.bootstrapServers());
        settings.put("kafka.questions-topic", questions);
        settings.put("kafka.answers-topic", answers);
        settings.put("kafka.dead-letter-topic", name + "-unreadable");
        settings.put("kafka.group-id", group);
        settings.put("camel.component.kafka.heartbeat-interval-ms", "200");
        settings.put("camel.component.kafka.poll-timeout-ms", "200");
        settings.put("camel.component.openrouter.base-url", simulator.baseUrl());
        settings.put("camel.component.openrouter.api-key", "sk-or-v1-scale-out-benchmark");
        settings.put("camel.component.openrouter.conversation-data-source", "#countedDb");
        return settings;
    }

    /**
     * Sends turns {@code from..to} of each conversation, turn by turn, keyed by conversation (or, with
     * {@code everyPartition}, conversation i to partition i modulo the partitions); returns how many it sent.
     */
    private int ask(String topic, String prefix, int conversations, int from, int to, boolean everyPartition)
            throws Exception {
        int sent = 0;
        try (KafkaProducer<String, byte[]> producer = kafka.producer()) {
            for (int turn = from; turn <= to; turn++) {
                for (int c = 1; c <= conversations; c++) {
                    String conversation = prefix + "-" + c;
                    producer.send(KafkaTestCluster.record(topic, everyPartition ? c % PARTITIONS : null, conversation,
                            (conversation + " question " + turn).getBytes(StandardCharsets.UTF_8),
                            Map.of("question-id", conversation + "/" + turn)));
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    private void awaitGroup(String group, String topic, int members) throws Exception {
        await(() -> {
            Map<String, List<Integer>> owners = kafka.assignments(group, topic);
            return owners.size() == members && owners.values().stream().mapToInt(List::size).sum() == PARTITIONS
                   && owners.values().stream().noneMatch(List::isEmpty);
        }, members + " members holding the " + PARTITIONS + " partitions");
    }

    private void awaitAnswers(String topic, int count) throws Exception {
        await(() -> kafka.totalEndOffset(topic) >= count, count + " answers");
    }

    private void checkEachAnsweredOnce(String topic, int expected) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = kafka.readAllPartitions(topic);
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Header id = record.headers().lastHeader("question-id");
            ids.add(id == null ? null : new String(id.value(), StandardCharsets.UTF_8));
        }
        if (records.size() != expected || ids.size() != expected) {
            throw new IllegalStateException(name + ": " + records.size() + " answers to " + ids.size()
                                            + " distinct questions, expected " + expected + " of each");
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + WAIT + " waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
