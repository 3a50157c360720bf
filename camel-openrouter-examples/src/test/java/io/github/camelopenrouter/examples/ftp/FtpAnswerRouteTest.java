package io.github.camelopenrouter.examples.ftp;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example route, unchanged, against a real FTP server (Apache FtpServer, passive mode only) whose user's home is
 * a temporary folder, and the OpenRouter simulator, both on loopback. A scanner's upload is a file appearing in
 * {@code home/inbox}.
 */
class FtpAnswerRouteTest {

    private static final String PROMPT = "Transcribe this scan";
    private static final List<String> FOLLOW_UPS = List.of("Which total?", "Which date?");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static OpenRouterSimulator simulator;

    @TempDir
    Path home;
    private FtpTestServer ftp;
    private CamelContext camel;

    @BeforeAll
    static void startSimulator() {
        simulator = OpenRouterSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void startFtpServer() throws Exception {
        simulator.reset();
        Files.createDirectories(home.resolve("inbox"));
        ftp = FtpTestServer.start(home);
    }

    @AfterEach
    void stopAll() {
        if (camel != null) {
            camel.stop();
        }
        ftp.close();
    }

    @Test
    void answersEachScanOnTheFtpServerAndMovesTheOriginalsToDone() throws Exception {
        byte[] pdf = TestPdfs.withText("Invoice 42", "Total 99 EUR");
        byte[] png = png();
        drop("invoice.pdf", pdf);
        drop("photo.PNG", png);
        drop("notes.zip", new byte[] { 'P', 'K', 3, 4 });
        startRoute();

        await("both answers written and both originals moved", () -> exists("answers/invoice.pdf.md")
                && exists("answers/photo.PNG.md") && exists("inbox/.done/invoice.pdf") && exists("inbox/.done/photo.PNG"));

        // the PDF: its first question uploads it once and references it; the follow-ups send only their question
        assertThat(simulator.requestCount()).isEqualTo(1 + 3);
        List<RecordedRequest> pdfRequests = requestsWith("or_file_sim1");
        assertThat(pdfRequests).hasSize(3);
        JsonNode first = pdfRequests.get(0).json();
        assertThat(first.get("messages")).isEqualTo(JSON.readTree("""
                [{"role":"user","content":[
                  {"type":"text","text":"Transcribe this scan"},
                  {"type":"file","file":{"filename":"invoice.pdf","file_id":"or_file_sim1"}}]}]"""));
        assertThat(first.get("plugins")).isEqualTo(JSON.readTree("""
                [{"id":"file-parser","pdf":{"engine":"mistral-ocr"}}]"""));
        assertThat(first.get("model").asText()).isEqualTo("google/gemini-2.5-flash");
        assertThat(simulator.apiRequests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /api/v1/files", "DELETE /api/v1/files/or_file_sim1");
        assertThat(simulator.apiRequests().get(0).parts()).singleElement()
                .satisfies(part -> assertThat(part.size()).isEqualTo(pdf.length));
        for (int i = 1; i < 3; i++) {
            JsonNode followUp = pdfRequests.get(i).json();
            assertThat(pdfRequests.get(i).body()).as("question %d sends no bytes", i + 1).doesNotContain("file_data");
            JsonNode messages = followUp.get("messages");
            assertThat(messages).hasSize(2 * i + 1);
            assertThat(messages.get(0)).isEqualTo(first.at("/messages/0"));
            assertThat(messages.get(1).get("annotations")).as("the parse travels as annotations").hasSize(1);
            assertThat(messages.get(2 * i).get("content")).isEqualTo(JSON.readTree("""
                    [{"type":"text","text":"%s"}]""".formatted(FOLLOW_UPS.get(i - 1))));
        }
        assertThat(simulator.stats().filesParsed()).as("parsed by the first question only").isEqualTo(1);
        assertThat(simulator.stats().annotationsReused()).isEqualTo(2);
        assertThat(simulator.fileIds()).as("the upload is deleted once answered").isEmpty();
        // the image: one question, sent as before
        assertThat(requestWith("image_url").json().at("/messages/0/content/1")).isEqualTo(JSON.readTree("""
                {"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}}""".formatted(base64(png))));

        assertThat(home.resolve("answers/invoice.pdf.md")).hasContent("""
                Received 1 text part, 0 images, 1 file, 0 audio, 0 video. Files: invoice.pdf. Text: "Transcribe this scan" \
                Parsed invoice.pdf with mistral-ocr: Invoice 42 Total 99 EUR

                ## Which total?

                Received 1 text part, 0 images, 0 files, 0 audio, 0 video. Text: "Which total?" Reused annotations for \
                invoice.pdf.

                ## Which date?

                Received 1 text part, 0 images, 0 files, 0 audio, 0 video. Text: "Which date?" Reused annotations for \
                invoice.pdf.""");
        assertThat(home.resolve("answers/photo.PNG.md"))
                .hasContent("Received 1 text part, 1 image, 0 files, 0 audio, 0 video. Text: \"Transcribe this scan\"");
        assertThat(home.resolve("inbox/.done/invoice.pdf")).hasBinaryContent(pdf);
        assertThat(filesIn("inbox")).containsExactly("notes.zip");
        assertThat(filesIn("answers")).containsExactlyInAnyOrder("invoice.pdf.md", "photo.PNG.md");
    }

    @Test
    void aScanWhoseModelCallFailedStaysInTheInboxAndIsAnsweredExactlyOnceAfterRecovery() throws Exception {
        simulator.setFaultPolicy(request -> Fault.error(503, "No provider available"));
        byte[] pdf = TestPdfs.withText("Contract");
        drop("contract.pdf", pdf);
        NotifyBuilder twoFailedPolls = new NotifyBuilder(startRoute()).whenFailed(2).create();

        // tried on two polls, failed both times: the original is still in the inbox, nothing was written
        assertThat(twoFailedPolls.matches(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(filesIn("inbox")).containsExactly("contract.pdf");
        assertThat(home.resolve("inbox/.done")).doesNotExist();
        assertThat(home.resolve("answers")).doesNotExist();

        simulator.setFaultPolicy(null);
        await("the answer to contract.pdf", () -> exists("inbox/.done/contract.pdf") && exists("answers/contract.pdf.md"));
        long failedRequests = simulator.stats().faultedTotal();
        // polls run one after the other: once a later scan is answered, contract.pdf would have been taken again by now
        // had it stayed in the inbox
        drop("marker.png", png());
        await("the answer to marker.png", () -> exists("inbox/.done/marker.png"));

        assertThat(simulator.requestCount()).as("the failed ones, 3 questions about contract.pdf, 1 about marker.png")
                .isEqualTo(failedRequests + 3 + 1);
        // each poll uploaded contract.pdf afresh, and each upload was deleted again, answered or failed
        assertThat(simulator.apiRequests().stream().filter(r -> r.method().equals("POST")).count()).isGreaterThanOrEqualTo(3);
        assertThat(simulator.fileIds()).isEmpty();
        assertThat(home.resolve("inbox/.done/contract.pdf")).hasBinaryContent(pdf);
        assertThat(home.resolve("answers/contract.pdf.md")).content().startsWith("Received 1 text part, 0 images, 1 file");
        assertThat(filesIn("inbox")).isEmpty();
        assertThat(filesIn("answers")).containsExactlyInAnyOrder("contract.pdf.md", "marker.png.md");
    }

    private CamelContext startRoute() throws Exception {
        camel = new DefaultCamelContext();
        OpenRouterComponent openRouter = new OpenRouterComponent();
        openRouter.getConfiguration().setApiKey("sk-or-v1-ftp-example-test");
        openRouter.getConfiguration().setBaseUrl(simulator.baseUrl());
        camel.addComponent("openrouter", openRouter);
        camel.addRoutes(new FtpAnswerRoute(new FtpSettings()
                .server("127.0.0.1", ftp.port())
                .login(FtpTestServer.USER, FtpTestServer.PASSWORD)
                .pollDelay(Duration.ofMillis(200))
                .uploadSettleTime(Duration.ofMillis(100))
                .model("google/gemini-2.5-flash")
                .prompt(PROMPT)
                .followUps(FOLLOW_UPS)));
        camel.start();
        return camel;
    }

    private void drop(String name, byte[] content) throws IOException {
        Files.write(home.resolve("inbox").resolve(name), content);
    }

    private boolean exists(String path) {
        return Files.isRegularFile(home.resolve(path));
    }

    /** The regular files directly in a folder of the FTP home (none when the folder does not exist). */
    private List<String> filesIn(String folder) throws IOException {
        Path dir = home.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static List<RecordedRequest> requestsWith(String fragment) {
        return simulator.requests().stream().filter(r -> r.body().contains(fragment)).toList();
    }

    private static RecordedRequest requestWith(String fragment) {
        List<RecordedRequest> matching = simulator.requests().stream().filter(r -> r.body().contains(fragment)).toList();
        assertThat(matching).as("requests containing " + fragment).hasSize(1);
        return matching.get(0);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 2, 0x00ff00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
