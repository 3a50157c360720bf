package io.github.camelopenrouter.examples.streaming;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * Runs the streaming example until stopped (Ctrl+C): {@code curl -N 'http://127.0.0.1:8089/ask?q=Why+is+the+sky+blue'}
 * shows the answer as it is written. System properties: {@code port} (8089), {@code model}
 * (google/gemini-2.5-flash), {@code routes=yaml} to run {@code routes/streaming-answers.yaml} instead of the Java
 * route. The key comes from OPENROUTER_API_KEY.
 */
public final class StreamingExample {

    private StreamingExample() {
    }

    public static void main(String[] args) throws Exception {
        Main main = configure(new Main(), System.getProperty("model", "google/gemini-2.5-flash"),
                "yaml".equals(System.getProperty("routes")), Integer.getInteger("port", 8089));
        main.run(args);
    }

    /** The example on a Main: the answers bean, the route (Java or YAML), and the SSE server once Camel runs. */
    public static Main configure(Main main, String model, boolean yaml, int port) {
        SseAnswers answers = new SseAnswers();
        main.bind("sseAnswers", answers);
        if (yaml) {
            main.configure().withRoutesIncludePattern("classpath:routes/streaming-answers.yaml");
            main.addInitialProperty("model", model);
        } else {
            main.configure().addRoutesBuilder(new StreamingAnswerRoute(model));
        }
        SseServer server = new SseServer(answers, port);
        main.bind("sseServer", server);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                server.setCamelContext(getContext());
                getContext().addService(server, true, true); // started with Camel, stopped with it
            }
        });
        return main;
    }
}
