package io.github.camelopenrouter.docstest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelopenrouter.examples.kafka.KafkaTestCluster;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka example's command against a real broker: the in-process KRaft node the examples' tests start
 * ({@link KafkaTestCluster}, from their test-jar). It does with the Kafka client what the README's console-tool lines
 * do: puts a picture's URL on {@code openrouter-requests} under the key {@code img-1}, and is done when the answer is
 * on {@code openrouter-results} under that key, with the text the simulator gives for one image and the example's
 * prompt - what {@code kafka-console-consumer.sh --property print.key=true} would show.
 */
final class KafkaFixture implements Fixture {

    // the topics, key and URL as the README's console-tool lines name them (the example's defaults)
    static final String REQUESTS = "openrouter-requests";
    static final String RESULTS = "openrouter-results";
    static final String KEY = "img-1";
    static final String PICTURE = "https://upload.wikimedia.org/wikipedia/commons/3/3a/Cat03.jpg";
    /** The simulator describes what it received: one image, and the prompt the example sends with it. */
    static final String ANSWER = "Received 1 text part, 1 image, 0 files, 0 audio, 0 video."
                                 + " Text: \"Describe this document or picture in two sentences.\"";

    private final OpenRouterSimulator simulator;
    private final KafkaTestCluster kafka;
    private final Admin admin;

    /** @param kafka the broker the Kafka fixtures share (see {@link Fixtures#kafka()}); closed after the last block */
    KafkaFixture(OpenRouterSimulator simulator, KafkaTestCluster kafka) {
        this.simulator = simulator;
        this.kafka = kafka;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @Override
    public Map<String, String> environment() {
        return Fixtures.simulatorEnvironment(simulator);
    }

    @Override
    public String mavenArguments() {
        return "-Dkafka.brokers=" + kafka.bootstrapServers() + Fixtures.kafkaPoll() + Fixtures.baseUrl(simulator);
    }

    /**
     * The record goes on before the example starts: its consumer group is new and reads from the earliest offset, so
     * it takes the record once it has joined. No topic is created beforehand: the broker makes them on first use, as
     * a broker with Kafka's default settings does for a user of the README.
     */
    @Override
    public void before(Path copy) throws Exception {
        send(kafka, REQUESTS, KEY, PICTURE);
    }

    /** Fails at once when an answer arrived that is not the one expected (or more than one did). */
    @Override
    public boolean done(Path copy, String output) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = recordsOn(kafka, admin, RESULTS, 1);
        if (records.isEmpty()) {
            return false;
        }
        List<String> answers = records.stream().map(KafkaFixture::keyAndText).toList();
        if (!answers.equals(List.of(KEY + "\t" + ANSWER))) {
            throw new AssertionError("on " + RESULTS + " (key<TAB>value, as the console consumer prints them): "
                                     + answers + "; expected only: " + KEY + "\t" + ANSWER);
        }
        return true;
    }

    /** What {@code echo 'key:value...' | kafka-console-producer.sh ... --property parse.key=true} does. */
    static void send(KafkaTestCluster kafka, String topic, String key, String... values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, key, value)).get();
            }
        }
    }

    /**
     * The records on partition 0 of a topic once there are at least {@code count}, else none. The topic exists once
     * the example published its first answer; asking for the offsets of one that does not exist yet would log an
     * error on every poll, hence the look at the topic list first.
     */
    static List<ConsumerRecord<String, byte[]>> recordsOn(KafkaTestCluster kafka, Admin admin, String topic, int count)
            throws Exception {
        if (!admin.listTopics().names().get().contains(topic) || kafka.endOffset(topic) < count) {
            return List.of();
        }
        return kafka.readAll(topic);
    }

    static String keyAndText(ConsumerRecord<String, byte[]> record) {
        return record.key() + "\t" + new String(record.value(), StandardCharsets.UTF_8);
    }

    @Override
    public String expectation() {
        return "the answer to " + KEY + " (" + PICTURE + ") on " + RESULTS + ": " + KEY + "\t" + ANSWER;
    }

    @Override
    public void close() throws Exception {
        admin.close();
    }
}
