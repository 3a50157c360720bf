package io.github.camelopenrouter.examples.kafka;

import org.apache.camel.main.Main;

/**
 * Runs {@link KafkaAnswerRoute} until stopped (Ctrl+C). Settings come from system properties (see
 * {@link KafkaSettings#fromProperties}); the API key from the environment variable OPENROUTER_API_KEY, which the
 * openrouter component reads when no apiKey option is set.
 */
public final class KafkaExample {

    private KafkaExample() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new KafkaAnswerRoute(KafkaSettings.fromProperties(System.getProperties())));
        main.run(args);
    }
}
