package io.github.camelopenrouter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelopenrouter.TestFiles.base64;
import static org.assertj.core.api.Assertions.assertThat;

/** Camel Main loads a YAML route from the classpath and configures the component only through properties. */
class YamlMainTest {

    @TempDir
    Path dir;

    @Test
    void yamlRouteSendsAPdfWithModelAndEngineFromHeadersAndWritesTheAnswer() throws Exception {
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start()) {
            Path inbox = Files.createDirectories(dir.resolve("inbox"));
            Path outbox = dir.resolve("outbox");
            Main main = new Main();
            main.configure().withRoutesIncludePattern("classpath:routes/summarise-pdf.yaml");
            main.addInitialProperty("inbox", inbox.toString());
            main.addInitialProperty("outbox", outbox.toString());
            main.addInitialProperty("camel.component.openrouter.api-key", "sk-or-yaml-key");
            main.addInitialProperty("camel.component.openrouter.base-url", simulator.baseUrl());
            main.addInitialProperty("camel.component.openrouter.max-file-size", "1048576");
            main.start();
            try {
                byte[] pdf = TestFiles.pdf("Quarterly report Q3");
                Files.write(inbox.resolve("report.pdf"), pdf);

                Path answer = outbox.resolve("report.md");
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (!Files.exists(answer) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }

                assertThat(answer).exists();
                assertThat(Files.readString(answer)).isEqualTo(
                        "Received 1 text part, 0 images, 1 file, 0 audio, 0 video. Files: report.pdf."
                        + " Text: \"Summarise this document\" Parsed report.pdf with mistral-ocr: Quarterly report Q3");
                assertThat(simulator.lastRequest().json()).isEqualTo(OpenRouterTestSupport.json("""
                        {"model":"google/gemini-2.5-flash",
                         "messages":[{"role":"user","content":[{"type":"text","text":"Summarise this document"},
                           {"type":"file","file":{"filename":"report.pdf","file_data":"data:application/pdf;base64,%s"}}]}],
                         "plugins":[{"id":"file-parser","pdf":{"engine":"mistral-ocr"}}]}""".formatted(base64(pdf))));
                assertThat(simulator.lastRequest().header("Authorization")).isEqualTo("Bearer sk-or-yaml-key");
                OpenRouterComponent component = main.getCamelContext().getComponent("openrouter", OpenRouterComponent.class);
                assertThat(component.getConfiguration().getMaxFileSize()).isEqualTo(1048576L);
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void yamlRouteAsksForStructuredOutputWithOptionsFromYamlAndProperties() throws Exception {
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start()) {
            Main main = new Main();
            main.configure().withRoutesIncludePattern("classpath:routes/extract-invoice.yaml");
            main.addInitialProperty("camel.component.openrouter.api-key", "sk-or-yaml-key");
            main.addInitialProperty("camel.component.openrouter.base-url", simulator.baseUrl());
            main.addInitialProperty("camel.component.openrouter.strict-schema", "false");
            main.addInitialProperty("camel.component.openrouter.response-healing", "false");
            main.start();
            try {
                Object body = main.getCamelContext().createProducerTemplate().requestBody("direct:extract", "Invoice 7");

                assertThat(body).isEqualTo("{\"number\":\"simulated number\",\"total\":99.5,\"currency\":\"EUR\","
                                           + "\"dueDate\":\"2024-03-31\"}");
                assertThat(simulator.lastRequest().json().at("/response_format/json_schema/name").asText()).isEqualTo("invoice");
                assertThat(simulator.lastRequest().json().at("/response_format/json_schema/strict").asBoolean(true)).isFalse();
                assertThat(simulator.lastRequest().json().get("plugins")).isEqualTo(OpenRouterTestSupport.json(
                        "[{\"id\":\"response-healing\",\"enabled\":false}]"));
            } finally {
                main.stop();
            }
        }
    }
}
