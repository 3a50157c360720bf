package io.github.camelopenrouter.examples.kafka;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelopenrouter.postgres.PostgresServer;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.RecordedRequest;
import io.github.camelopenrouter.simulator.TestPdfs;
import org.apache.camel.builder.Builder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelopenrouter.examples.kafka.KafkaTestCluster.header;
import static io.github.camelopenrouter.examples.kafka.KafkaTestCluster.text;
import static io.github.camelopenrouter.examples.kafka.KafkaTestCluster.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the Kafka conversations example in one consumer group, on a real Kafka broker (KRaft, in this
 * JVM), sharing their conversations in a real PostgreSQL (started by the test, reached through the example's own
 * pool configuration), against the OpenRouter simulator. Which instance holds which partition is read from the group
 * itself, and questions are sent to chosen partitions, so who answers what is known in advance.
 */
class KafkaConversationScaleOutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PARTITIONS = 4;
    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();

    private static KafkaTestCluster kafka;
    private static OpenRouterSimulator simulator;
    private static PostgresServer postgres;
    private static SharedStore store;

    private String questions;
    private String answers;
    private String group;
    private final List<ConversationInstance> instances = new ArrayList<>();

    @BeforeAll
    static void startServers() throws Exception {
        kafka = KafkaTestCluster.start();
        simulator = OpenRouterSimulator.start();
        postgres = PostgresServer.start();
        store = new SharedStore(postgres);
    }

    @AfterAll
    static void stopServers() throws Exception {
        simulator.close();
        kafka.close();
        postgres.close();
    }

    @BeforeEach
    void createTopics() throws Exception {
        simulator.reset();
        int test = TEST_NUMBER.incrementAndGet();
        questions = "questions-" + test;
        answers = "answers-" + test;
        group = "conversations-" + test;
        kafka.createTopic(questions, PARTITIONS);
        kafka.createTopics(answers, "unreadable-" + test);
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(ConversationInstance::close);
    }

    @Test
    void aFollowUpOnTheOtherInstanceCarriesTheFirstTurnAndItsAnnotationsAndThePdfIsParsedOnce() throws Exception {
        Map<String, List<Integer>> owners = startTwoInstances();
        int partitionOfA = owners.get("instance-a").get(0);
        int partitionOfB = owners.get("instance-b").get(0);
        byte[] pdf = TestPdfs.withText("Invoice 42 Total 99 EUR");

        kafka.send(questions, partitionOfA, "invoice-42", pdf,
                Map.of("file-name", "invoice.pdf", "question", "What is the total?", "question-id", "q-1"));
        ConsumerRecord<String, byte[]> first = awaitAnswers(1).get(0);
        // the follow-up is asked once the first answer is read, and lands on the other instance's partition
        kafka.send(questions, partitionOfB, "invoice-42", utf8("Who has to pay it?"), Map.of("question-id", "q-2"));
        ConsumerRecord<String, byte[]> second = awaitAnswers(2).get(1);

        assertThat(header(first, "answered-by")).isEqualTo("instance-a");
        assertThat(header(second, "answered-by")).isEqualTo("instance-b");
        assertThat(first.key()).isEqualTo("invoice-42");
        assertThat(second.key()).isEqualTo("invoice-42");
        assertThat(header(first, "question-id")).isEqualTo("q-1");
        assertThat(header(second, "question-id")).isEqualTo("q-2");
        String firstAnswer = text(first);
        assertThat(firstAnswer).isEqualTo("Received 1 text part, 0 images, 1 file, 0 audio, 0 video. Files: invoice.pdf."
                                          + " Text: \"What is the total?\" Parsed invoice.pdf with cloudflare-ai:"
                                          + " Invoice 42 Total 99 EUR");
        assertThat(text(second)).isEqualTo("Received 1 text part, 0 images, 0 files, 0 audio, 0 video."
                                           + " Text: \"Who has to pay it?\" Reused annotations for invoice.pdf.");

        List<RecordedRequest> sent = simulator.requests();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).json().get("messages")).isEqualTo(JSON.readTree("""
                [{"role":"user","content":[{"type":"text","text":"What is the total?"},
                   {"type":"file","file":{"filename":"invoice.pdf","file_data":"%s"}}]},
                 {"role":"assistant","content":%s,
                  "annotations":[{"type":"file","file":{"hash":"%s","name":"invoice.pdf",
                                  "content":[{"type":"text","text":"Invoice 42 Total 99 EUR"}]}}]},
                 {"role":"user","content":[{"type":"text","text":"Who has to pay it?"}]}]"""
                .formatted(TestPdfs.dataUrl(pdf), JSON.writeValueAsString(firstAnswer), sha256(pdf))));
        assertThat(simulator.stats().filesParsed()).isEqualTo(1);
        assertThat(simulator.stats().annotationsReused()).isEqualTo(1);
        assertThat(store.turns("invoice-42")).isEqualTo(2);
        awaitCommitted(Map.of(partitionOfA, 1L, partitionOfB, 1L));

        // the follow-up delivered again (as after a crash before its commit), this time to A: it is answered again -
        // Kafka delivers at least once - but asked with the history it had the first time, and not stored twice
        kafka.send(questions, partitionOfA, "invoice-42", utf8("Who has to pay it?"), Map.of("question-id", "q-2"));
        ConsumerRecord<String, byte[]> again = awaitAnswers(3).get(2);

        assertThat(header(again, "answered-by")).isEqualTo("instance-a");
        assertThat(header(again, "question-id")).isEqualTo("q-2");
        assertThat(simulator.requests().get(2).json().get("messages")).isEqualTo(sent.get(1).json().get("messages"));
        assertThat(store.turns("invoice-42")).isEqualTo(2);
        assertThat(simulator.stats().filesParsed()).isEqualTo(1);
    }

    @Test
    void anInstanceStoppedMidRunHandsItsPartitionsOverAndEveryQuestionIsAnsweredOnceWithItsWholeHistory()
            throws Exception {
        Map<String, List<Integer>> owners = startTwoInstances();
        ConversationInstance a = instances.get(0);
        List<String> conversations = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            conversations.add("chat-%02d".formatted(i));
        }
        int turns = 5;

        // first turn of every conversation, keyed by conversation: Kafka's partitioner spreads them over both instances
        Map<String, Integer> partitionOf = sendTurn(conversations, 1);
        awaitAnswers(conversations.size());
        Map<String, String> firstAnswerers = answersByQuestion().values().stream()
                .collect(Collectors.toMap(ConsumerRecord::key, answer -> header(answer, "answered-by")));
        conversations.forEach(conversation -> assertThat(firstAnswerers.get(conversation)).as(conversation)
                .isEqualTo(owners.get("instance-a").contains(partitionOf.get(conversation)) ? "instance-a" : "instance-b"));
        assertThat(firstAnswerers.values()).contains("instance-a", "instance-b");

        // the rest of every conversation, while answers take a while; instance A stops once it answered a few of them
        simulator.setLatency(Duration.ofMillis(40));
        NotifyBuilder aAnsweredSome = new NotifyBuilder(a.camel())
                .filter(Builder.header("question-id").regex(".*/[2-9]")).whenCompleted(6).create();
        for (int turn = 2; turn <= turns; turn++) {
            sendTurn(conversations, turn);
        }
        assertThat(aAnsweredSome.matches(WAIT.toSeconds(), TimeUnit.SECONDS)).as("instance A answered").isTrue();
        a.stop();
        int total = conversations.size() * turns;
        awaitAllCommitted(total);

        // nothing lost, nothing answered twice: one answer per question, and one model call per question
        List<ConsumerRecord<String, byte[]>> all = kafka.readAllPartitions(answers);
        Map<String, List<ConsumerRecord<String, byte[]>>> byQuestion = all.stream()
                .collect(Collectors.groupingBy(answer -> header(answer, "question-id"), TreeMap::new, Collectors.toList()));
        assertThat(all).hasSize(total);
        assertThat(byQuestion).hasSize(total);
        assertThat(simulator.requestCount()).isEqualTo(total);
        assertThat(kafka.assignments(group, questions)).isEqualTo(Map.of("instance-b", List.of(0, 1, 2, 3)));

        // once B took a conversation over, A never answered in it again; some conversations moved mid-way
        List<String> moved = new ArrayList<>();
        for (String conversation : conversations) {
            List<String> answerers = new ArrayList<>();
            for (int turn = 1; turn <= turns; turn++) {
                answerers.add(header(byQuestion.get(questionId(conversation, turn)).get(0), "answered-by"));
            }
            assertThat(answerers.lastIndexOf("instance-a")).as(conversation + " answered by " + answerers)
                    .isLessThan(answerers.contains("instance-b") ? answerers.indexOf("instance-b") : turns);
            if (answerers.contains("instance-a") && answerers.contains("instance-b")) {
                moved.add(conversation);
            }
        }
        assertThat(moved).as("conversations continued on instance B after A stopped").isNotEmpty();
        long firstTurnsOfA = firstAnswerers.values().stream().filter("instance-a"::equals).count();
        assertThat(answersOf(all, "instance-a")).isGreaterThanOrEqualTo(firstTurnsOfA + 6);

        // every question reached the model after all the earlier turns of its conversation, whichever instance had them
        Map<String, String> answerText = new LinkedHashMap<>();
        byQuestion.forEach((question, records) -> answerText.put(question, text(records.get(0))));
        for (RecordedRequest request : simulator.requests()) {
            JsonNode messages = request.json().get("messages");
            String last = userText(messages.get(messages.size() - 1));
            String conversation = last.substring(0, last.indexOf(' '));
            int turn = Integer.parseInt(last.substring(last.lastIndexOf(' ') + 1));
            assertThat(messages).as(last).hasSize(2 * turn - 1);
            for (int earlier = 1; earlier < turn; earlier++) {
                assertThat(userText(messages.get(2 * earlier - 2))).isEqualTo(question(conversation, earlier));
                assertThat(messages.get(2 * earlier - 1).get("content").asText())
                        .isEqualTo(answerText.get(questionId(conversation, earlier)));
            }
        }
        conversations.forEach(conversation -> assertThat(store.turns(conversation)).as(conversation).isEqualTo(turns));
    }

    /**
     * Instance A runs in a JVM of its own and is killed (SIGKILL) while it answers: no shutdown, no commit, no leaving
     * the group. Its partitions move to B once A's session times out, and B reads from A's last committed offsets. What
     * can repeat is what A had started and not committed - with one consumer thread, one question: asked of the model
     * again (A may have been waiting for its answer), answered again (if A had published it). Nothing is lost.
     */
    @Test
    void anInstanceThatIsKilledLosesNothingAndRepeatsAtMostTheOneQuestionItHadInFlight(@TempDir Path directory)
            throws Exception {
        Map<String, String> settings = settings();
        // a crashed member is noticed when its session times out: 2 s here (the test broker allows it), 45 s by default
        settings.put("camel.component.kafka.session-timeout-ms", "2000");
        ConversationProcess a = ConversationProcess.start("instance-a", settings, directory);
        try {
            await(() -> assignments().getOrDefault("instance-a", List.of()).size() == PARTITIONS,
                    "A (its own JVM) holds every partition");
            instances.add(ConversationInstance.start("instance-b", settings, Map.of()));
            await(() -> assignments().size() == 2
                        && assignments().values().stream().allMatch(held -> held.size() == PARTITIONS / 2),
                    "A and B hold two partitions each");
            List<String> conversations = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                conversations.add("crash-%02d".formatted(i));
            }
            int turns = 4;
            List<Integer> partitionsOfA = assignments().get("instance-a");
            Map<String, Integer> partitionOf = sendTurn(conversations, 1);
            awaitAllCommitted(conversations.size());
            long firstTurnsOfA = committedOn(partitionsOfA);

            // A is killed once it committed three later turns, with a dozen of its questions still to answer
            simulator.setLatency(Duration.ofMillis(100));
            for (int turn = 2; turn <= turns; turn++) {
                sendTurn(conversations, turn);
            }
            await(() -> committedOn(partitionsOfA) >= firstTurnsOfA + 3, "A answered some later turns");
            a.kill();
            int total = conversations.size() * turns;
            awaitAllCommitted(total);

            List<ConsumerRecord<String, byte[]>> all = kafka.readAllPartitions(answers);
            Map<String, List<ConsumerRecord<String, byte[]>>> byQuestion = all.stream().collect(
                    Collectors.groupingBy(answer -> header(answer, "question-id"), TreeMap::new, Collectors.toList()));
            int repeatedCalls = simulator.requestCount() - total;
            int repeatedAnswers = all.size() - total;
            assertThat(byQuestion).as("every question answered").hasSize(total);
            assertThat(repeatedCalls).as("questions asked of the model twice").isBetween(0, 1);
            assertThat(repeatedAnswers).as("questions answered twice").isBetween(0, repeatedCalls);
            assertThat(kafka.assignments(group, questions)).isEqualTo(Map.of("instance-b", List.of(0, 1, 2, 3)));
            assertThat(all).as("later turns of A's conversations answered by B")
                    .anyMatch(answer -> partitionsOfA.contains(partitionOf.get(answer.key()))
                                        && "instance-b".equals(header(answer, "answered-by")));
            // B went on with the conversations A had: each question after its conversation's earlier questions
            for (RecordedRequest request : simulator.requests()) {
                JsonNode messages = request.json().get("messages");
                String last = userText(messages.get(messages.size() - 1));
                String conversation = last.substring(0, last.indexOf(' '));
                int turn = Integer.parseInt(last.substring(last.lastIndexOf(' ') + 1));
                List<String> earlier = new ArrayList<>();
                for (int i = 0; i < messages.size() - 1; i += 2) {
                    earlier.add(userText(messages.get(i)));
                }
                List<String> expected = new ArrayList<>();
                for (int t = 1; t < turn; t++) {
                    expected.add(question(conversation, t));
                }
                // a question A had answered but not committed is asked again with the history it had then
                assertThat(earlier).as(last).isEqualTo(expected);
            }
            conversations.forEach(conversation -> assertThat(store.turns(conversation)).as(conversation).isEqualTo(turns));
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\ninstance A's output:\n" + a.output(), e);
        } finally {
            a.close();
        }
    }

    /** The questions the group committed on these partitions: the ones answered there. */
    private long committedOn(List<Integer> partitions) {
        try {
            Map<Integer, Long> committed = kafka.committedOffsets(group, questions);
            return partitions.stream().mapToLong(partition -> committed.getOrDefault(partition, 0L)).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The measurement of docs/scaling.md, tiny: it runs, and what it counts holds for the few questions it sends. */
    @Test
    void theScaleOutBenchmarkMeasuresOneAndTwoInstancesAndTheStoreCostPerTurn() throws Exception {
        ScaleOutBenchmark.Settings settings = ScaleOutBenchmark.Settings.parse(new String[] {
            "--instances", "1,2", "--conversations", "3", "--turns", "2", "--latency-ms", "0", "--warm-up", "1" });

        ScaleOutBenchmark.Report report = new ScaleOutBenchmark(kafka, postgres, simulator).run(settings, "smoke");

        assertThat(report.runs()).extracting(ThroughputRun.Figures::instances).containsExactly(1, 2);
        for (ThroughputRun.Figures run : report.runs()) {
            assertThat(run.questions()).isEqualTo(6);
            // one load query, and an append of at least its insert and commit, for every question
            assertThat(run.roundTripsPerQuestion()).isGreaterThanOrEqualTo(3);
            assertThat(run.loadP50()).isPositive().isLessThanOrEqualTo(run.loadP99());
            assertThat(run.appendP50()).isPositive().isLessThanOrEqualTo(run.appendP99());
        }
        Map<String, TurnCost.Row> costs = report.costs().stream()
                .collect(Collectors.toMap(TurnCost.Row::turn, row -> row));
        assertThat(costs.get("PDF inline (first turn)").fileBytes()).isEqualTo(report.pdfBytes());
        assertThat(costs.get("PDF uploaded, uploadFiles=true (first turn)").fileBytes()).isZero();
        assertThat(costs.get("text question (first turn)").storedBytes())
                .isGreaterThan(costs.get("text question (first turn)").payloadBytes());
        assertThat(report.markdown()).contains("| 2 | 6 |").contains("| PDF inline (first turn) | " + report.pdfBytes());
    }

    /** Starts instance A, waits until it holds every partition, then B, and waits until the group split them. */
    private Map<String, List<Integer>> startTwoInstances() throws Exception {
        instances.add(ConversationInstance.start("instance-a", settings(), Map.of()));
        await(() -> assignments().getOrDefault("instance-a", List.of()).size() == PARTITIONS, "A holds every partition");
        instances.add(ConversationInstance.start("instance-b", settings(), Map.of()));
        await(() -> {
            Map<String, List<Integer>> owners = assignments();
            return owners.size() == 2 && owners.values().stream().allMatch(held -> held.size() == PARTITIONS / 2);
        }, "A and B hold two partitions each");
        return assignments();
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>(store.properties());
        settings.put("kafka.brokers", kafka.bootstrapServers());
        settings.put("kafka.questions-topic", questions);
        settings.put("kafka.answers-topic", answers);
        settings.put("kafka.dead-letter-topic", "unreadable-" + TEST_NUMBER.get());
        settings.put("kafka.group-id", group);
        settings.put("kafka.retry-pause-millis", "100");
        // a group rebalances within a heartbeat, and a stopping consumer leaves within a poll: short ones, short test
        settings.put("camel.component.kafka.heartbeat-interval-ms", "200");
        settings.put("camel.component.kafka.poll-timeout-ms", "200");
        settings.put("camel.component.openrouter.base-url", simulator.baseUrl());
        settings.put("camel.component.openrouter.api-key", "sk-or-v1-scale-out-test");
        return settings;
    }

    private Map<String, Integer> sendTurn(List<String> conversations, int turn) throws Exception {
        Map<String, Integer> partitions = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = kafka.producer()) {
            for (String conversation : conversations) {
                partitions.put(conversation, producer.send(KafkaTestCluster.record(questions, null, conversation,
                        utf8(question(conversation, turn)), Map.of("question-id", questionId(conversation, turn))))
                        .get().partition());
            }
        }
        return partitions;
    }

    private static String question(String conversation, int turn) {
        return conversation + " question " + turn;
    }

    private static String questionId(String conversation, int turn) {
        return conversation + "/" + turn;
    }

    private Map<String, List<Integer>> assignments() {
        try {
            return kafka.assignments(group, questions);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, ConsumerRecord<String, byte[]>> answersByQuestion() throws Exception {
        Map<String, ConsumerRecord<String, byte[]>> byQuestion = new LinkedHashMap<>();
        kafka.readAllPartitions(answers).forEach(answer -> byQuestion.put(header(answer, "question-id"), answer));
        return byQuestion;
    }

    private List<ConsumerRecord<String, byte[]>> awaitAnswers(int count) throws Exception {
        await(() -> endOffset(answers) >= count, count + " answers");
        List<ConsumerRecord<String, byte[]>> records = kafka.readAllPartitions(answers);
        assertThat(records).as("answers").hasSize(count);
        return records;
    }

    /**
     * Waits until every question is committed. An answer is published before its question's offset is committed, so
     * once all are committed every answer there will ever be is on the topic: a duplicate could not come later.
     */
    private void awaitAllCommitted(int total) throws Exception {
        await(() -> {
            try {
                Map<Integer, Long> ends = kafka.endOffsetsByPartition(questions);
                return ends.values().stream().mapToLong(Long::longValue).sum() == total
                       && kafka.committedOffsets(group, questions).equals(ends);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "all " + total + " questions committed");
    }

    private void awaitCommitted(Map<Integer, Long> expected) throws Exception {
        await(() -> {
            try {
                return kafka.committedOffsets(group, questions).equals(new TreeMap<>(expected));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "offsets " + expected + " committed");
    }

    private long endOffset(String topic) {
        try {
            return kafka.totalEndOffset(topic);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + WAIT + " waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static long answersOf(List<ConsumerRecord<String, byte[]>> all, String instance) {
        return all.stream().filter(answer -> instance.equals(header(answer, "answered-by"))).count();
    }

    private static String userText(JsonNode message) {
        assertThat(message.get("role").asText()).isEqualTo("user");
        JsonNode content = message.get("content");
        return content.isArray() ? content.get(0).get("text").asText() : content.asText();
    }


    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
