package io.github.camelopenrouter.simulator;

import static io.github.camelopenrouter.simulator.SimClient.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PdfAnnotationsTest {

    static final byte[] INVOICE = TestPdfs.withText("Invoice 42", "Total: 99 EUR (paid)");

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
    void firstRequestParsesAndFollowUpReusesTheAnnotation() throws Exception {
        ObjectNode question = message("user", text("Summarise the attached invoice"), pdf("invoice.pdf", INVOICE));
        HttpResponse<String> first = post(simulator, fileParser(chat(question), "mistral-ocr"));

        assertThat(first.headers().firstValue("X-Simulator-Parsed-Files")).hasValue("1");
        assertThat(first.headers().firstValue("X-Simulator-Reused-Annotations")).hasValue("0");
        JsonNode message = json(first).path("choices").get(0).path("message");
        assertThat(message.path("content").asText()).isEqualTo("Received 1 text part, 0 images, 1 file, 0 audio, 0 video."
                + " Files: invoice.pdf. Text: \"Summarise the attached invoice\""
                + " Parsed invoice.pdf with mistral-ocr: Invoice 42 Total: 99 EUR (paid)");
        JsonNode annotation = message.path("annotations").get(0);
        assertThat(annotation.path("type").asText()).isEqualTo("file");
        assertThat(annotation.path("file").path("hash").asText()).isEqualTo(PdfFile.sha256(INVOICE)).hasSize(64);
        assertThat(annotation.path("file").path("name").asText()).isEqualTo("invoice.pdf");
        assertThat(annotation.path("file").path("content").get(0).path("text").asText())
                .isEqualTo("Invoice 42 Total: 99 EUR (paid)");
        // two pages parsed by mistral-ocr: 0.002 each on top of the tokens
        BigDecimal cost = json(first).path("usage").path("cost").decimalValue();
        assertThat(cost).isGreaterThan(new BigDecimal("0.004")).isLessThan(new BigDecimal("0.0045"));

        ObjectNode assistant = message("assistant", message.path("content").asText());
        assistant.set("annotations", message.path("annotations"));
        HttpResponse<String> followUp = post(simulator, fileParser(
                chat(question, assistant, message("user", "And the due date?")), "mistral-ocr"));

        assertThat(followUp.headers().firstValue("X-Simulator-Parsed-Files")).hasValue("0");
        assertThat(followUp.headers().firstValue("X-Simulator-Reused-Annotations")).hasValue("1");
        JsonNode reused = json(followUp).path("choices").get(0).path("message");
        assertThat(reused.path("content").asText()).isEqualTo("Received 1 text part, 0 images, 0 files, 0 audio, 0 video."
                + " Text: \"And the due date?\" Reused annotations for invoice.pdf.");
        assertThat(reused.has("annotations")).isFalse();
        assertThat(json(followUp).path("usage").path("cost").decimalValue()).isLessThan(new BigDecimal("0.002"));

        SimulatorStats stats = simulator.stats();
        assertThat(stats.filesParsed()).isEqualTo(1);
        assertThat(stats.annotationsReused()).isEqualTo(1);
        assertThat(stats.replied2xx()).isEqualTo(2);
    }

    @Test
    void followUpWithoutAnnotationsParsesAgain() throws Exception {
        ObjectNode question = message("user", text("Read"), pdf("invoice.pdf", INVOICE));
        post(simulator, fileParser(chat(question), "cloudflare-ai"));
        HttpResponse<String> again = post(simulator, fileParser(
                chat(question, message("assistant", "It is an invoice."), message("user", "More?")), "pdf-text"));
        assertThat(again.headers().firstValue("X-Simulator-Parsed-Files")).hasValue("1");
        assertThat(json(again).path("choices").get(0).path("message").path("content").asText())
                .endsWith(" Parsed invoice.pdf with cloudflare-ai: Invoice 42 Total: 99 EUR (paid)");
        assertThat(simulator.stats().filesParsed()).isEqualTo(2);
    }

    @Test
    void nativeEngineOrNoPluginGivesNoAnnotations() throws Exception {
        ObjectNode question = message("user", text("Read"), pdf("invoice.pdf", INVOICE));
        for (ObjectNode request : new ObjectNode[] {chat(question), fileParser(chat(question), "native")}) {
            HttpResponse<String> response = post(simulator, request);
            assertThat(response.headers().firstValue("X-Simulator-Parsed-Files")).hasValue("0");
            JsonNode message = json(response).path("choices").get(0).path("message");
            assertThat(message.has("annotations")).isFalse();
            assertThat(message.path("content").asText()).doesNotContain("Parsed");
            // 2 pages at 500 tokens each, plus ceil(4 / 4) for "Read"
            assertThat(json(response).path("usage").path("prompt_tokens").asLong()).isEqualTo(1001);
        }
        assertThat(simulator.stats().filesParsed()).isZero();
    }

    @Test
    void pdfWithoutTextLayer() throws Exception {
        byte[] scan = "%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n".getBytes();
        JsonNode reply = json(post(simulator, fileParser(chat(message("user", pdf("scan.pdf", scan))), "mistral-ocr")));
        assertThat(reply.path("choices").get(0).path("message").path("content").asText())
                .endsWith(" Parsed scan.pdf with mistral-ocr: [no text layer]");
    }
}
