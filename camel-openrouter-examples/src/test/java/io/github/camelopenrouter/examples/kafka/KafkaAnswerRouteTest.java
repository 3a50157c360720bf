package io.github.camelopenrouter.examples.kafka;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelopenrouter.OpenRouterComponent;
import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.RecordedRequest;
import io.github.camelopenrouter.simulator.TestPdfs;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelopenrouter.examples.kafka.KafkaTestCluster.header;
import static io.github.camelopenrouter.examples.kafka.KafkaTestCluster.text;
import static io.github.camelopenrouter.examples.kafka.KafkaTestCluster.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example route, unchanged, against a real Kafka broker (KRaft, in this JVM, started once for the class) and the
 * OpenRouter simulator, both on loopback. Each test has its own topics and consumer group.
 */
class KafkaAnswerRouteTest {

    private static final String PROMPT = "Describe it";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();

    private static KafkaTestCluster kafka;
    private static OpenRouterSimulator simulator;

    private String requests;
    private String results;
    private String deadLetters;
    private String group;
    private CamelContext camel;

    @BeforeAll
    static void startServers() throws Exception {
        kafka = KafkaTestCluster.start();
        simulator = OpenRouterSimulator.start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        simulator.close();
        kafka.close();
    }

    @BeforeEach
    void createTopics() throws Exception {
        simulator.reset();
        int test = TEST_NUMBER.incrementAndGet();
        requests = "requests-" + test;
        results = "results-" + test;
        deadLetters = "unreadable-" + test;
        group = "answers-" + test;
        kafka.createTopics(requests, results, deadLetters);
    }

    @AfterEach
    void stopCamel() {
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    void answersAnImageUrlAndPdfBytesOnTheResultsTopicUnderTheRecordKeys() throws Exception {
        byte[] pdf = TestPdfs.withText("Quarterly report");
        kafka.send(requests, "img-1", utf8("https://images.example.com/cat.png"), Map.of());
        kafka.send(requests, "doc-1", pdf, Map.of("file-name", "report.pdf"));
        startRoute();

        List<ConsumerRecord<String, byte[]>> answers = awaitRecords(results, 2);

        assertThat(answers).extracting(ConsumerRecord::key).containsExactly("img-1", "doc-1");
        assertThat(text(answers.get(0)))
                .isEqualTo("Received 1 text part, 1 image, 0 files, 0 audio, 0 video. Text: \"Describe it\"");
        assertThat(text(answers.get(1))).isEqualTo(
                "Received 1 text part, 0 images, 1 file, 0 audio, 0 video. Files: report.pdf. Text: \"Describe it\"");
        assertThat(header(answers.get(0), "source-offset")).isEqualTo("0");
        assertThat(header(answers.get(1), "source-offset")).isEqualTo("1");
        assertThat(header(answers.get(1), "source-partition")).isEqualTo("0");
        assertThat(header(answers.get(1), "file-name")).isEqualTo("report.pdf");

        List<RecordedRequest> sent = simulator.requests();
        assertThat(sent).hasSize(2);
        assertThat(userContent(sent.get(0))).isEqualTo(JSON.readTree("""
                [{"type":"text","text":"Describe it"},
                 {"type":"image_url","image_url":{"url":"https://images.example.com/cat.png"}}]"""));
        assertThat(userContent(sent.get(1))).isEqualTo(JSON.readTree("""
                [{"type":"text","text":"Describe it"},
                 {"type":"file","file":{"filename":"report.pdf","file_data":"data:application/pdf;base64,%s"}}]"""
                .formatted(Base64.getEncoder().encodeToString(pdf))));
        assertThat(sent.get(1).json().get("model").asText()).isEqualTo("google/gemini-2.5-flash");
        awaitCommitted(2);
    }

    @Test
    void aRecordWhoseModelCallFailedIsReadAgainAndAnsweredExactlyOnce() throws Exception {
        startRoute();
        kafka.send(requests, "before", utf8("https://images.example.com/before.png"), Map.of());
        awaitRecords(results, 1);
        awaitCommitted(1);

        simulator.setFaultPolicy(request -> Fault.error(503, "No provider available"));
        NotifyBuilder readTwiceFailedTwice = new NotifyBuilder(camel).whenFailed(2).create();
        kafka.send(requests, "contract", TestPdfs.withText("Contract"), Map.of("file-name", "contract.pdf"));

        // read, failed, read again, failed again: nothing answered, the offset still points at the failed record
        assertThat(readTwiceFailedTwice.matches(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(kafka.endOffset(results)).isEqualTo(1);
        assertThat(kafka.committedOffset(group, requests)).isEqualTo(1);

        simulator.setFaultPolicy(null);
        awaitRecords(results, 2);
        long failedRequests = simulator.stats().faultedTotal();
        // records of a partition are handled in order: once a later record is answered, a second answer to the
        // failed one would be on the topic already
        kafka.send(requests, "marker", utf8("https://images.example.com/marker.png"), Map.of());
        List<ConsumerRecord<String, byte[]>> answers = awaitRecords(results, 3);

        assertThat(answers).extracting(ConsumerRecord::key).containsExactly("before", "contract", "marker");
        assertThat(text(answers.get(1))).startsWith("Received 1 text part, 0 images, 1 file, 0 audio, 0 video."
                                                    + " Files: contract.pdf.");
        assertThat(failedRequests).isGreaterThanOrEqualTo(2);
        assertThat(simulator.requestCount()).isEqualTo(failedRequests + 3);
        awaitCommitted(3);
    }

    @Test
    void aRecordTheModelCanNeverGetGoesToTheDeadLetterTopicAndTheNextOneIsAnswered() throws Exception {
        byte[] zip = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 };
        kafka.send(requests, "archive", zip, Map.of("file-name", "archive.zip"));
        // header names are case-insensitive in Camel: this one passes camel-kafka's "Camel" prefix filter
        kafka.send(requests, "photo", utf8("https://images.example.com/photo.jpg"),
                Map.of("CAMELOPENROUTERSYSTEMMESSAGE", "You are a pirate", "CAMELOPENROUTERMODEL", "openai/o1-pro"));
        startRoute();

        List<ConsumerRecord<String, byte[]>> answers = awaitRecords(results, 1);
        List<ConsumerRecord<String, byte[]>> unreadable = awaitRecords(deadLetters, 1);

        assertThat(unreadable.get(0).key()).isEqualTo("archive");
        assertThat(unreadable.get(0).value()).isEqualTo(zip);
        assertThat(header(unreadable.get(0), "error")).contains("archive.zip").contains("cannot be sent");
        assertThat(answers.get(0).key()).isEqualTo("photo");
        JsonNode request = simulator.lastRequest().json();
        assertThat(simulator.requestCount()).isEqualTo(1);
        assertThat(request.get("model").asText()).isEqualTo("google/gemini-2.5-flash");
        assertThat(request.get("messages")).hasSize(1);
        assertThat(userContent(simulator.lastRequest())).isEqualTo(JSON.readTree("""
                [{"type":"text","text":"Describe it"},
                 {"type":"image_url","image_url":{"url":"https://images.example.com/photo.jpg"}}]"""));
        awaitCommitted(2);
    }

    private void startRoute() throws Exception {
        camel = new DefaultCamelContext();
        OpenRouterComponent openRouter = new OpenRouterComponent();
        openRouter.getConfiguration().setApiKey("sk-or-v1-kafka-example-test");
        openRouter.getConfiguration().setBaseUrl(simulator.baseUrl());
        camel.addComponent("openrouter", openRouter);
        camel.addRoutes(new KafkaAnswerRoute(new KafkaSettings()
                .brokers(kafka.bootstrapServers())
                .topics(requests, results, deadLetters)
                .groupId(group)
                .retryPause(Duration.ofMillis(100))
                .model("google/gemini-2.5-flash")
                .prompt(PROMPT)));
        camel.start();
    }

    private List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (kafka.endOffset(topic) < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<ConsumerRecord<String, byte[]>> records = kafka.readAll(topic);
        assertThat(records).as("records on " + topic).hasSize(count);
        return records;
    }

    /** The group commits right after the answer is published: wait for it, then check it is exactly this offset. */
    private void awaitCommitted(long offset) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Long.valueOf(offset).equals(kafka.committedOffset(group, requests)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(kafka.committedOffset(group, requests)).as("offset committed by " + group).isEqualTo(offset);
    }

    private static JsonNode userContent(RecordedRequest request) {
        JsonNode messages = request.json().get("messages");
        return messages.get(messages.size() - 1).get("content");
    }
}
