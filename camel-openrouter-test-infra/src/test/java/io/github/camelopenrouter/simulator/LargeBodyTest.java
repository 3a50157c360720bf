package io.github.camelopenrouter.simulator;

import static io.github.camelopenrouter.simulator.SimClient.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LargeBodyTest {

    /** A request with one image of about {@code mb} megabytes of base64. */
    static byte[] imageRequest(int mb) {
        byte[] payload = new byte[mb * 1024 * 1024 / 4 * 3];
        Arrays.fill(payload, (byte) 7);
        return chat(message("user", text("What is this?"), image("data:image/png;base64," + base64(payload))))
                .put("model", "google/gemini-2.5-flash").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void withoutRecordingABodyIsStreamedAndDiscarded() throws Exception {
        byte[] body = imageRequest(20);
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start(SimulatorSettings.defaults().withRecordBodies(false))) {
            // chunked, so that the simulator cannot size a buffer from Content-Length
            HttpResponse<String> response = HTTP.send(chatRequest(simulator, KEY).POST(HttpRequest.BodyPublishers
                    .ofInputStream(() -> new ByteArrayInputStream(body))).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode reply = json(response);
            assertThat(reply.at("/choices/0/message/content").asText())
                    .isEqualTo("Received " + body.length + " bytes; body not inspected (recordBodies=false).");
            assertThat(reply.path("model").asText()).isEqualTo("google/gemini-2.5-flash");
            RecordedRequest recorded = simulator.lastRequest();
            assertThat(recorded.body()).isEmpty();
            assertThat(recorded.bodyBytes()).isEqualTo(body.length);
            assertThat(recorded.header("Authorization")).isEqualTo("Bearer " + KEY);
            assertThatThrownBy(recorded::json).hasMessageContaining("recordBodies=false");
        }
    }

    @Test
    void recordedLargeBodyIsValidatedAndAnswered() throws Exception {
        byte[] body = imageRequest(25); // above Jackson's default 20 M character limit for one string
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start()) {
            HttpResponse<String> response = HTTP.send(chatRequest(simulator, KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).at("/choices/0/message/content").asText())
                    .isEqualTo("Received 1 text part, 1 image, 0 files, 0 audio, 0 video. Text: \"What is this?\"");
            assertThat(simulator.lastRequest().bodyBytes()).isEqualTo(body.length);
            assertThat(simulator.lastRequest().body()).hasSize(body.length);
        }
    }

    @Test
    void skimmedBodyThatIsNotJsonIsStillRejected() throws Exception {
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start(SimulatorSettings.defaults().withRecordBodies(false))) {
            assertThat(post(simulator, "<xml/>").statusCode()).isEqualTo(400);
            assertThat(post(simulator, chat(message("user", "hi")).toString(), null).statusCode()).isEqualTo(401);
        }
    }
}
