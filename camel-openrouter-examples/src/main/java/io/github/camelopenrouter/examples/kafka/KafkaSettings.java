package io.github.camelopenrouter.examples.kafka;

import java.time.Duration;
import java.util.Properties;

/**
 * Which cluster and topics to use, and what to ask the model. {@link #fromProperties(Properties)} reads the same
 * settings from {@code kafka.*} and {@code openrouter.*} properties.
 */
public final class KafkaSettings {

    private String brokers;
    private String requestsTopic = "openrouter-requests";
    private String resultsTopic = "openrouter-results";
    private String deadLetterTopic = "openrouter-requests-unreadable";
    private String groupId = "openrouter-example";
    private Duration retryPause = Duration.ofSeconds(5);
    private String model = "google/gemini-2.5-flash";
    private String prompt = "Describe this document or picture in two sentences.";

    /**
     * Reads {@code kafka.brokers}, {@code kafka.requests-topic}, {@code kafka.results-topic},
     * {@code kafka.dead-letter-topic}, {@code kafka.group-id}, {@code kafka.retry-pause} (an ISO-8601 duration such as
     * PT5S), {@code openrouter.model} and {@code openrouter.prompt}. Unset keys keep the defaults.
     */
    public static KafkaSettings fromProperties(Properties properties) {
        KafkaSettings settings = new KafkaSettings();
        settings.brokers(properties.getProperty("kafka.brokers"));
        settings.topics(properties.getProperty("kafka.requests-topic", settings.requestsTopic),
                properties.getProperty("kafka.results-topic", settings.resultsTopic),
                properties.getProperty("kafka.dead-letter-topic", settings.deadLetterTopic));
        settings.groupId(properties.getProperty("kafka.group-id", settings.groupId));
        settings.retryPause(Duration.parse(properties.getProperty("kafka.retry-pause", settings.retryPause.toString())));
        settings.model(properties.getProperty("openrouter.model", settings.model));
        settings.prompt(properties.getProperty("openrouter.prompt", settings.prompt));
        return settings;
    }

    /** Bootstrap servers, host:port[,host:port...]. */
    public KafkaSettings brokers(String brokers) {
        this.brokers = brokers;
        return this;
    }

    /**
     * Records are read from {@code requests}; answers go to {@code results}; records the model can never be given
     * (say a zip file) go to {@code deadLetter} instead of blocking the partition.
     */
    public KafkaSettings topics(String requests, String results, String deadLetter) {
        this.requestsTopic = requests;
        this.resultsTopic = results;
        this.deadLetterTopic = deadLetter;
        return this;
    }

    public KafkaSettings groupId(String groupId) {
        this.groupId = groupId;
        return this;
    }

    /** How long to wait before a record whose model call failed is read again, so an outage is not hammered. */
    public KafkaSettings retryPause(Duration retryPause) {
        this.retryPause = retryPause;
        return this;
    }

    public KafkaSettings model(String model) {
        this.model = model;
        return this;
    }

    public KafkaSettings prompt(String prompt) {
        this.prompt = prompt;
        return this;
    }

    public String brokers() {
        if (brokers == null || brokers.isBlank()) {
            throw new IllegalStateException("Set the Kafka bootstrap servers (kafka.brokers)");
        }
        return brokers;
    }

    public String requestsTopic() {
        return requestsTopic;
    }

    public String resultsTopic() {
        return resultsTopic;
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    public String groupId() {
        return groupId;
    }

    public Duration retryPause() {
        return retryPause;
    }

    public String model() {
        return model;
    }

    public String prompt() {
        return prompt;
    }
}
