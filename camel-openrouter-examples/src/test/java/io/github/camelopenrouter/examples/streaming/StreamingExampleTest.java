package io.github.camelopenrouter.examples.streaming;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelopenrouter.examples.streaming.SseEvents.Event;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.StreamShape;
import org.apache.camel.main.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming example as a user runs it (Java route or the YAML file, on Camel Main), asked by a real SSE client over
 * a socket: the deltas arrive one event each, in order, while the model writes, then the whole answer and its cost.
 */
class StreamingExampleTest {

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void theAnswerStreamsBackDeltaByDeltaThenWholeWithItsCost(boolean yaml) throws Exception {
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start()) {
            // a delta every 5 ms, 4 characters each: the client sees the answer being written
            simulator.setStreamShape(StreamShape.defaults().withPieceChars(4).withDeltaInterval(Duration.ofMillis(5)));
            Main main = StreamingExample.configure(new Main(), "google/gemini-2.5-flash", yaml, 0);
            main.addInitialProperty("camel.component.openrouter.api-key", "sk-or-v1-streaming-example");
            main.addInitialProperty("camel.component.openrouter.base-url", simulator.baseUrl());
            main.start();
            try {
                int port = main.getCamelContext().getRegistry().lookupByNameAndType("sseServer", SseServer.class).port();
                List<Event> events = ask(port, "Why is the sky blue?");

                String expected = "Received 1 text part, 0 images, 0 files, 0 audio, 0 video. Text: \"Why is the sky blue?\"";
                List<Event> deltas = events.stream().filter(e -> e.name() == null).toList();
                assertThat(deltas).hasSize((expected.length() + 3) / 4);
                StringBuilder joined = new StringBuilder();
                for (int i = 0; i < deltas.size(); i++) {
                    assertThat(deltas.get(i).id()).isEqualTo(String.valueOf(i));
                    joined.append(deltas.get(i).data());
                }
                assertThat(joined.toString()).isEqualTo(expected);
                assertThat(events.get(events.size() - 2)).isEqualTo(new Event("answer", null, expected));
                assertThat(events.get(events.size() - 1).name()).isEqualTo("cost");
                assertThat(Double.parseDouble(events.get(events.size() - 1).data())).isPositive();
                assertThat(simulator.lastRequest().json().get("stream").asBoolean()).isTrue();
                assertThat(simulator.lastRequest().json().get("model").asText()).isEqualTo("google/gemini-2.5-flash");
            } finally {
                main.stop();
            }
        }
    }

    /** Asks as a browser's EventSource would, and reads the events as they arrive. */
    private static List<Event> ask(int port, String question) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ask?q="
                                                                + URLEncoder.encode(question, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<Event> events = new ArrayList<>();
        SseEvents.read(response.body(), events);
        return events;
    }
}
