package io.github.camelopenrouter.examples.yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.github.camelopenrouter.examples.folder.ExtractedInvoices;
import io.github.camelopenrouter.simulator.JsonAnswer;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.TestPdfs;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelopenrouter.examples.folder.InboxFiles.drop;
import static io.github.camelopenrouter.examples.folder.InboxFiles.namesIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML invoice extraction example, the very file users copy ({@code routes/extract-invoices.yaml}), run by Camel
 * Main and configured only with properties.
 */
class InvoiceYamlMainTest {

    @TempDir
    Path dir;

    @Test
    void theYamlRouteWritesOneCheckedJsonFilePerInvoiceAndMovesAMismatchToFailed() throws Exception {
        Path invoices = dir.resolve("invoices");
        Path extracted = dir.resolve("extracted");
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start()) {
            Main main = new Main();
            main.configure().withRoutesIncludePattern("classpath:routes/extract-invoices.yaml");
            main.addInitialProperty("invoices", invoices.toString());
            main.addInitialProperty("extracted", extracted.toString());
            main.addInitialProperty("camel.component.openrouter.api-key", "sk-or-v1-yaml-invoices");
            main.addInitialProperty("camel.component.openrouter.base-url", simulator.baseUrl());
            main.start();
            try {
                NotifyBuilder done = new NotifyBuilder(main.getCamelContext()).whenCompleted(1).create();
                drop(invoices, "invoice-42.PDF", TestPdfs.withText("Invoice 42"));
                assertThat(done.matches(15, TimeUnit.SECONDS)).as("the invoice processed").isTrue();

                String json = Files.readString(extracted.resolve("invoice-42.json"));
                assertThat(json).isEqualTo(ExtractedInvoices.SIMULATED);
                assertThat(ExtractedInvoices.problems(json)).isEmpty();
                assertThat(simulator.lastRequest().json().at("/response_format/json_schema/schema"))
                        .isEqualTo(ExtractedInvoices.schema());
                assertThat(simulator.lastRequest().json().at("/response_format/json_schema/name").asText())
                        .isEqualTo("invoice");
                assertThat(simulator.lastRequest().json().at("/model").asText()).isEqualTo("openai/gpt-4o-mini");

                simulator.setJsonAnswer(JsonAnswer.BREAKS_SCHEMA);
                NotifyBuilder failed = new NotifyBuilder(main.getCamelContext()).whenFailed(1).create();
                drop(invoices, "invoice-43.pdf", TestPdfs.withText("Invoice 43"));
                assertThat(failed.matches(15, TimeUnit.SECONDS)).as("the second invoice failed").isTrue();

                Path failedDir = invoices.resolve(".failed");
                assertThat(namesIn(failedDir)).containsExactly("invoice-43.pdf", "invoice-43.pdf.answer.txt",
                        "invoice-43.pdf.error.txt");
                assertThat(Files.readString(failedDir.resolve("invoice-43.pdf.error.txt")))
                        .contains("required property 'invoiceNumber' not found");
                assertThat(namesIn(extracted)).containsExactly("invoice-42.json");
            } finally {
                main.stop();
            }
        }
    }
}
