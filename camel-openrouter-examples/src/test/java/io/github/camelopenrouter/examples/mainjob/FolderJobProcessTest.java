package io.github.camelopenrouter.examples.mainjob;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelopenrouter.examples.folder.InboxFiles.namesIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main job as the README's command starts it: a JVM of its own on the module's runtime class path (written by
 * the build to target/runtime-classpath.txt), without OPENROUTER_API_KEY. Unlike the in-process test, nothing from
 * the test class path helps it: a route needing a library users do not have fails here.
 */
class FolderJobProcessTest {

    @TempDir
    Path dir;

    @Test
    void theJobRunsOnTheRuntimeClassPathAndExitsWithZeroWhenEverySampleIsAnswered() throws Exception {
        String runtime = Files.readString(Path.of("target/runtime-classpath.txt")).strip();
        String classPath = Path.of("target/classes").toAbsolutePath() + File.pathSeparator + runtime;
        Path work = dir.resolve("work");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, FolderJob.class.getName(), "samples", work.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile());
        builder.environment().remove(FolderJob.API_KEY_VARIABLE);
        Process job = builder.start();

        assertThat(job.waitFor(90, TimeUnit.SECONDS)).as("the job ended by itself").isTrue();
        List<String> lines = Files.readAllLines(dir.resolve("output.txt"), StandardCharsets.UTF_8);
        assertThat(job.exitValue()).as("exit code; output:%n%s", String.join("\n", lines)).isZero();
        assertThat(lines.get(0)).startsWith("OFFLINE: OPENROUTER_API_KEY is not set");
        assertThat(lines).filteredOn(line -> line.matches("\\[\\d/5] done .*")).hasSize(5);
        assertThat(lines).filteredOn(line -> line.startsWith("Summary: 5 files, 5 done, 0 failed; ")).hasSize(1);
        // the job's own logging configuration keeps the output to its lines: no Camel warnings or stack traces
        assertThat(lines).noneMatch(line -> line.startsWith("WARN") || line.startsWith("ERROR") || line.startsWith("\tat "));
        assertThat(namesIn(work.resolve("outbox"))).hasSize(5);
        assertThat(lines).filteredOn(line -> line.startsWith("Extraction: 1 invoice, 1 extracted, 0 failed; ")).hasSize(1);
        assertThat(namesIn(work.resolve("extracted"))).containsExactly("invoice-2024-117.json");
        assertThat(namesIn(work.resolve("inbox").resolve(".done"))).isEqualTo(namesIn(Path.of("samples")));
    }
}
