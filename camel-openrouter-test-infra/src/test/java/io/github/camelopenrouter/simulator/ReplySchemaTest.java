package io.github.camelopenrouter.simulator;

import static io.github.camelopenrouter.simulator.SimClient.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelopenrouter.sdkcheck.OpenRouterSdk;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Completions parse with the official SDK's inbound schemas (ChatResult, ChatStreamChunk) whatever they carry: a JSON
 * answer, BYOK usage, annotations, a stream; and carry system_fingerprint, cost_details and the provider's finish reason.
 */
class ReplySchemaTest {

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
    void completionsParseWithTheSdksChatResult() throws Exception {
        OpenRouterSdk sdk = OpenRouterSdk.shared();
        HttpResponse<String> plain = post(simulator, chat(message("user", "Hi")));
        sdk.assertInbound("ChatResult", plain.body());
        JsonNode reply = json(plain);
        assertThat(reply.has("system_fingerprint")).isTrue();
        assertThat(reply.get("system_fingerprint").isNull()).isTrue();
        assertThat(reply.at("/usage/cost_details")).isEqualTo(JSON.readTree("""
                {"upstream_inference_cost":null,"upstream_inference_prompt_cost":0.0000003,
                 "upstream_inference_completions_cost":0.000045}"""));

        ObjectNode structured = chat(message("user", "Extract"));
        structured.put("model", "anthropic/claude-sonnet-4");
        structured.putObject("response_format").put("type", "json_schema").putObject("json_schema").put("name", "answer")
                .set("schema", JSON.readTree("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}"));
        HttpResponse<String> json = post(simulator, structured);
        sdk.assertInbound("ChatResult", json.body());
        assertThat(json(json).at("/choices/0/native_finish_reason").asText()).isEqualTo("end_turn");

        simulator.setByok(true);
        HttpResponse<String> byok = post(simulator, fileParser(chat(message("user", text("Read"),
                pdf("a.pdf", TestPdfs.withText("Invoice 42")))), "cloudflare-ai"));
        sdk.assertInbound("ChatResult", byok.body());
        JsonNode usage = json(byok).path("usage");
        assertThat(usage.path("is_byok").asBoolean()).isTrue();
        assertThat(usage.at("/cost_details/upstream_inference_cost").decimalValue()).isEqualByComparingTo(
                usage.at("/cost_details/upstream_inference_prompt_cost").decimalValue()
                        .add(usage.at("/cost_details/upstream_inference_completions_cost").decimalValue()));
    }

    @Test
    void streamChunksParseWithTheSdksChatStreamChunk() throws Exception {
        ObjectNode request = chat(message("user", "Tell me a long story about the sea and the harbour"));
        request.put("stream", true);
        String body = post(simulator, request).body();
        int chunks = 0;
        for (String event : body.split("\n\n")) {
            if (event.startsWith("data: {")) {
                OpenRouterSdk.shared().assertInbound("ChatStreamChunk", event.substring("data: ".length()));
                chunks++;
            }
        }
        assertThat(chunks).isGreaterThan(2);
    }
}
