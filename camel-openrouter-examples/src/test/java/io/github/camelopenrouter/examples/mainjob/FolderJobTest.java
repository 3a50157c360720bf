package io.github.camelopenrouter.examples.mainjob;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.camelopenrouter.examples.folder.ExtractedInvoices;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelopenrouter.examples.folder.InboxFiles.namesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** The main job's entry point, in-process, on the samples the project ships. */
class FolderJobTest {

    private static final Path SAMPLES = Path.of("samples");
    private static final Pattern DONE_LINE = Pattern.compile(
            "\\[(\\d)/(\\d)] done   (\\S+) +-> outbox/(\\S+)\\.md  ([\\d,]+) tokens, \\$([\\d.]+)");
    private static final Pattern EXTRACTED_LINE = Pattern.compile(
            "\\[1/1] done   invoice-2024-117\\.pdf +-> extracted/invoice-2024-117\\.json  ([\\d,]+) tokens, \\$([\\d.]+)");

    @TempDir
    Path dir;

    @Test
    void withoutAKeyItSaysItIsOfflineAndAnswersEverySampleThroughTheSimulator() throws Exception {
        List<String> samples = namesIn(SAMPLES);
        assertThat(samples).hasSize(5);
        Path work = dir.resolve("work");

        List<String> lines = run(work, Map.of());

        assertThat(lines.get(0)).startsWith("OFFLINE: OPENROUTER_API_KEY is not set, so this run talks to the OpenRouter"
                                            + " simulator at http://127.0.0.1:");
        assertThat(lines.get(2)).contains("To use the real service: export OPENROUTER_API_KEY=sk-or-");
        assertThat(lines.get(3)).isEqualTo("Processing 5 sample files from " + SAMPLES.toAbsolutePath());
        assertAllAnswered(lines, work, samples);
        assertInvoiceExtracted(lines, work);
        assertThat(Files.readString(work.resolve("extracted").resolve("invoice-2024-117.json")))
                .isEqualTo(ExtractedInvoices.SIMULATED);
        // the samples themselves are untouched: the job worked on copies
        assertThat(namesIn(SAMPLES)).isEqualTo(samples);

        // and it can run again from scratch
        List<String> again = run(work, Map.of());
        assertAllAnswered(again, work, samples);
    }

    @Test
    void withAKeyItCallsTheConfiguredServiceWithThatKey() throws Exception {
        try (OpenRouterSimulator gateway = OpenRouterSimulator.start()) {
            Path work = dir.resolve("work");
            List<String> lines = run(work, Map.of("OPENROUTER_API_KEY", "sk-or-v1-job-test",
                    "OPENROUTER_BASE_URL", gateway.baseUrl(), "OPENROUTER_MODEL", "openai/gpt-4o-mini"));

            assertThat(lines.get(0)).isEqualTo("ONLINE: calling OpenRouter at " + gateway.baseUrl()
                                               + " with model openai/gpt-4o-mini (OPENROUTER_API_KEY is set; this run is"
                                               + " billed to that key).");
            assertAllAnswered(lines, work, namesIn(SAMPLES));
            assertInvoiceExtracted(lines, work);
            // five answers and one extraction
            assertThat(gateway.requestCount()).isEqualTo(6);
            assertThat(gateway.requests().stream().filter(request -> request.json().has("response_format")))
                    .singleElement().satisfies(request -> assertThat(request.json().at("/response_format/json_schema/schema"))
                            .isEqualTo(ExtractedInvoices.schema()));
            assertThat(gateway.requests()).allSatisfy(request -> {
                assertThat(request.header("Authorization")).isEqualTo("Bearer sk-or-v1-job-test");
                assertThat(request.json().get("model").asText()).isEqualTo("openai/gpt-4o-mini");
            });
        }
    }

    private List<String> run(Path work, Map<String, String> environment) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            JobProgress.Summary summary = new FolderJob(SAMPLES, work, environment, out, Duration.ofSeconds(60)).run();
            assertThat(summary.allDone()).as("all done; output:%n%s", buffer).isTrue();
        }
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The invoice sample's fields, as one JSON file the shipped schema accepts, and the lines that say so. */
    private static void assertInvoiceExtracted(List<String> lines, Path work) throws IOException {
        assertThat(lines).contains("Extracting the fields of 1 invoice into JSON checked against"
                                   + " classpath:schemas/invoice.schema.json");
        assertThat(lines).filteredOn(line -> EXTRACTED_LINE.matcher(line).matches()).hasSize(1);
        assertThat(lines).filteredOn(line -> line.startsWith("Extraction: 1 invoice, 1 extracted, 0 failed; ")).hasSize(1);
        String json = Files.readString(work.resolve("extracted").resolve("invoice-2024-117.json"));
        assertThat(ExtractedInvoices.problems(json)).isEmpty();
        assertThat(namesIn(work.resolve("invoices").resolve(".done"))).containsExactly("invoice-2024-117.pdf");
    }

    /** One progress line per sample, numbered 1..5 in order, a summary that adds them up, answers and originals in place. */
    private static void assertAllAnswered(List<String> lines, Path work, List<String> samples) throws IOException {
        List<Matcher> done = lines.stream().map(DONE_LINE::matcher).filter(Matcher::matches).toList();
        assertThat(done).hasSize(5);
        assertThat(done.stream().map(m -> m.group(1))).containsExactly("1", "2", "3", "4", "5");
        assertThat(done.stream().map(m -> m.group(3))).containsExactlyInAnyOrderElementsOf(samples);
        long tokens = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (Matcher line : done) {
            String name = line.group(3);
            assertThat(line.group(4)).isEqualTo(name);
            String answer = Files.readString(work.resolve("outbox").resolve(name + ".md"));
            long fileTokens = Long.parseLong(line.group(5).replace(",", ""));
            assertThat(answer).startsWith("---\nsource: \"" + name + "\"\n")
                    .contains("\ntotal_tokens: " + fileTokens + "\n", "\ncost: " + line.group(6) + "\n");
            assertThat(answer).contains(name.endsWith(".pdf") ? "Parsed " + name + " with cloudflare-ai: " : "1 image");
            tokens += fileTokens;
            cost = cost.add(new BigDecimal(line.group(6)));
        }
        String summary = lines.stream().filter(l -> l.startsWith("Summary: ")).findFirst().orElseThrow();
        assertThat(summary).startsWith(String.format("Summary: 5 files, 5 done, 0 failed; %,d tokens (", tokens))
                .contains("; cost $" + cost.stripTrailingZeros().toPlainString() + "; ");
        assertThat(namesIn(work.resolve("outbox"))).hasSize(5);
        Path processed = work.resolve("inbox").resolve(".done");
        assertThat(namesIn(processed)).containsExactlyInAnyOrderElementsOf(samples);
        for (String sample : samples) {
            assertThat(processed.resolve(sample)).hasSameBinaryContentAs(SAMPLES.resolve(sample));
        }
        assertThat(namesIn(work.resolve("inbox"))).isEmpty();
        try (Stream<Path> left = Files.list(work.resolve("inbox"))) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).as("no .failed").containsExactly(".done");
        }
    }
}
