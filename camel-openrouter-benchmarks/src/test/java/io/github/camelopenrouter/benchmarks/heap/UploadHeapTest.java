package io.github.camelopenrouter.benchmarks.heap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelopenrouter.benchmarks.BenchFiles;
import io.github.camelopenrouter.simulator.ApiRequest;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Files API upload streams: a 50 MiB PDF goes through {@code openrouter:files} in a fresh JVM whose heap is
 * smaller than the file ({@link #HEAP}), the heap in which {@code openrouter:chat} sends the same file inline (checked
 * here too, in its own fresh JVM). A copy of the file - or of its 67 MiB of base64 - would not fit: both would end in
 * OutOfMemoryError. The benchmark's -Xmx search (docs/performance.md, W3) puts chat's minimum for this file near 15
 * MB; {@link #HEAP} leaves room for a loaded machine's slower GC.
 */
class UploadHeapTest {

    static final String HEAP = "32m";
    private static final long FILE_BYTES = 50L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void uploadingA50MiBPdfNeedsNoMoreHeapThanChatDoesForTheSameFile() throws Exception {
        Path pdf = BenchFiles.pdf(dir, FILE_BYTES);
        // the simulator skims chat bodies instead of keeping 67 MiB strings; uploads are recorded by size and hash
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start(SimulatorSettings.defaults().withRecordBodies(false))) {
            List<String> upload = probe(simulator, pdf, "files");
            assertThat(upload).as("files at -Xmx" + HEAP).containsExactly("file or_file_sim1");
            ApiRequest request = simulator.apiRequests().get(0);
            assertThat(request.method() + " " + request.path()).isEqualTo("POST /api/v1/files");
            assertThat(request.parts()).singleElement().satisfies(part -> {
                assertThat(part.filename()).isEqualTo(pdf.getFileName().toString());
                assertThat(part.contentType()).isEqualTo("application/pdf");
                assertThat(part.size()).isEqualTo(FILE_BYTES);
                assertThat(part.sha256()).isEqualTo(sha256(pdf));
            });

            List<String> chat = probe(simulator, pdf, "chat");
            assertThat(chat).as("chat at -Xmx" + HEAP).singleElement().asString()
                    .startsWith("answer Received ").contains(" bytes; body not inspected");
            long base64 = 4 * ((FILE_BYTES + 2) / 3);
            assertThat(Long.parseLong(chat.get(0).split(" ")[2])).as("chat body bytes").isGreaterThan(base64);
        }
    }

    /** Runs {@link UploadHeapProbe} in a fresh JVM with {@link #HEAP}; asserts it exited 0 and returns its result lines. */
    private static List<String> probe(OpenRouterSimulator simulator, Path pdf, String operation) throws Exception {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx" + HEAP,
                "-XX:+ExitOnOutOfMemoryError", "-Dlog4j2.level=WARN", "-cp", System.getProperty("java.class.path"),
                UploadHeapProbe.class.getName(), simulator.baseUrl(), pdf.toString(), operation);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> results = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null;) {
                if (line.startsWith(UploadHeapProbe.RESULT)) {
                    results.add(line.substring(UploadHeapProbe.RESULT.length()));
                } else if (output.length() < 20_000) {
                    output.append(line).append('\n');
                }
            }
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(operation + " finished").isTrue();
        assertThat(process.exitValue()).as(operation + " at -Xmx" + HEAP + " (3 = OutOfMemoryError); output:\n" + output)
                .isZero();
        return results;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
