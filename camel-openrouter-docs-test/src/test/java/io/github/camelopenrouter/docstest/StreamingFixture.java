package io.github.camelopenrouter.docstest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.github.camelopenrouter.examples.streaming.SseEvents;
import io.github.camelopenrouter.examples.streaming.SseEvents.Event;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;

/**
 * The streaming example's command: on a free port ({@code -Dport}, so a busy 8089 cannot fail it), asked what the
 * README's {@code curl -N} line asks, by the JDK's HttpClient reading the server-sent events as they arrive. Done
 * when the deltas (in order, joining into the answer), the {@code answer} event and a {@code cost} event came.
 */
final class StreamingFixture implements Fixture {

    /** The README's curl line asks {@code q=Why+is+the+sky+blue}; the simulator's answer describes what it got. */
    static final String QUESTION = "Why+is+the+sky+blue";
    static final String ANSWER = "Received 1 text part, 0 images, 0 files, 0 audio, 0 video. Text: \"Why is the sky blue\"";

    private final OpenRouterSimulator simulator;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    StreamingFixture(OpenRouterSimulator simulator) throws IOException {
        this.simulator = simulator;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
    }

    @Override
    public Map<String, String> environment() {
        return Fixtures.simulatorEnvironment(simulator);
    }

    @Override
    public String mavenArguments() {
        return "-Dport=" + port + Fixtures.baseUrl(simulator);
    }

    /** Asks once the example listens (until then the connection is refused); fails at once on a wrong stream. */
    @Override
    public boolean done(Path copy, String output) throws Exception {
        HttpResponse<Stream<String>> response;
        try {
            response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ask?q=" + QUESTION))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofLines());
        } catch (ConnectException notListeningYet) {
            return false;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 200 || !type.startsWith("text/event-stream")) {
            throw new AssertionError("GET /ask answered " + response.statusCode() + " " + type + ": "
                                     + String.join("\n", response.body().toList()));
        }
        // the whole stream within a minute, or the events so far in the failure: a stream that never ends must not
        // hang the build (the run's own timeout is only checked between polls)
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> SseEvents.read(response.body(), events));
        try {
            reading.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            response.body().close();
            throw new AssertionError("the event stream did not end within 60 s; events so far: " + events);
        }
        check(events);
        return true;
    }

    private static void check(List<Event> events) {
        List<Event> deltas = events.stream().filter(e -> e.name() == null).toList();
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < deltas.size(); i++) {
            if (!String.valueOf(i).equals(deltas.get(i).id())) {
                throw new AssertionError("delta " + i + " has the id " + deltas.get(i).id() + ": " + events);
            }
            joined.append(deltas.get(i).data());
        }
        List<Event> last = events.size() < 2 ? List.of() : events.subList(events.size() - 2, events.size());
        boolean answered = deltas.size() >= 2 && joined.toString().equals(ANSWER) && last.size() == 2
                           && last.get(0).equals(new Event("answer", null, ANSWER))
                           && "cost".equals(last.get(1).name()) && isPositive(last.get(1).data());
        if (!answered) {
            throw new AssertionError("expected deltas joining into '" + ANSWER + "', then that answer and a positive"
                                     + " cost; the events were: " + events);
        }
    }

    private static boolean isPositive(String number) {
        try {
            return Double.parseDouble(number) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String expectation() {
        return "GET /ask?q=" + QUESTION + " on port " + port + " streaming its deltas, then the answer '" + ANSWER
               + "' and its cost";
    }
}
