package io.github.camelopenrouter.examples.mailbox;

import org.apache.camel.main.Main;

/**
 * Runs {@link MailboxAnswerRoute} until stopped (Ctrl+C). Settings come from system properties (see
 * {@link MailboxSettings#fromProperties}); the API key from the environment variable OPENROUTER_API_KEY, which the
 * openrouter component reads when no apiKey option is set.
 */
public final class MailboxExample {

    private MailboxExample() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new MailboxAnswerRoute(MailboxSettings.fromProperties(System.getProperties())));
        main.run(args);
    }
}
