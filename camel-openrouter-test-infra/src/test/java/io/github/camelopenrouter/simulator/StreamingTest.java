package io.github.camelopenrouter.simulator;

import static io.github.camelopenrouter.simulator.SimClient.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelopenrouter.sdkcheck.OpenRouterSdk;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    /** The data of every data event (comments and [DONE] left out). */
    private static List<JsonNode> chunks(HttpResponse<String> response) throws Exception {
        List<JsonNode> chunks = new ArrayList<>();
        for (String event : events(response)) {
            if (event.startsWith("data: ") && !event.equals("data: [DONE]")) {
                chunks.add(JSON.readTree(event.substring("data: ".length())));
            }
        }
        return chunks;
    }

    private static String joinedContent(List<JsonNode> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> text.append(chunk.at("/choices/0/delta/content").asText()));
        return text.toString();
    }

    @Test
    void everyChunkIsAChatStreamChunkOfTheOfficialSdk() throws Exception {
        ObjectNode request = fileParser(chat(message("user", text("Stream please"),
                pdf("a.pdf", TestPdfs.withText("Alpha")))), "cloudflare-ai").put("stream", true);
        List<JsonNode> chunks = chunks(post(simulator, request));
        simulator.enqueue(Fault.errorInBody200());
        chunks.addAll(chunks(post(simulator, chat(message("user", "hi")).put("stream", true))));
        simulator.enqueue(Fault.finishReasonError());
        chunks.addAll(chunks(post(simulator, chat(message("user", "hi")).put("stream", true))));
        for (JsonNode chunk : chunks) {
            OpenRouterSdk.shared().assertInbound("ChatStreamChunk", chunk.toString());
        }
    }

    @Test
    void aLongAnswerCyclesThroughTheReplyTextsPiecesAndCountsItsUsage() throws Exception {
        simulator.setStreamShape(StreamShape.defaults().withDeltas(1000).withPieceChars(5));
        List<JsonNode> chunks = chunks(post(simulator, chat(message("user", "hi")).put("stream", true)));

        assertThat(chunks).hasSize(1001);
        String piecesOfTheText = "Received 1 text part, 0 images, 0 files, 0 audio, 0 video. Text: \"hi\"";
        assertThat(chunks.get(0).at("/choices/0/delta/content").asText()).isEqualTo("Recei");
        assertThat(chunks.get(999).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        String text = joinedContent(chunks);
        assertThat(text).startsWith(piecesOfTheText + "Recei");
        assertThat(chunks.get(1000).at("/usage/completion_tokens").asLong()).isEqualTo((text.length() + 3) / 4);
    }

    @Test
    void dropEndsTheBodyAfterTheGivenDeltasWithoutUsageOrDone() throws Exception {
        simulator.setStreamShape(StreamShape.defaults().withPieceChars(4));
        simulator.enqueue(Fault.streamDrop(3));
        HttpResponse<String> response = post(simulator, chat(message("user", "hi")).put("stream", true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(chunks(response)).hasSize(3);
        assertThat(response.body()).doesNotContain("[DONE]").doesNotContain("usage");
        assertThat(simulator.stats().faulted(Fault.Kind.STREAM_DROP)).isEqualTo(1);
    }

    @Test
    void stallPausesAfterTheGivenDeltasThenCarriesOn() throws Exception {
        simulator.enqueue(Fault.streamStall(1, Duration.ofMillis(300)));
        long started = System.nanoTime();
        HttpResponse<String> response = post(simulator, chat(message("user", "hi")).put("stream", true));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
    }

    @Test
    void slowFirstTokenSendsProcessingCommentsAtTheInterval() throws Exception {
        simulator.setStreamShape(StreamShape.defaults().withCommentInterval(Duration.ofMillis(100)));
        simulator.enqueue(Fault.slowFirstToken(Duration.ofMillis(450)));
        List<String> events = events(post(simulator, chat(message("user", "hi")).put("stream", true)));

        int comments = 0;
        while (events.get(comments).equals(": OPENROUTER PROCESSING")) {
            comments++;
        }
        // one at the start, then one each 100 ms of the 450 ms wait (4 on a quiet machine); a loaded one oversleeps
        // and sends fewer (2 seen at load 14), never more than one per interval
        assertThat(comments).isBetween(2, 6);
        assertThat(events.get(comments)).contains("\"role\":\"assistant\"");
    }
}
