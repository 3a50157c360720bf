package io.github.camelopenrouter.examples.kafka;

import org.apache.camel.main.Main;

/**
 * Runs {@link KafkaConversationRoute} until stopped (Ctrl+C), configured by {@code kafka-conversations.properties}
 * (on the class path) and whatever system properties override it. Start it once per instance, each with its own
 * {@code -Dinstance.name}: they share the consumer group and the conversation store.
 */
public final class KafkaConversationExample {

    /** The example's settings, read by Camel Main; JVM system properties override them. */
    public static final String PROPERTIES = "classpath:kafka-conversations.properties";

    private KafkaConversationExample() {
    }

    public static void main(String[] args) throws Exception {
        newMain().run(args);
    }

    /** The application as one instance runs it, not started: the route and its properties. */
    public static Main newMain() {
        Main main = new Main();
        main.setPropertyPlaceholderLocations(PROPERTIES);
        main.configure().addRoutesBuilder(new KafkaConversationRoute());
        return main;
    }
}
