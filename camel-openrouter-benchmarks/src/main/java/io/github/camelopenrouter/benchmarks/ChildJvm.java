package io.github.camelopenrouter.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts {@link PeerProcess} in a new JVM: the same java and classpath as this one, the given heap. Result lines go to
 * the caller, everything else the child prints to this JVM's standard error (or nowhere, when quiet).
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /** The exit code and result lines of a finished child; -1 when it was killed for running out of time. */
    record Outcome(int exitCode, List<RunResult> results) {
    }

    static Outcome run(String maxHeap, List<String> arguments, Duration timeout, boolean quiet) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + maxHeap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Dlog4j2.level=WARN");
        // e.g. -Dbench.jvmArgs="-XX:StartFlightRecording=filename=peer.jfr" to profile the peers
        String extra = System.getProperty("bench.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PeerProcess.class.getName());
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command.get(0), e);
        }
        List<RunResult> results = new ArrayList<>();
        Thread reader = new Thread(() -> readLines(process, line -> {
            if (line.startsWith(RunResult.PREFIX)) {
                synchronized (results) {
                    results.add(RunResult.fromLine(line));
                }
            } else if (!quiet) {
                System.err.println("    | " + line);
            }
        }), "child-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                reader.join(5000);
                return new Outcome(-1, List.copyOf(results));
            }
            reader.join(5000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a child JVM", e);
        }
        synchronized (results) {
            return new Outcome(process.exitValue(), List.copyOf(results));
        }
    }

    private static void readLines(Process process, Consumer<String> sink) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                sink.accept(line);
            }
        } catch (IOException e) {
            // the child is gone; its exit code tells the rest
        }
    }
}
