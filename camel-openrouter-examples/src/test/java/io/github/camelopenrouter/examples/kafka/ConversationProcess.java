package io.github.camelopenrouter.examples.kafka;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the Kafka conversations example in a JVM of its own, started as its README says
 * ({@link KafkaConversationExample}, settings as system properties) on the module's runtime class path, so that it can
 * be killed as a crashed pod is: no shutdown, no offset commit, no leaving the group.
 */
final class ConversationProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ConversationProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ConversationProcess start(String name, Map<String, String> settings, Path directory) throws Exception {
        String runtime = Files.readString(Path.of("target/runtime-classpath.txt")).strip();
        String classPath = Path.of("target/classes").toAbsolutePath() + File.pathSeparator + runtime;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a JVM that starts fast on two busy cores: it answers a few dozen questions, then it is killed
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dinstance.name=" + name);
        command.add("-Dcamel.main.name=" + name);
        command.add(KafkaConversationExample.class.getName());
        Path output = directory.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new ConversationProcess(process, output);
    }

    /** SIGKILL: what a node failure or the OOM killer does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The killed instance did not end: " + process.pid());
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What it printed, for a failure message. */
    String output() {
        try {
            return Files.readString(output);
        } catch (Exception e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
