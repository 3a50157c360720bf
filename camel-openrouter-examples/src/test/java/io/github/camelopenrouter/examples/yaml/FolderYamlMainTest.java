package io.github.camelopenrouter.examples.yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelopenrouter.examples.folder.ExpectedUsage;
import io.github.camelopenrouter.examples.folder.InboxFiles;
import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.RecordedRequest;
import io.github.camelopenrouter.simulator.TestPdfs;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelopenrouter.examples.folder.InboxFiles.drop;
import static io.github.camelopenrouter.examples.folder.InboxFiles.namesIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML folder example, the very file users copy ({@code routes/folder-to-openrouter.yaml}), run by Camel Main and
 * configured only with properties, as {@code application.properties} would.
 */
class FolderYamlMainTest {

    private static final String DOCUMENT_PROMPT = "Summarise this document in three short bullet points.";
    private static final String IMAGE_PROMPT = "Describe this image in two or three sentences.";

    @TempDir
    Path dir;

    @Test
    void theYamlRouteAnswersFilesAndMovesAFailedOneToFailed() throws Exception {
        Path inbox = dir.resolve("inbox");
        Path outbox = dir.resolve("outbox");
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start()) {
            Main main = new Main();
            main.configure().withRoutesIncludePattern("classpath:routes/folder-to-openrouter.yaml");
            main.addInitialProperty("inbox", inbox.toString());
            main.addInitialProperty("outbox", outbox.toString());
            main.addInitialProperty("model", "openai/gpt-4o-mini");
            main.addInitialProperty("camel.component.openrouter.api-key", "sk-or-v1-yaml-example");
            main.addInitialProperty("camel.component.openrouter.base-url", simulator.baseUrl());
            main.start();
            try {
                NotifyBuilder answered = new NotifyBuilder(main.getCamelContext()).whenCompleted(2).create();
                byte[] pdf = TestPdfs.withText("Minutes of the board meeting");
                drop(inbox, "minutes.pdf", pdf);
                drop(inbox, "logo.png", InboxFiles.png());
                assertThat(answered.matches(15, TimeUnit.SECONDS)).as("both files answered").isTrue();

                RecordedRequest pdfRequest = simulator.requests().stream()
                        .filter(request -> request.body().contains("minutes.pdf")).findFirst().orElseThrow();
                assertThat(pdfRequest.json()).isEqualTo(new ObjectMapper().readTree("""
                        {"model":"openai/gpt-4o-mini",
                         "messages":[{"role":"user","content":[{"type":"text","text":"%s"},
                           {"type":"file","file":{"filename":"minutes.pdf","file_data":"data:application/pdf;base64,%s"}}]}],
                         "plugins":[{"id":"file-parser","pdf":{"engine":"cloudflare-ai"}}]}"""
                        .formatted(DOCUMENT_PROMPT, Base64.getEncoder().encodeToString(pdf))));
                assertThat(pdfRequest.header("Authorization")).isEqualTo("Bearer sk-or-v1-yaml-example");

                String pdfReply = "Received 1 text part, 0 images, 1 file, 0 audio, 0 video. Files: minutes.pdf. Text: \""
                                  + DOCUMENT_PROMPT + "\" Parsed minutes.pdf with cloudflare-ai: Minutes of the board meeting";
                ExpectedUsage pdfUsage = ExpectedUsage.of(DOCUMENT_PROMPT, 0, 1, pdfReply);
                // simple prints the cost header as Java prints a double
                String pdfCost = String.valueOf(Double.parseDouble(pdfUsage.cost()));
                assertThat(Files.readString(outbox.resolve("minutes.pdf.md"))).isEqualTo("""
                        ---
                        source: "minutes.pdf"
                        model: openai/gpt-4o-mini
                        prompt_tokens: %d
                        completion_tokens: %d
                        total_tokens: %d
                        cost: %s
                        ---

                        %s
                        """.formatted(pdfUsage.promptTokens(), pdfUsage.completionTokens(), pdfUsage.totalTokens(),
                        pdfCost, pdfReply));
                assertThat(Files.readString(outbox.resolve("logo.png.md")))
                        .contains("source: \"logo.png\"\n")
                        .endsWith("\n\nReceived 1 text part, 1 image, 0 files, 0 audio, 0 video. Text: \"" + IMAGE_PROMPT + "\"\n");
                assertThat(namesIn(inbox.resolve(".done"))).containsExactly("logo.png", "minutes.pdf");

                // the component retries a 429 (maxRetries=2 by default): only one that persists fails the file
                Fault rateLimited = Fault.error(429, "Rate limit exceeded: too many requests, slow down");
                simulator.enqueue(rateLimited, rateLimited, rateLimited);
                NotifyBuilder failed = new NotifyBuilder(main.getCamelContext()).whenFailed(1).create();
                byte[] scan = TestPdfs.withText("Scanned contract");
                drop(inbox, "contract.pdf", scan);
                assertThat(failed.matches(15, TimeUnit.SECONDS)).as("the file failed").isTrue();

                assertThat(inbox.resolve(".failed").resolve("contract.pdf")).hasBinaryContent(scan);
                assertThat(Files.readString(inbox.resolve(".failed").resolve("contract.pdf.error.txt")))
                        .startsWith("io.github.camelopenrouter.OpenRouterApiException: ").contains("429")
                        .contains("gave up after 3 attempts");
                assertThat(namesIn(outbox)).containsExactly("logo.png.md", "minutes.pdf.md");
                assertThat(namesIn(inbox)).isEmpty();
            } finally {
                main.stop();
            }
        }
    }
}
