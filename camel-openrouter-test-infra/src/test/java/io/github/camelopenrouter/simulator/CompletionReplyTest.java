package io.github.camelopenrouter.simulator;

import static io.github.camelopenrouter.simulator.SimClient.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompletionReplyTest {

    OpenRouterSimulator simulator;

    @BeforeEach
    void start() {
        simulator = OpenRouterSimulator.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aLongTextIsQuotedUpToItsLastWholeWordAndEndsInAnEllipsis() throws Exception {
        String sentence = "The quarterly figures show steady growth across every region we serve. ";
        String longText = sentence.repeat(5);

        String text = json(post(simulator, chat(message("user", text(longText))))).path("choices").get(0)
                .path("message").path("content").asText();

        String quote = text.substring(text.indexOf("Text: \"") + 7, text.length() - 1);
        assertThat(quote).endsWith("...").hasSizeLessThanOrEqualTo(200);
        String kept = quote.substring(0, quote.length() - 3);
        assertThat(longText).startsWith(kept);
        // cut between words: the next character of the original is a space
        assertThat(longText.charAt(kept.length())).isEqualTo(' ');
        assertThat(kept).endsWith("growth across every");
    }

    @Test
    void replyDescribesTheLastUserMessageExactly() throws Exception {
        ObjectNode request = chat(message("system", "You are terse."),
                message("user", text("Summarise the attached invoice"), pngImage(), image("https://example.com/b.jpg"),
                        pdf("invoice.pdf", TestPdfs.withText("Invoice 42"))));

        HttpResponse<String> response = post(simulator, request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("X-Generation-Id")).hasValue("gen-sim-1");
        JsonNode reply = json(response);
        assertThat(reply.path("id").asText()).isEqualTo("gen-sim-1");
        assertThat(reply.path("provider").asText()).isEqualTo("SimProvider");
        assertThat(reply.path("model").asText()).isEqualTo("google/gemini-2.5-flash");
        assertThat(reply.path("object").asText()).isEqualTo("chat.completion");
        assertThat(reply.path("created").asLong()).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
        JsonNode choice = reply.path("choices").get(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(choice.path("native_finish_reason").asText()).isEqualTo("STOP");
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").has("annotations")).isFalse();
        String text = choice.path("message").path("content").asText();
        assertThat(text).isEqualTo("Received 1 text part, 2 images, 1 file, 0 audio, 0 video. Files: invoice.pdf."
                + " Text: \"Summarise the attached invoice\"");

        // P = ceil((14 + 30) / 4) + 2 * 85 + 1 page * 500; C = ceil(len / 4)
        long prompt = 11 + 170 + 500;
        long completion = (text.length() + 3) / 4;
        JsonNode usage = reply.path("usage");
        assertThat(usage.path("prompt_tokens").asLong()).isEqualTo(prompt);
        assertThat(usage.path("completion_tokens").asLong()).isEqualTo(completion);
        assertThat(usage.path("total_tokens").asLong()).isEqualTo(prompt + completion);
        BigDecimal cost = new BigDecimal("0.0000003").multiply(BigDecimal.valueOf(prompt))
                .add(new BigDecimal("0.0000025").multiply(BigDecimal.valueOf(completion))).setScale(8, RoundingMode.HALF_UP);
        assertThat(usage.path("cost").decimalValue()).isEqualByComparingTo(cost);
        assertThat(usage.path("is_byok").asBoolean(true)).isFalse();
        assertThat(usage.path("prompt_tokens_details").path("cached_tokens").asInt(-1)).isZero();
        assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asInt(-1)).isZero();
    }

    @Test
    void stringContentCountsAsOneTextPartAndLongTextIsCut() throws Exception {
        String longText = "x".repeat(300);
        JsonNode reply = json(post(simulator, chat(message("user", "first"), message("assistant", "ok"),
                message("user", longText))));
        assertThat(reply.path("choices").get(0).path("message").path("content").asText())
                .isEqualTo("Received 1 text part, 0 images, 0 files, 0 audio, 0 video. Text: \"" + "x".repeat(197) + "...\"");
    }

    @Test
    void audioAndVideoAreCountedAndPriced() throws Exception {
        JsonNode reply = json(post(simulator, chat(message("user", audio(base64(new byte[] {1, 2, 3}), "mp3"),
                video("https://example.com/v.mp4")))));
        assertThat(reply.path("choices").get(0).path("message").path("content").asText())
                .isEqualTo("Received 0 text parts, 0 images, 0 files, 1 audio, 1 video.");
        assertThat(reply.path("usage").path("prompt_tokens").asLong()).isEqualTo(2 * 258);
    }

    @Test
    void modelComesFromModelsThenModelThenDefault() throws Exception {
        ObjectNode fallbacks = chat(message("user", "hi"));
        fallbacks.putArray("models").add("anthropic/claude-sonnet-4").add("openai/gpt-4o");
        assertThat(json(post(simulator, fallbacks)).path("model").asText()).isEqualTo("anthropic/claude-sonnet-4");
        ObjectNode noModel = chat(message("user", "hi"));
        noModel.remove("model");
        assertThat(json(post(simulator, noModel)).path("model").asText()).isEqualTo("openrouter/auto");
    }

    @Test
    void requestsAreRecordedWithHeadersAndBody() throws Exception {
        ObjectNode request = chat(message("user", "hello"));
        HttpResponse<String> response = HTTP.send(chatRequest(simulator, KEY).header("X-OpenRouter-Title", "My App")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        RecordedRequest recorded = simulator.lastRequest();
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.path()).isEqualTo("/api/v1/chat/completions");
        assertThat(recorded.header("authorization")).isEqualTo("Bearer " + KEY);
        assertThat(recorded.header("x-openrouter-title")).isEqualTo("My App");
        assertThat(recorded.json()).isEqualTo(request);
        assertThat(recorded.bodyBytes()).isEqualTo(request.toString().length());
        assertThat(simulator.requestCount()).isEqualTo(1);
        assertThat(simulator.awaitRequests(1, Duration.ofSeconds(1))).isSameAs(recorded);
        assertThat(simulator.stats().replied2xx()).isEqualTo(1);
    }

    @Test
    void chunkedRequestBodiesAreRead() throws Exception {
        byte[] body = chat(message("user", "chunked")).toString().getBytes();
        HttpResponse<String> response = HTTP.send(chatRequest(simulator, KEY).POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(simulator.lastRequest().header("Content-Length")).isNull();
        assertThat(simulator.lastRequest().bodyBytes()).isEqualTo(body.length);
        assertThat(json(response).path("choices").get(0).path("message").path("content").asText()).endsWith("\"chunked\"");
    }

    @Test
    void lastRequestAndAwaitExplainWhatIsMissing() {
        assertThatThrownBy(simulator::lastRequest).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No chat-completion request has reached the simulator at " + simulator.baseUrl());
        assertThatThrownBy(() -> simulator.awaitRequests(2, Duration.ofMillis(50)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Expected 2").hasMessageContaining("but 0 arrived");
    }

    @Test
    void resetForgetsEverything() throws Exception {
        simulator.enqueue(Fault.error(500, "boom"), Fault.error(500, "boom"));
        simulator.setLatency(Duration.ofSeconds(5));
        simulator.reset();
        HttpResponse<String> response = post(simulator, chat(message("user", "hi")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Generation-Id")).hasValue("gen-sim-1");
        assertThat(simulator.requestCount()).isEqualTo(1);
    }
}
