package io.github.camelopenrouter.examples.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * One instance of the Kafka conversations example, as {@link KafkaConversationExample} runs it (Camel Main, the
 * route, {@code kafka-conversations.properties}), with the settings a deployment would give it as overrides. Several
 * of them in one JVM stand for several pods: each has its own CamelContext, component, Kafka consumer and client.
 */
final class ConversationInstance implements AutoCloseable {

    private final String name;
    private final Main main;

    private ConversationInstance(String name, Main main) {
        this.name = name;
        this.main = main;
    }

    /**
     * @param settings properties given to this instance (they override the example's file)
     * @param beans    registry entries, for what properties alone cannot make
     */
    static ConversationInstance start(String name, Map<String, String> settings, Map<String, Object> beans)
            throws Exception {
        Main main = KafkaConversationExample.newMain();
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        overrides.put("instance.name", name);
        overrides.put("camel.main.name", name);
        overrides.forEach(main::addOverrideProperty);
        beans.forEach(main::bind);
        main.start();
        return new ConversationInstance(name, main);
    }

    String name() {
        return name;
    }

    CamelContext camel() {
        return main.getCamelContext();
    }

    /** A graceful stop, as on SIGTERM: the consumer stops, exchanges in flight complete, then the group is left. */
    void stop() {
        main.stop();
    }

    boolean isStopped() {
        return main.getCamelContext() == null || main.getCamelContext().isStopped();
    }

    @Override
    public void close() {
        if (!isStopped()) {
            stop();
        }
    }
}
