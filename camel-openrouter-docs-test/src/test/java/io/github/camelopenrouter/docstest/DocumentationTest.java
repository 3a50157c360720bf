package io.github.camelopenrouter.docstest;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code block of README.md, docs/*.md, docs/*.adoc and the examples' README is checked as its marker says (see
 * docs/documentation-tests.md): commands run in a fresh copy of the project, Java and YAML routes run against the
 * simulator, the rest is at least parsed. A block without a marker fails, saying how to mark it.
 */
class DocumentationTest {

    static final List<String> KINDS = List.of("run", "ci-command", "compile", "syntax-only", "not-a-command");
    static final Path ROOT = Path.of(System.getProperty("docs.test.root", "..")).toAbsolutePath().normalize();
    static final Path WORK = Path.of("target/docs-test").toAbsolutePath();
    static final AtomicInteger RUNS = new AtomicInteger();
    static OpenRouterSimulator simulator;
    static final java.util.Set<String> ROUTE_LEVEL = java.util.Set.of("route", "from", "routeConfiguration", "beans",
            "rest", "routeTemplate", "templatedRoute", "errorHandler", "onException", "intercept", "interceptFrom");

    @BeforeAll
    static void start() throws Exception {
        // numbered work folders of an earlier run would collide with this run's
        if (Files.exists(WORK)) {
            try (Stream<Path> old = Files.walk(WORK)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        simulator = OpenRouterSimulator.start();
    }

    @AfterAll
    static void stop() throws Exception {
        Fixtures.closeShared();
        simulator.close();
    }

    static List<CodeBlock> blocks() throws Exception {
        List<CodeBlock> blocks = new ArrayList<>();
        for (Path doc : DocBlocks.docs(ROOT)) {
            blocks.addAll(DocBlocks.read(ROOT, doc));
        }
        return blocks;
    }

    @Test
    void everyBlockIsMarked() throws Exception {
        List<String> problems = new ArrayList<>();
        for (CodeBlock block : blocks()) {
            if (block.marker() == null || !KINDS.contains(block.kind())) {
                boolean adoc = block.file().toString().endsWith(".adoc");
                String example = adoc ? "// docs-test: KIND   (on the line above [source," + block.language() + "])"
                                      : "<!-- docs-test: KIND -->   (on the line above the ```" + block.language() + ")";
                problems.add(block.where() + ": " + (block.marker() == null ? "no docs-test marker"
                        : "unknown kind '" + block.kind() + "'") + "; add " + example + " with KIND one of " + KINDS
                             + " (run:<fixture> for a command that needs a server: " + Fixtures.NAMES
                             + "); see docs/documentation-tests.md");
            }
        }
        assertThat(problems).as("code blocks the docs test does not know how to check").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyMarkedBlockDoesWhatItsMarkerSays() throws Exception {
        // -Ddocs.test.only='run:kafka|run:streaming' (parts of blocks' names: file, line, marker) checks only those
        // blocks, while working on them; CI sets nothing and checks all
        List<String> only = List.of(System.getProperty("docs.test.only", "").split("\\|"));
        return blocks().stream().filter(b -> b.marker() != null && KINDS.contains(b.kind()) && !"not-a-command".equals(b.kind()))
                .filter(b -> only.stream().anyMatch(b.toString()::contains))
                .map(block -> DynamicTest.dynamicTest(block.toString(), () -> {
                    try {
                        check(block);
                    } catch (AssertionError e) {
                        // the report shows dynamic tests by number: say which block, and how to mark it otherwise
                        AssertionError located = new AssertionError(block + " does not do what its marker '"
                                + block.marker() + "' says (see docs/documentation-tests.md):\n" + e.getMessage());
                        located.setStackTrace(e.getStackTrace());
                        throw located;
                    }
                }));
    }

    private static void check(CodeBlock block) throws Exception {
        String language = block.language().toLowerCase();
        switch (block.kind()) {
            case "ci-command" -> ciCommand(block);
            case "syntax-only" -> syntaxOnly(block, language);
            case "compile" -> {
                assertThat(language).as("compile is for Java blocks").isEqualTo("java");
                JavaSnippets.compile(JavaSnippets.source(block.text()), work("compile"));
            }
            case "run" -> run(block, language);
            default -> throw new AssertionError(block.kind());
        }
    }

    /** What CI runs already: the block must be .ci/run's Maven command (give or take -q and -DskipTests). */
    private static void ciCommand(CodeBlock block) throws Exception {
        String ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream().filter(l -> l.startsWith("mvn ") && l.contains(" install")).findFirst()
                .orElseThrow(() -> new AssertionError(".ci/run has no mvn line"));
        assertThat(block.text().strip().lines().count()).as("a ci-command block holds one command").isEqualTo(1);
        assertThat(essence(block.text().strip())).as("the documented command, as CI runs it (%s)", ci)
                .isEqualTo(essence(ci.strip()));
    }

    private static String essence(String mvn) {
        return mvn.replaceAll(" -(B|q|ntp|DskipTests)\\b", "");
    }

    private static void syntaxOnly(CodeBlock block, String language) throws Exception {
        switch (language) {
            case "java" -> JavaSnippets.parse(JavaSnippets.source(block.text()));
            case "yaml" -> yamlSyntax(block.text());
            case "xml" -> DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader("<snippet>" + block.text() + "</snippet>")));
            case "properties" -> new Properties().load(new StringReader(block.text()));
            case "bash", "sh", "shell", "" -> shellSyntax(block.text());
            default -> throw new AssertionError("syntax-only does not know the language '" + language
                                                + "'; mark the block not-a-command if it is no code");
        }
    }

    /** A list is a Camel route file: it must load as routes. Else it is a resource (Kamelet, Pipe): YAML at least. */
    private static void yamlSyntax(String yaml) throws Exception {
        Object parsed = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        // a list of routes (not a list of steps, which is a fragment of a route: parsed only)
        if (parsed instanceof List<?> items && !items.isEmpty() && items.stream().allMatch(
                item -> item instanceof java.util.Map<?, ?> map && map.keySet().stream().anyMatch(ROUTE_LEVEL::contains))) {
            try (CamelContext context = new DefaultCamelContext()) {
                PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("docs-snippet.yaml", yaml));
            }
        }
    }

    /** bash -n, and every coordinate of this project it names (--dep=, -d mvn:) is an artifact this build makes. */
    private static void shellSyntax(String script) throws Exception {
        Path file = work("syntax").resolve("block.sh");
        Files.writeString(file, script);
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        String errors = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor()).as("bash -n: %s", errors).isZero();
        Matcher coordinates = Pattern.compile("io\\.github\\.camelopenrouter:([\\w.-]+):([\\w.-]+)").matcher(script);
        while (coordinates.find()) {
            String module = coordinates.group(1).equals("camel-openrouter") ? "camel-openrouter-component"
                    : coordinates.group(1);
            assertThat(ROOT.resolve(module).resolve("pom.xml")).as("%s is an artifact of this project", coordinates.group())
                    .exists();
            assertThat(coordinates.group(2)).as("%s names the version this build makes", coordinates.group())
                    .isEqualTo(System.getProperty("docs.test.project.version"));
        }
    }

    private static void run(CodeBlock block, String language) throws Exception {
        switch (language) {
            case "java" -> {
                Path dir = work("java-route");
                Class<?> type = JavaSnippets.compile(JavaSnippets.source(FileRouteRun.withFolders(block.text(), dir)),
                        dir.resolve("classes"));
                assertThat(RouteBuilder.class).as("a Java block marked run is a RouteBuilder or a from(...) fragment")
                        .isAssignableFrom(type);
                FileRouteRun.run(block.text(), dir, context -> context.addRoutes(
                        (RouteBuilder) type.getDeclaredConstructor().newInstance()));
            }
            case "yaml" -> {
                Path dir = work("yaml-route");
                String yaml = FileRouteRun.withFolders(block.text(), dir);
                FileRouteRun.run(block.text(), dir, context -> PluginHelper.getRoutesLoader(context)
                        .loadRoutes(ResourceHelper.fromString("docs-snippet.yaml", yaml)));
            }
            case "bash", "sh", "shell", "" -> shell(block);
            default -> throw new AssertionError("run does not know the language '" + language + "'");
        }
    }

    private static void shell(CodeBlock block) throws Exception {
        Path copy = ShellRun.freshCopy(ROOT, work("shell").resolve("project"));
        Fixture fixture = block.fixture() == null ? null : Fixtures.named(block.fixture(), simulator);
        try {
            String script = ShellRun.script(block.text(), fixture);
            ShellRun.Result result;
            try {
                result = ShellRun.run(script, copy, fixture, Duration.ofSeconds(150));
            } catch (AssertionError wrongWork) {
                // a fixture that saw the work come out wrong fails at once: with what the command printed
                throw new AssertionError(wrongWork.getMessage() + "\n--- ran (in " + copy + "):\n" + script
                                         + "\n--- output:\n" + tail(ShellRun.read(copy.resolve(ShellRun.OUTPUT))), wrongWork);
            }
            String report = "\n--- ran (in " + copy + "):\n" + script + "\n--- output:\n" + tail(result.output());
            assertThat(result.timedOut()).as("timed out%s%s", fixture == null ? "" : " waiting for "
                                                                                         + fixture.expectation(), report)
                    .isFalse();
            if (fixture != null) {
                assertThat(result.fixtureDone()).as("the command exited (code %d) before it did this: %s%s",
                        result.exitCode(), fixture.expectation(), report).isTrue();
                assertThat(result.output()).as("no SLF4J complaint%s", report).doesNotContain("SLF4J(W)");
            } else {
                assertThat(result.exitCode()).as("exit code%s", report).isZero();
            }
            if (script.contains("exec:exec")) {
                MainJobCheck.check(copy, result.output());
            }
        } finally {
            if (fixture != null) {
                fixture.close();
            }
        }
    }

    private static String tail(String output) {
        return output.length() > 6000 ? "...\n" + output.substring(output.length() - 6000) : output;
    }

    private static Path work(String what) throws Exception {
        return Files.createDirectories(WORK.resolve(RUNS.incrementAndGet() + "-" + what));
    }
}
