package io.github.camelopenrouter;

import java.math.BigDecimal;

import io.github.camelopenrouter.wire.ChatResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyToExchangeTest extends OpenRouterTestSupport {

    @Test
    void answerUsageAndCostLandOnTheExchange() {
        String question = "What is Apache Camel?";
        Exchange exchange = sendOk("openrouter:chat?model=google/gemini-2.5-flash", question);

        String answer = "Received 1 text part, 0 images, 0 files, 0 audio, 0 video. Text: \"" + question + "\"";
        int promptTokens = (question.length() + 3) / 4;
        int completionTokens = (answer.length() + 3) / 4;
        double cost = new BigDecimal("0.0000003").multiply(BigDecimal.valueOf(promptTokens))
                .add(new BigDecimal("0.0000025").multiply(BigDecimal.valueOf(completionTokens))).doubleValue();

        org.apache.camel.Message out = exchange.getMessage();
        assertThat(out.getBody()).isEqualTo(answer);
        assertThat(out.getHeader(OpenRouterConstants.RESPONSE_ID, String.class)).startsWith("gen-sim-");
        assertThat(out.getHeader(OpenRouterConstants.RESPONSE_MODEL)).isEqualTo("google/gemini-2.5-flash");
        assertThat(out.getHeader(OpenRouterConstants.PROVIDER)).isEqualTo("SimProvider");
        assertThat(out.getHeader(OpenRouterConstants.FINISH_REASON)).isEqualTo("stop");
        assertThat(out.getHeader(OpenRouterConstants.PROMPT_TOKENS)).isEqualTo(promptTokens);
        assertThat(out.getHeader(OpenRouterConstants.COMPLETION_TOKENS)).isEqualTo(completionTokens);
        assertThat(out.getHeader(OpenRouterConstants.TOTAL_TOKENS)).isEqualTo(promptTokens + completionTokens);
        assertThat(out.getHeader(OpenRouterConstants.COST, Double.class)).isEqualTo(cost);
        assertThat(out.getHeaders()).doesNotContainKeys(OpenRouterConstants.ANNOTATIONS, OpenRouterConstants.SKIPPED_ATTACHMENTS);

        ChatResponse reply = exchange.getProperty(OpenRouterConstants.RESPONSE, ChatResponse.class);
        assertThat(reply.id()).isEqualTo(out.getHeader(OpenRouterConstants.RESPONSE_ID));
        assertThat(reply.object()).isEqualTo("chat.completion");
        assertThat(reply.firstChoice().message().content()).isEqualTo(answer);
    }

    @Test
    void fileAnnotationsOfAParsedPdfAreExposedAsAHeader() {
        Exchange exchange = sendOk("openrouter:chat?pdfEngine=mistral-ocr", TestFiles.pdf("Total 99 EUR"),
                java.util.Map.of(OpenRouterConstants.FILE_NAME, "invoice.pdf"));

        assertThat(exchange.getMessage().getBody(String.class))
                .endsWith("Parsed invoice.pdf with mistral-ocr: Total 99 EUR");
        com.fasterxml.jackson.databind.JsonNode annotations = exchange.getMessage().getHeader(OpenRouterConstants.ANNOTATIONS,
                com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(annotations).hasSize(1);
        assertThat(annotations.get(0).get("type").asText()).isEqualTo("file");
        assertThat(annotations.get(0).get("file").get("name").asText()).isEqualTo("invoice.pdf");
        assertThat(annotations.get(0).get("file").get("content").get(0).get("text").asText()).isEqualTo("Total 99 EUR");
    }

    @Test
    void appAttributionAndAuthorizationHeadersReachTheServer() {
        sendOk("openrouter:chat?appUrl=https://acme.example&appTitle=Acme Invoices", "Hi");

        assertThat(simulator.lastRequest().header("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(simulator.lastRequest().header("HTTP-Referer")).isEqualTo("https://acme.example");
        assertThat(simulator.lastRequest().header("X-OpenRouter-Title")).isEqualTo("Acme Invoices");
        assertThat(simulator.lastRequest().header("X-Title")).isEqualTo("Acme Invoices");
        assertThat(simulator.lastRequest().header("Content-Type")).isEqualTo("application/json");
        assertThat(simulator.lastRequest().path()).isEqualTo("/api/v1/chat/completions");
    }
}
