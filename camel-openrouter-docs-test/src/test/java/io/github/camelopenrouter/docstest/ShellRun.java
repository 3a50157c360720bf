package io.github.camelopenrouter.docstest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a documented shell command as a newcomer would, from the project root of a fresh copy of the project, with a
 * timeout. The copy is the project as {@code mvn install -DskipTests} leaves it: sources plus each module's
 * {@code target/classes} (this build made them moments ago), without other build output. Maven in the copy uses the
 * build's local repository (where the reactor installed every module before this one), through {@code .mvn/maven.config}.
 */
final class ShellRun {

    /**
     * {@code mvn -B -q install -DskipTests && ...}: the reactor running this test has just installed every module,
     * which is what that install does, so it is not done a second time (it would cost minutes); the rest runs.
     */
    static final Pattern ALREADY_INSTALLED = Pattern.compile("(?m)^mvn(?: -(?:B|q|ntp))* install -DskipTests && ");

    /** Where the command's output goes, in the copy it runs in. */
    static final String OUTPUT = "docs-test-output.txt";

    record Result(int exitCode, boolean timedOut, boolean fixtureDone, String output, Path copy) {
    }

    private ShellRun() {
    }

    static Path freshCopy(Path root, Path target) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = root.relativize(dir);
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (dir.equals(target) || name.equals(".git") || name.equals("node_modules")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                // only <module>/target/classes survives from build output
                if (relative.getNameCount() >= 2 && relative.getName(1).toString().equals("target")
                    && !(relative.getNameCount() >= 3 && relative.getName(2).toString().equals("classes"))
                    && relative.getNameCount() != 2) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(relative.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = root.relativize(file);
                if (relative.getNameCount() == 3 && relative.getName(1).toString().equals("target")) {
                    return FileVisitResult.CONTINUE; // files directly in target/ (jars, reports)
                }
                Files.copy(file, target.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
        Path mvnConfig = Files.createDirectories(target.resolve(".mvn")).resolve("maven.config");
        Files.writeString(mvnConfig, "-Dmaven.repo.local=" + System.getProperty("docs.test.repo.local") + "\n-Dstyle.color=never\n");
        return target;
    }

    /** The block as bash runs it: continuation lines joined, the install done by this build left out, fixture args added. */
    static String script(String block, Fixture fixture) {
        String script = block.replace("\\\n", " ");
        script = ALREADY_INSTALLED.matcher(script).replaceAll("");
        if (fixture != null && !fixture.mavenArguments().isEmpty()) {
            script = Pattern.compile("(?m)^(mvn .*(?:exec:java|spring-boot:run).*)$").matcher(script)
                    .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + " " + fixture.mavenArguments()));
        }
        return script;
    }

    static Result run(String script, Path copy, Fixture fixture, Duration timeout) throws Exception {
        Path output = copy.resolve(OUTPUT);
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-c", script).directory(copy.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        // a newcomer without a key: the documented offline behaviour
        env.remove("OPENROUTER_API_KEY");
        env.remove("OPENROUTER_BASE_URL");
        env.remove("OPENROUTER_MODEL");
        env.remove("MAVEN_ARGS");
        if (fixture != null) {
            env.putAll(fixture.environment());
            fixture.before(copy);
        }
        Process process = builder.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (fixture == null) {
                boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return new Result(exited ? process.exitValue() : -1, !exited, false, read(output), copy);
            }
            while (System.nanoTime() < deadline) {
                if (fixture.done(copy, read(output))) {
                    return new Result(process.isAlive() ? 0 : process.exitValue(), false, process.isAlive(),
                            read(output), copy);
                }
                if (!process.isAlive()) {
                    return new Result(process.exitValue(), false, false, read(output), copy);
                }
                Thread.sleep(250);
            }
            return new Result(-1, true, false, read(output), copy);
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    static String read(Path output) throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }
}
