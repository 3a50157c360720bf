package io.github.camelopenrouter.examples.kamelet;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelopenrouter.examples.folder.InboxFiles;
import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.RecordedRequest;
import io.github.camelopenrouter.simulator.TestPdfs;
import org.apache.camel.Component;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.KameletMain;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelopenrouter.examples.folder.InboxFiles.drop;
import static io.github.camelopenrouter.examples.folder.InboxFiles.namesIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The openrouter-action and openrouter-sink Kamelets, used by the example route and Pipe exactly as shipped, run by
 * {@link KameletMain} the way {@code camel run} runs them: the component is NOT on this test's class path (the
 * surefire execution kamelet-main excludes it); KameletMain downloads it, following the Kamelets'
 * {@code spec.dependencies}, from the local Maven repository, where {@code mvn install} put it.
 * The tag selects the surefire execution.
 */
@Tag("kamelet-main")
class KameletMainTest {

    private static final String COMPONENT = "io.github.camelopenrouter:camel-openrouter:0.1.0-SNAPSHOT";
    private static final Path KAMELETS = Path.of("src/main/resources/kamelets").toAbsolutePath();
    private static final Path EXAMPLES = Path.of("src/main/resources/kamelet-examples").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void theComponentIsNotOnTheTestClassPath() {
        assertThatThrownBy(() -> Class.forName("io.github.camelopenrouter.OpenRouterComponent"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theActionAndSinkKameletsRunWithTheComponentDownloadedFromTheLocalRepository() throws Exception {
        Path inbox = dir.resolve("inbox");
        Path outbox = dir.resolve("outbox");
        Path notes = dir.resolve("notes");
        RecordingDownloads downloads = new RecordingDownloads();
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start()) {
            KameletMain main = new KameletMain("camel.jbang");
            main.setDownloadListener(downloads);
            // only Maven Central and the local repository: no Apache snapshots repository, no extra repositories
            main.setMavenApacheSnapshotEnabled(false);
            // KameletMain always loads the Kamelets catalog (from Maven Central) on start; its built-in default
            // version, 4.17.0, is not in the registry this project builds from, so name one that is
            main.addInitialProperty("camel.jbang.kameletsVersion", "4.18.0");
            main.addInitialProperty("camel.component.kamelet.location", "file:" + KAMELETS);
            main.addInitialProperty("camel.main.routesIncludePattern",
                    "file:" + EXAMPLES.resolve("folder-via-openrouter-action.yaml") + ","
                    + "file:" + EXAMPLES.resolve("folder-to-openrouter-sink-pipe.yaml"));
            main.addInitialProperty("inbox", inbox.toString());
            main.addInitialProperty("outbox", outbox.toString());
            main.addInitialProperty("notes", notes.toString());
            // what a user passes with --prop (the Kamelets' apiKey is a password field; baseUrl has a default)
            for (String kamelet : List.of("openrouter-action", "openrouter-sink")) {
                main.addInitialProperty("camel.kamelet." + kamelet + ".apiKey", "sk-or-v1-kamelet-example");
                main.addInitialProperty("camel.kamelet." + kamelet + ".baseUrl", simulator.baseUrl());
            }
            main.start();
            try {
                Component component = main.getCamelContext().getComponent("openrouter");
                URL jar = component.getClass().getProtectionDomain().getCodeSource().getLocation();
                assertThat(Path.of(jar.toURI())).as("where the component was loaded from")
                        .startsWith(localRepository().resolve("io/github/camelopenrouter/camel-openrouter/0.1.0-SNAPSHOT"));
                assertThat(downloads.downloaded).contains(COMPONENT);
                assertThat(downloads.extraRepositories).isEmpty();

                // the Kamelets' own routes complete exchanges too: count the example routes' exchanges only
                NotifyBuilder answered = new NotifyBuilder(main.getCamelContext())
                        .fromRoute("folder-via-openrouter-action").whenCompleted(1).create();
                NotifyBuilder sent = new NotifyBuilder(main.getCamelContext())
                        .fromRoute("folder-to-openrouter-sink").whenCompleted(1).create();
                byte[] pdf = TestPdfs.withText("Delivery note 17");
                drop(inbox, "delivery.pdf", pdf);
                byte[] png = InboxFiles.png();
                drop(notes, "whiteboard.png", png);
                assertThat(answered.matches(20, TimeUnit.SECONDS)).as("the action route answered").isTrue();
                assertThat(sent.matches(20, TimeUnit.SECONDS)).as("the sink Pipe sent").isTrue();

                RecordedRequest action = simulator.requests().stream()
                        .filter(request -> request.body().contains("delivery.pdf")).findFirst().orElseThrow();
                assertThat(action.json()).isEqualTo(new ObjectMapper().readTree("""
                        {"model":"google/gemini-2.5-flash",
                         "messages":[{"role":"user","content":[{"type":"text","text":"Describe this file in two or three sentences."},
                           {"type":"file","file":{"filename":"delivery.pdf","file_data":"data:application/pdf;base64,%s"}}]}],
                         "plugins":[{"id":"file-parser","pdf":{"engine":"cloudflare-ai"}}]}"""
                        .formatted(Base64.getEncoder().encodeToString(pdf))));
                assertThat(action.header("Authorization")).isEqualTo("Bearer sk-or-v1-kamelet-example");
                assertThat(Files.readString(outbox.resolve("delivery.pdf.md"))).isEqualTo(
                        "Received 1 text part, 0 images, 1 file, 0 audio, 0 video. Files: delivery.pdf. Text: \"Describe this"
                        + " file in two or three sentences.\" Parsed delivery.pdf with cloudflare-ai: Delivery note 17");
                assertThat(namesIn(inbox.resolve(".done"))).containsExactly("delivery.pdf");

                RecordedRequest sink = simulator.requests().stream().filter(request -> request != action)
                        .findFirst().orElseThrow();
                assertThat(sink.json().get("model").asText()).isEqualTo("openai/gpt-4o-mini");
                assertThat(sink.json().at("/messages/0/content/0/text").asText())
                        .isEqualTo("Extract the action items from these notes.");
                assertThat(sink.json().at("/messages/0/content/1/image_url/url").asText())
                        .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
                assertThat(sink.header("Authorization")).isEqualTo("Bearer sk-or-v1-kamelet-example");
                assertThat(namesIn(notes.resolve(".done"))).containsExactly("whiteboard.png");

                // a failed call through the Kamelet fails the exchange: the original is kept in .failed, no answer
                // not retryable (a 503 would be retried by the component and succeed on the next attempt)
                simulator.enqueue(Fault.error(402, "Insufficient credits"));
                NotifyBuilder failed = new NotifyBuilder(main.getCamelContext())
                        .fromRoute("folder-via-openrouter-action").whenFailed(1).create();
                drop(inbox, "invoice.pdf", TestPdfs.withText("Invoice 9"));
                assertThat(failed.matches(20, TimeUnit.SECONDS)).as("the file failed").isTrue();
                assertThat(namesIn(inbox.resolve(".failed"))).containsExactly("invoice.pdf");
                assertThat(namesIn(outbox)).containsExactly("delivery.pdf.md");
            } finally {
                main.stop();
            }
        }
    }

    /** Where Maven put the component: the surefire execution passes Maven's own local repository. */
    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}
