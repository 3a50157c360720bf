package io.github.camelopenrouter.examples.kafka;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Answers the records of a topic with a model and publishes each answer to a results topic, under the key of the
 * record it answers. A record is either the http(s) URL of an image or PDF (UTF-8 text), or the bytes of a file with
 * its name in the Kafka header {@code file-name}.
 *
 * <p>No record is lost and none is answered twice when the model call fails: offsets are not auto-committed; a
 * record's offset is committed only once its answer is on the results topic. A failed record stops its partition
 * ({@code breakOnFirstError}): the consumer seeks back to it and reads it again after {@code retryPause}. A record
 * that can never be sent goes to the dead-letter topic, with the reason in the header {@code error}, so it cannot
 * block the partition.
 */
public class KafkaAnswerRoute extends RouteBuilder {

    public static final String ROUTE_ID = "kafka-answers";

    /** The Kafka header that carries the name of the file a record's bytes are. */
    public static final String FILE_NAME_HEADER = "file-name";

    private final KafkaSettings settings;

    public KafkaAnswerRoute(KafkaSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        onException(OpenRouterInputException.class)
                .handled(true)
                .setHeader("error", simple("${exception.message}"))
                // the record as it came, bytes unchanged
                .to(topicUri(settings.deadLetterTopic())
                    + "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer")
                .process(KafkaAnswerRoute::commitOffset);

        // anything else (OpenRouter down, out of credits, network): fail the record after a pause; it is read again
        onException(Exception.class)
                .delay(settings.retryPause().toMillis());

        from(topicUri(settings.requestsTopic())
             + "&groupId=" + settings.groupId()
             + "&autoOffsetReset=earliest"
             + "&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
             + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
             + "&headerDeserializer=#class:org.apache.camel.component.kafka.serde.ToStringKafkaHeaderDeserializer")
                .routeId(ROUTE_ID)
                // camel-kafka drops headers starting with "Camel", but not "CAMELOPENROUTERMODEL": whoever writes to
                // the topic must not pick the model, prompt or conversation
                .removeHeaders("CamelOpenRouter*")
                .choice()
                    .when(header(FILE_NAME_HEADER).isNotNull())
                        .setHeader(OpenRouterConstants.FILE_NAME, header(FILE_NAME_HEADER))
                    .otherwise()
                        .convertBodyTo(String.class, "UTF-8")
                .end()
                .setHeader(OpenRouterConstants.MODEL, constant(settings.model()))
                .setHeader(OpenRouterConstants.PROMPT, constant(settings.prompt()))
                .to("openrouter:chat")
                // the answer keeps the record's key (camel-kafka's kafka.KEY header) and says which record it answers
                .setHeader("source-partition", header(KafkaConstants.PARTITION).convertToString())
                .setHeader("source-offset", header(KafkaConstants.OFFSET).convertToString())
                .to(topicUri(settings.resultsTopic()))
                .process(KafkaAnswerRoute::commitOffset);
    }

    private static void commitOffset(Exchange exchange) {
        exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class).commit();
    }

    private String topicUri(String topic) {
        return "kafka:" + topic + "?brokers=" + settings.brokers();
    }
}
