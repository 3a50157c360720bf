package io.github.camelopenrouter.examples.folder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelopenrouter.OpenRouterComponent;
import io.github.camelopenrouter.sdkcheck.OpenRouterSdk;
import io.github.camelopenrouter.simulator.JsonAnswer;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.TestPdfs;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelopenrouter.examples.folder.InboxFiles.drop;
import static io.github.camelopenrouter.examples.folder.InboxFiles.namesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** The invoice extraction example's own RouteBuilder, unchanged, against the OpenRouter simulator over loopback. */
class InvoiceExtractionRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static OpenRouterSimulator simulator;

    @TempDir
    Path dir;

    private Path invoices;
    private Path extracted;
    private CamelContext context;

    @BeforeAll
    static void startSimulator() {
        simulator = OpenRouterSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void startRoute() throws Exception {
        simulator.reset();
        invoices = dir.resolve("invoices");
        extracted = dir.resolve("extracted");
        context = new DefaultCamelContext();
        OpenRouterComponent component = new OpenRouterComponent();
        component.getConfiguration().setApiKey("sk-or-v1-invoice-example-test");
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        context.addComponent("openrouter", component);
        context.addRoutes(new InvoiceExtractionRoute(invoices, extracted));
        context.start();
    }

    @AfterEach
    void stopRoute() {
        context.stop();
    }

    @Test
    void anInvoicePdfBecomesOneJsonFileThatFitsTheShippedSchema() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).whenCompleted(1).create();
        byte[] pdf = TestPdfs.withText("Invoice 2024-117 Total 1190.00 EUR");
        drop(invoices, "invoice-2024-117.pdf", pdf);
        drop(invoices, "notes.txt", "not an invoice".getBytes());

        assertThat(done.matches(15, TimeUnit.SECONDS)).as("the invoice processed").isTrue();

        assertThat(simulator.lastRequest().json()).isEqualTo(JSON.readTree("""
                {"model":"openai/gpt-4o-mini",
                 "messages":[{"role":"user","content":[{"type":"text","text":"%s"},
                   {"type":"file","file":{"filename":"invoice-2024-117.pdf","file_data":"data:application/pdf;base64,%s"}}]}],
                 "plugins":[{"id":"file-parser","pdf":{"engine":"cloudflare-ai"}},{"id":"response-healing"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"invoice","strict":true,"schema":%s}}}"""
                .formatted(InvoiceExtractionRoute.PROMPT, Base64.getEncoder().encodeToString(pdf),
                        ExtractedInvoices.schema())));
        OpenRouterSdk.shared().assertOutbound("ChatRequest", simulator.lastRequest().body());

        String json = Files.readString(extracted.resolve("invoice-2024-117.json"));
        assertThat(json).isEqualTo(ExtractedInvoices.SIMULATED);
        assertThat(ExtractedInvoices.problems(json)).as("checked again, outside the component").isEmpty();
        assertThat(namesIn(extracted)).containsExactly("invoice-2024-117.json");
        assertThat(invoices.resolve(".done").resolve("invoice-2024-117.pdf")).hasBinaryContent(pdf);
        assertThat(namesIn(invoices)).as("only PDFs are taken").containsExactly("notes.txt");
    }

    @Test
    void anAnswerThatBreaksTheSchemaLeavesThePdfInFailedWithTheAnswerAndTheReason() throws Exception {
        simulator.setJsonAnswer(JsonAnswer.BREAKS_SCHEMA);
        NotifyBuilder failed = new NotifyBuilder(context).whenFailed(1).create();
        byte[] pdf = TestPdfs.withText("Invoice 7");
        drop(invoices, "invoice-7.pdf", pdf);

        assertThat(failed.matches(15, TimeUnit.SECONDS)).as("the invoice failed").isTrue();

        Path failedDir = invoices.resolve(".failed");
        assertThat(failedDir.resolve("invoice-7.pdf")).hasBinaryContent(pdf);
        String answer = Files.readString(failedDir.resolve("invoice-7.pdf.answer.txt"));
        assertThat(answer).isEqualTo(ExtractedInvoices.SIMULATED.replace("\"invoiceNumber\":\"simulated invoiceNumber\",", ""));
        assertThat(Files.readString(failedDir.resolve("invoice-7.pdf.error.txt"))).isEqualTo(
                "The model's answer does not match the JSON Schema 'invoice': $: required property 'invoiceNumber' not found");
        assertThat(extracted).doesNotExist();
        assertThat(invoices.resolve(".done")).doesNotExist();
    }
}
