package io.github.camelopenrouter.examples.folder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelopenrouter.OpenRouterComponent;
import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.RecordedRequest;
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

import static io.github.camelopenrouter.examples.folder.FolderToOpenRouterRoute.DOCUMENT_PROMPT;
import static io.github.camelopenrouter.examples.folder.FolderToOpenRouterRoute.IMAGE_PROMPT;
import static io.github.camelopenrouter.examples.folder.InboxFiles.drop;
import static io.github.camelopenrouter.examples.folder.InboxFiles.namesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** The folder example's own RouteBuilder, unchanged, against the OpenRouter simulator over loopback. */
class FolderToOpenRouterRouteTest {

    private static final String API_KEY = "sk-or-v1-folder-example-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static OpenRouterSimulator simulator;

    @TempDir
    Path dir;

    private Path inbox;
    private Path outbox;
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
        inbox = dir.resolve("inbox");
        outbox = dir.resolve("outbox");
        context = new DefaultCamelContext();
        OpenRouterComponent component = new OpenRouterComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        context.addComponent("openrouter", component);
        context.addRoutes(new FolderToOpenRouterRoute(inbox, outbox));
        context.start();
    }

    @AfterEach
    void stopRoute() {
        context.stop();
    }

    @Test
    void aPngAndAPdfAreAnsweredIntoMarkdownWithModelTokensAndCost() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).whenCompleted(2).create();
        byte[] png = InboxFiles.png();
        byte[] pdf = TestPdfs.withText("Quarterly revenue rose 12 percent");
        drop(inbox, "chart.png", png);
        drop(inbox, "report.pdf", pdf);

        assertThat(done.matches(15, TimeUnit.SECONDS)).as("both files processed").isTrue();

        RecordedRequest pdfRequest = simulator.requests().stream()
                .filter(request -> request.body().contains("report.pdf")).findFirst().orElseThrow();
        assertThat(pdfRequest.json()).isEqualTo(JSON.readTree("""
                {"model":"google/gemini-2.5-flash",
                 "messages":[{"role":"user","content":[{"type":"text","text":"%s"},
                   {"type":"file","file":{"filename":"report.pdf","file_data":"data:application/pdf;base64,%s"}}]}],
                 "plugins":[{"id":"file-parser","pdf":{"engine":"cloudflare-ai"}}]}"""
                .formatted(DOCUMENT_PROMPT, base64(pdf))));
        assertThat(pdfRequest.header("Authorization")).isEqualTo("Bearer " + API_KEY);
        JsonNode imageContent = simulator.requests().stream().filter(request -> !request.equals(pdfRequest))
                .findFirst().orElseThrow().json().at("/messages/0/content");
        assertThat(imageContent.get(1).at("/image_url/url").asText()).isEqualTo("data:image/png;base64," + base64(png));

        String pdfReply = "Received 1 text part, 0 images, 1 file, 0 audio, 0 video. Files: report.pdf. Text: \""
                          + DOCUMENT_PROMPT + "\" Parsed report.pdf with cloudflare-ai: Quarterly revenue rose 12 percent";
        assertThat(Files.readString(outbox.resolve("report.pdf.md")))
                .isEqualTo(document("report.pdf", ExpectedUsage.of(DOCUMENT_PROMPT, 0, 1, pdfReply), pdfReply));
        String pngReply = "Received 1 text part, 1 image, 0 files, 0 audio, 0 video. Text: \"" + IMAGE_PROMPT + "\"";
        assertThat(Files.readString(outbox.resolve("chart.png.md")))
                .isEqualTo(document("chart.png", ExpectedUsage.of(IMAGE_PROMPT, 1, 0, pngReply), pngReply));

        assertThat(namesIn(outbox)).containsExactly("chart.png.md", "report.pdf.md");
        assertThat(namesIn(inbox)).isEmpty();
        assertThat(namesIn(inbox.resolve(".done"))).containsExactly("chart.png", "report.pdf");
        assertThat(inbox.resolve(".done").resolve("report.pdf")).hasBinaryContent(pdf);
        assertThat(inbox.resolve(".failed")).doesNotExist();
    }

    @Test
    void aFailedModelCallLeavesTheOriginalInFailedWithTheReasonAndWritesNoAnswer() throws Exception {
        simulator.enqueue(Fault.error(402, "Insufficient credits. Add more using https://openrouter.ai/settings/credits"));
        NotifyBuilder failed = new NotifyBuilder(context).whenFailed(1).create();
        byte[] pdf = TestPdfs.withText("Invoice 42");
        drop(inbox, "invoice.pdf", pdf);

        assertThat(failed.matches(15, TimeUnit.SECONDS)).as("the file failed").isTrue();

        assertThat(simulator.requestCount()).isEqualTo(1);
        assertThat(inbox.resolve(".failed").resolve("invoice.pdf")).hasBinaryContent(pdf);
        assertThat(Files.readString(inbox.resolve(".failed").resolve("invoice.pdf.error.txt")))
                .startsWith("io.github.camelopenrouter.OpenRouterApiException: ")
                .contains("402", "Insufficient credits");
        assertThat(namesIn(outbox)).isEmpty();
        assertThat(namesIn(inbox)).isEmpty();
        assertThat(inbox.resolve(".done")).doesNotExist();

        // the route goes on: the next file is answered
        NotifyBuilder next = new NotifyBuilder(context).whenCompleted(1).create();
        drop(inbox, "photo.png", InboxFiles.png());
        assertThat(next.matches(15, TimeUnit.SECONDS)).as("the next file processed").isTrue();
        assertThat(namesIn(outbox)).containsExactly("photo.png.md");
        assertThat(namesIn(inbox.resolve(".done"))).containsExactly("photo.png");
    }

    @Test
    void anUnsupportedFileGoesToFailedWithTheReasonAndIsNeverSent() throws Exception {
        NotifyBuilder failed = new NotifyBuilder(context).whenFailed(1).create();
        byte[] zip = InboxFiles.zip();
        drop(inbox, "notes.zip", zip);

        assertThat(failed.matches(15, TimeUnit.SECONDS)).as("the file failed").isTrue();

        assertThat(simulator.requestCount()).as("requests sent").isZero();
        assertThat(inbox.resolve(".failed").resolve("notes.zip")).hasBinaryContent(zip);
        assertThat(Files.readString(inbox.resolve(".failed").resolve("notes.zip.error.txt")))
                .startsWith("io.github.camelopenrouter.OpenRouterInputException: ")
                .contains("notes.zip", "application/zip", "supported are");
        assertThat(namesIn(outbox)).isEmpty();
        assertThat(inbox.resolve(".done")).doesNotExist();
    }

    private static String document(String source, ExpectedUsage usage, String reply) {
        return """
                ---
                source: "%s"
                model: google/gemini-2.5-flash
                prompt_tokens: %d
                completion_tokens: %d
                total_tokens: %d
                cost: %s
                ---

                %s
                """.formatted(source, usage.promptTokens(), usage.completionTokens(), usage.totalTokens(), usage.cost(),
                reply);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
