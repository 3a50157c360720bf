package io.github.camelopenrouter.examples.ftp;

import org.apache.camel.main.Main;

/**
 * Runs {@link FtpAnswerRoute} until stopped (Ctrl+C). Settings come from system properties (see
 * {@link FtpSettings#fromProperties}); the API key from the environment variable OPENROUTER_API_KEY, which the
 * openrouter component reads when no apiKey option is set.
 */
public final class FtpExample {

    private FtpExample() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new FtpAnswerRoute(FtpSettings.fromProperties(System.getProperties())));
        main.run(args);
    }
}
