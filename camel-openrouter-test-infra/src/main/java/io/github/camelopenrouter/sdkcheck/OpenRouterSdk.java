package io.github.camelopenrouter.sdkcheck;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks JSON documents against the zod schemas of OpenRouter's official TypeScript SDK ({@value #SDK_VERSION}), the
 * authority for OpenRouter's wire format. The SDK is installed with npm on first use into a cache folder (default
 * {@code ~/.cache/camel-openrouter/openrouter-sdk-<version>}, system property {@code openrouter.sdk.dir}) and one node
 * process per JVM answers every check.
 * <ul>
 * <li>{@link #problemsInbound}: would the SDK accept this reply from the server ({@code X$inboundSchema})?</li>
 * <li>{@link #problemsOutbound}: would the SDK send exactly this request ({@code X$outboundSchema}, unchanged)?</li>
 * </ul>
 * Needs {@code node} and {@code npm} on the PATH ({@code .ci/run} installs them where missing); without them every
 * check fails with that reason - a missing SDK never passes a check.
 */
public final class OpenRouterSdk {

    public static final String SDK_VERSION = "1.3.19";
    static final String ZOD_VERSION = "4.6.7";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static OpenRouterSdk shared;

    private final Process node;
    private final BufferedWriter toNode;
    private final BufferedReader fromNode;
    private long nextId;

    private OpenRouterSdk(Path installDir) throws IOException {
        node = new ProcessBuilder("node", installDir.resolve("sdk-check.mjs").toString())
                .directory(installDir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        toNode = new BufferedWriter(new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8));
        fromNode = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        Runtime.getRuntime().addShutdownHook(new Thread(node::destroy, "openrouter-sdk-check-stop"));
    }

    /** The JVM's checker, installed and started on first use. */
    public static synchronized OpenRouterSdk shared() {
        if (shared == null) {
            try {
                shared = new OpenRouterSdk(install());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the OpenRouter SDK schema check: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    /** Problems the SDK finds when it parses {@code json} with {@code <schema>$inboundSchema}; empty when it accepts it. */
    public List<String> problemsInbound(String schema, String json) {
        return check(schema, "inbound", json);
    }

    /**
     * Problems with sending {@code json} as {@code schema}: what {@code <schema>$outboundSchema} rejects, or the first
     * place where the SDK would send something else; empty when the SDK would send exactly this.
     */
    public List<String> problemsOutbound(String schema, String json) {
        return check(schema, "outbound", json);
    }

    /** Throws an {@link AssertionError} naming the problems unless the SDK accepts {@code json} as a reply. */
    public void assertInbound(String schema, String json) {
        List<String> problems = problemsInbound(schema, json);
        if (!problems.isEmpty()) {
            throw new AssertionError("OpenRouter's SDK " + SDK_VERSION + " rejects this " + schema + " ("
                                     + schema + "$inboundSchema): " + problems + "\n" + abbreviate(json));
        }
    }

    /** Throws an {@link AssertionError} naming the problems unless the SDK would send exactly {@code json}. */
    public void assertOutbound(String schema, String json) {
        List<String> problems = problemsOutbound(schema, json);
        if (!problems.isEmpty()) {
            throw new AssertionError("OpenRouter's SDK " + SDK_VERSION + " would not send this " + schema
                                     + " unchanged (" + schema + "$outboundSchema): " + problems + "\n" + abbreviate(json));
        }
    }

    private synchronized List<String> check(String schema, String direction, String json) {
        try {
            ObjectNode request = JSON.createObjectNode();
            long id = ++nextId;
            request.put("id", id).put("schema", schema).put("direction", direction);
            request.set("value", JSON.readTree(json));
            toNode.write(JSON.writeValueAsString(request));
            toNode.newLine();
            toNode.flush();
            String line = fromNode.readLine();
            if (line == null) {
                throw new IllegalStateException("the SDK schema check (node) stopped; exit code "
                                                + (node.waitFor(5, TimeUnit.SECONDS) ? node.exitValue() : -1));
            }
            JsonNode answer = JSON.readTree(line);
            if (answer.path("id").asLong() != id) {
                throw new IllegalStateException("the SDK schema check answered out of order: " + line);
            }
            List<String> problems = new ArrayList<>();
            answer.path("problems").forEach(p -> problems.add(p.asText()));
            if (!answer.path("ok").asBoolean() && problems.isEmpty()) {
                problems.add("rejected without a reason: " + line);
            }
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path install() throws IOException {
        String configured = System.getProperty("openrouter.sdk.dir");
        Path dir = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "camel-openrouter", "openrouter-sdk-" + SDK_VERSION);
        Files.createDirectories(dir);
        // test JVMs of several modules may install at once
        try (FileChannel lockFile = FileChannel.open(dir.resolve(".install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            try (InputStream script = OpenRouterSdk.class.getResourceAsStream("sdk-check.mjs")) {
                Files.copy(script, dir.resolve("sdk-check.mjs"), StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.isRegularFile(dir.resolve("node_modules/@openrouter/sdk/package.json"))
                || !Files.isRegularFile(dir.resolve("node_modules/zod/package.json"))) {
                Files.writeString(dir.resolve("package.json"), "{\"name\":\"openrouter-sdk-check\",\"private\":true,"
                                                               + "\"type\":\"module\",\"dependencies\":{"
                                                               + "\"@openrouter/sdk\":\"" + SDK_VERSION + "\","
                                                               + "\"zod\":\"" + ZOD_VERSION + "\"}}");
                run(dir, "npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error");
            }
        }
        return dir;
    }

    private static void run(Path dir, String... command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("'" + command[0] + "' is not available (" + e.getMessage() + "): the OpenRouter SDK"
                                  + " schema check needs Node.js and npm (apt-get install nodejs npm)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed in " + dir + ":\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String abbreviate(String json) {
        return json.length() <= 2000 ? json : json.substring(0, 2000) + "... (" + json.length() + " characters)";
    }
}
