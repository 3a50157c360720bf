package io.github.camelopenrouter.examples.springboot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.github.camelopenrouter.OpenRouterComponent;
import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.TestPdfs;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot application as shipped, with its application.properties; the test only points the folders at a
 * temporary directory and the component at the OpenRouter simulator, through the same properties a user sets.
 */
@SpringBootTest(properties = "camel.main.run-controller=false")
class FolderSpringBootTest {

    private static final OpenRouterSimulator SIMULATOR = OpenRouterSimulator.start();

    @TempDir
    static Path dir;

    @Autowired
    CamelContext context;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("camel.component.openrouter.api-key", () -> "sk-or-v1-spring-boot-example");
        registry.add("camel.component.openrouter.base-url", SIMULATOR::baseUrl);
        registry.add("folder.inbox", () -> dir.resolve("inbox").toString());
        registry.add("folder.outbox", () -> dir.resolve("outbox").toString());
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @Test
    void filesAreAnsweredWithTheComponentConfiguredByApplicationProperties() throws Exception {
        Path inbox = dir.resolve("inbox");
        Path outbox = dir.resolve("outbox");
        OpenRouterComponent component = context.getComponent("openrouter", OpenRouterComponent.class);
        assertThat(component.getConfiguration().getAppTitle()).isEqualTo("camel-openrouter folder example");
        assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(SIMULATOR.baseUrl());

        NotifyBuilder answered = new NotifyBuilder(context).whenCompleted(2).create();
        drop(inbox, "chart.png", png());
        drop(inbox, "report.pdf", TestPdfs.withText("Revenue up 12 percent"));
        assertThat(answered.matches(15, TimeUnit.SECONDS)).as("both files answered").isTrue();

        assertThat(SIMULATOR.requests()).hasSize(2).allSatisfy(request -> {
            assertThat(request.header("Authorization")).isEqualTo("Bearer sk-or-v1-spring-boot-example");
            assertThat(request.header("X-Title")).isEqualTo("camel-openrouter folder example");
            assertThat(request.json().get("model").asText()).isEqualTo("google/gemini-2.5-flash");
        });
        assertThat(Files.readString(outbox.resolve("report.pdf.md")))
                .startsWith("---\nsource: \"report.pdf\"\nmodel: google/gemini-2.5-flash\nprompt_tokens: ")
                .endsWith("Parsed report.pdf with cloudflare-ai: Revenue up 12 percent\n");
        assertThat(Files.readString(outbox.resolve("chart.png.md"))).contains("Received 1 text part, 1 image");
        assertThat(names(inbox.resolve(".done"))).containsExactly("chart.png", "report.pdf");

        SIMULATOR.enqueue(Fault.error(402, "Insufficient credits"));
        NotifyBuilder failed = new NotifyBuilder(context).whenFailed(1).create();
        drop(inbox, "scan.pdf", TestPdfs.withText("Contract"));
        assertThat(failed.matches(15, TimeUnit.SECONDS)).as("the file failed").isTrue();
        assertThat(names(inbox.resolve(".failed"))).containsExactly("scan.pdf", "scan.pdf.error.txt");
        assertThat(names(outbox)).containsExactly("chart.png.md", "report.pdf.md");
    }

    private static void drop(Path inbox, String name, byte[] content) throws Exception {
        Files.createDirectories(inbox);
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Path file = Files.write(staging.resolve(name), content);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.move(file, inbox.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static List<String> names(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
