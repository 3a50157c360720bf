package io.github.camelopenrouter.examples.kafka;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Answers questions from a topic inside conversations, on as many instances as the consumer group has members. A
 * question's conversation is the Kafka header {@code conversation-id}, else the record key; its earlier turns come
 * from the component's conversation store, which all instances share (a database), so a follow-up may land on any
 * instance. A question is UTF-8 text, or the bytes of a file with its name in the header {@code file-name} and the
 * question about it in the header {@code question}.
 *
 * <p>Each answer goes to the answers topic under the conversation id, with the headers {@code question-id} (the
 * question's own header, else {@code topic-partition-offset}) and {@code answered-by} (this instance's
 * {@code instance.name}). The question id is also the turn's id in the conversation store, so a question delivered
 * again is not recorded twice. A question's offset is committed only after its answer is on the answers topic; a failed
 * question stops its partition and is read again after {@code kafka.retry-pause-millis}; one that can never be sent goes to
 * the dead-letter topic. All settings are property placeholders (see {@code kafka-conversations.properties}).
 */
public class KafkaConversationRoute extends RouteBuilder {

    public static final String ROUTE_ID = "kafka-conversations";

    /** Kafka headers a question may carry. */
    public static final String CONVERSATION_HEADER = "conversation-id";
    public static final String QUESTION_ID_HEADER = "question-id";
    public static final String FILE_NAME_HEADER = "file-name";
    public static final String QUESTION_HEADER = "question";

    /** Kafka header of an answer: the instance.name of the instance that answered. */
    public static final String ANSWERED_BY_HEADER = "answered-by";

    @Override
    public void configure() {
        onException(OpenRouterInputException.class)
                .handled(true)
                .setHeader("error", simple("${exception.message}"))
                .to("kafka:{{kafka.dead-letter-topic}}?brokers={{kafka.brokers}}"
                    + "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer")
                .process(KafkaConversationRoute::commitOffset);

        // OpenRouter down, out of credits, the store's database unreachable: fail the record after a pause, it is
        // read again (by this instance, or by the one its partition moves to)
        onException(Exception.class)
                .delay(simple("${properties:kafka.retry-pause-millis}"));

        from("kafka:{{kafka.questions-topic}}?brokers={{kafka.brokers}}&groupId={{kafka.group-id}}"
             + "&clientId={{instance.name}}&autoOffsetReset=earliest"
             + "&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
             + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
             + "&headerDeserializer=#class:org.apache.camel.component.kafka.serde.ToStringKafkaHeaderDeserializer")
                .routeId(ROUTE_ID)
                // whoever writes to the topic must not pick the model, prompt or system message (camel-kafka drops
                // only headers starting with "Camel", not "CAMELOPENROUTERMODEL")
                .removeHeaders("CamelOpenRouter*")
                .process(KafkaConversationRoute::identify)
                .choice()
                    .when(header(FILE_NAME_HEADER).isNotNull())
                        .setHeader(OpenRouterConstants.FILE_NAME, header(FILE_NAME_HEADER))
                        .setHeader(OpenRouterConstants.PROMPT, header(QUESTION_HEADER))
                    .otherwise()
                        .convertBodyTo(String.class, "UTF-8")
                .end()
                .setHeader(OpenRouterConstants.MODEL, simple("${properties:openrouter.model}"))
                .to("openrouter:chat")
                .setHeader(KafkaConstants.KEY, header(OpenRouterConstants.CONVERSATION_ID))
                .setHeader(CONVERSATION_HEADER, header(OpenRouterConstants.CONVERSATION_ID))
                .setHeader(ANSWERED_BY_HEADER, simple("${properties:instance.name}"))
                .removeHeaders(FILE_NAME_HEADER + "|" + QUESTION_HEADER)
                .to("kafka:{{kafka.answers-topic}}?brokers={{kafka.brokers}}")
                .process(KafkaConversationRoute::commitOffset);
    }

    /** The conversation (header, else record key) and the question's id (header, else where the record is). */
    private static void identify(Exchange exchange) {
        Message message = exchange.getMessage();
        String conversation = message.getHeader(CONVERSATION_HEADER, String.class);
        message.setHeader(OpenRouterConstants.CONVERSATION_ID,
                conversation != null ? conversation : message.getHeader(KafkaConstants.KEY, String.class));
        if (message.getHeader(QUESTION_ID_HEADER) == null) {
            message.setHeader(QUESTION_ID_HEADER, message.getHeader(KafkaConstants.TOPIC) + "-"
                    + message.getHeader(KafkaConstants.PARTITION) + "-" + message.getHeader(KafkaConstants.OFFSET));
        }
        if (message.getHeader(OpenRouterConstants.CONVERSATION_ID) != null) {
            // a question read again (an instance died before committing it) is asked with the history it had the
            // first time, and its turn is not stored twice
            message.setHeader(OpenRouterConstants.CONVERSATION_TURN_ID, message.getHeader(QUESTION_ID_HEADER));
        }
    }

    private static void commitOffset(Exchange exchange) {
        exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class).commit();
    }
}
