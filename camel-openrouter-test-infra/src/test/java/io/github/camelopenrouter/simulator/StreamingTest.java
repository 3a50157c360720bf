package io.github.camelopenrouter.simulator;

import static io.github.camelopenrouter.simulator.SimClient.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamingTest {

    OpenRouterSimulator simulator;

    @BeforeEach
    void start() {
        simulator = OpenRouterSimulator.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    /** The events of an SSE body, blank-line separated. */
    private static List<String> events(HttpResponse<String> response) {
        return Arrays.stream(response.body().split("\n\n")).filter(event -> !event.isBlank()).toList();
    }

    @Test
    void streamCarriesTheSameTextAsDeltasThenUsageThenDone() throws Exception {
        ObjectNode request = fileParser(chat(message("user", text("Stream please"),
                pdf("a.pdf", TestPdfs.withText("Alpha")))), "cloudflare-ai").put("stream", true);
        HttpResponse<String> response = post(simulator, request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        List<String> events = events(response);
        assertThat(events.get(0)).isEqualTo(": OPENROUTER PROCESSING");
        assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");

        StringBuilder text = new StringBuilder();
        List<JsonNode> chunks = new ArrayList<>();
        for (String event : events.subList(1, events.size() - 1)) {
            assertThat(event).startsWith("data: ");
            chunks.add(JSON.readTree(event.substring("data: ".length())));
        }
        for (JsonNode chunk : chunks.subList(0, chunks.size() - 1)) {
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            text.append(chunk.at("/choices/0/delta/content").asText());
        }
        assertThat(text.toString()).isEqualTo("Received 1 text part, 0 images, 1 file, 0 audio, 0 video."
                + " Files: a.pdf. Text: \"Stream please\" Parsed a.pdf with cloudflare-ai: Alpha");
        JsonNode lastContent = chunks.get(chunks.size() - 2);
        assertThat(lastContent.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(lastContent.at("/choices/0/delta/annotations/0/file/name").asText()).isEqualTo("a.pdf");
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.at("/usage/completion_tokens").asLong()).isEqualTo((text.length() + 3) / 4);
    }

    @Test
    void midStreamErrorKeeps200AndEndsWithoutDone() throws Exception {
        simulator.enqueue(Fault.errorInBody200());
        HttpResponse<String> response = post(simulator, chat(message("user", "hi")).put("stream", true));
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = events(response);
        JsonNode failure = JSON.readTree(events.get(events.size() - 1).substring("data: ".length()));
        assertThat(failure.at("/error/message").asText()).isEqualTo("Provider returned error");
        assertThat(failure.at("/choices/0/finish_reason").asText()).isEqualTo("error");
        assertThat(response.body()).doesNotContain("[DONE]");
    }
}
