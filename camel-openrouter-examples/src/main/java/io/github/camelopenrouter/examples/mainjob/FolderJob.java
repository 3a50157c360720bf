package io.github.camelopenrouter.examples.mainjob;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelopenrouter.OpenRouterComponent;
import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.examples.folder.FolderToOpenRouterRoute;
import io.github.camelopenrouter.examples.folder.InvoiceExtractionRoute;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The folder example as a job that ends: copies the sample files into a fresh inbox, runs
 * {@link FolderToOpenRouterRoute} until every one of them is answered or failed, prints one line per file and a
 * summary; then runs {@link InvoiceExtractionRoute} on the invoice PDFs among the samples (one JSON file each in
 * {@code extracted}, checked against the schema the example ships), and stops. With {@code OPENROUTER_API_KEY} set it
 * calls OpenRouter; without it, it starts the OpenRouter simulator on loopback and says so first.
 * <p>
 * Arguments: the samples folder (default {@code samples}) and the work folder, which is emptied first (default
 * {@code target/folder-job}). Optional environment: {@code OPENROUTER_MODEL} (default
 * {@value FolderToOpenRouterRoute#DEFAULT_MODEL}, and {@value InvoiceExtractionRoute#DEFAULT_MODEL} for the extraction) and, with a key, {@code OPENROUTER_BASE_URL} (an
 * OpenRouter-compatible gateway; default {@value OpenRouterConfiguration#DEFAULT_BASE_URL}).
 */
public final class FolderJob {

    static final String API_KEY_VARIABLE = "OPENROUTER_API_KEY";
    static final String MODEL_VARIABLE = "OPENROUTER_MODEL";
    static final String BASE_URL_VARIABLE = "OPENROUTER_BASE_URL";
    /** Any key but sk-or-invalid is accepted by the simulator. */
    private static final String SIMULATOR_KEY = "sk-or-offline-simulator";

    private final Path samples;
    private final Path work;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final Duration timeout;

    public FolderJob(Path samples, Path work, Map<String, String> environment, PrintStream out, Duration timeout) {
        this.samples = samples.toAbsolutePath().normalize();
        this.work = work.toAbsolutePath().normalize();
        this.environment = environment;
        this.out = out;
        this.timeout = timeout;
    }

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args.length > 0 ? args[0] : "samples");
        Path work = Path.of(args.length > 1 ? args[1] : "target/folder-job");
        JobProgress.Summary summary = new FolderJob(samples, work, System.getenv(), System.out, Duration.ofMinutes(10))
                .run();
        if (!summary.allDone()) {
            System.exit(1);
        }
    }

    /** Runs the job to its end; the summary says how it went. */
    public JobProgress.Summary run() throws Exception {
        String apiKey = environment.get(API_KEY_VARIABLE);
        boolean offline = apiKey == null || apiKey.isBlank();
        String model = environment.getOrDefault(MODEL_VARIABLE, FolderToOpenRouterRoute.DEFAULT_MODEL);
        OpenRouterSimulator simulator = offline ? OpenRouterSimulator.start() : null;
        try {
            String baseUrl = offline ? simulator.baseUrl()
                    : environment.getOrDefault(BASE_URL_VARIABLE, OpenRouterConfiguration.DEFAULT_BASE_URL);
            if (offline) {
                out.println("OFFLINE: " + API_KEY_VARIABLE + " is not set, so this run talks to the OpenRouter simulator at "
                            + baseUrl + ", not to OpenRouter.");
                out.println("         Its answers only describe what it received; tokens and cost follow a fixed formula.");
                out.println("         To use the real service: export " + API_KEY_VARIABLE
                            + "=sk-or-... (a key from https://openrouter.ai/settings/keys) and run the same command again.");
            } else {
                out.println("ONLINE: calling OpenRouter at " + baseUrl + " with model " + model + " (" + API_KEY_VARIABLE
                            + " is set; this run is billed to that key).");
            }
            Path inbox = work.resolve("inbox");
            Path outbox = work.resolve("outbox");
            List<Path> files = prepare(inbox, outbox);
            out.printf("Processing %d sample files from %s%n  inbox:  %s%n  outbox: %s%n", files.size(), samples, inbox,
                    outbox);
            String key = offline ? SIMULATOR_KEY : apiKey.trim();
            JobProgress.Summary answered = process(files.size(), inbox, outbox, key, baseUrl, model);
            return answered.plus(extract(key, baseUrl,
                    environment.getOrDefault(MODEL_VARIABLE, InvoiceExtractionRoute.DEFAULT_MODEL)));
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private JobProgress.Summary process(int count, Path inbox, Path outbox, String apiKey, String baseUrl, String model)
            throws Exception {
        JobProgress progress = new JobProgress(FolderToOpenRouterRoute.ROUTE_ID, count, out);
        long started = System.nanoTime();
        boolean complete = runUntilDone(new FolderToOpenRouterRoute(inbox, outbox, model,
                FolderToOpenRouterRoute.DEFAULT_PDF_ENGINE), progress, apiKey, baseUrl);
        JobProgress.Summary summary = progress.summary();
        if (!complete) {
            out.printf("Timed out after %s: %d of %d files were not processed; they are still in %s%n", timeout,
                    count - summary.done() - summary.failed(), count, inbox);
        }
        out.printf("Summary: %d files, %d done, %d failed; %,d tokens (%,d prompt, %,d completion); cost $%s; %.1f s%n",
                count, summary.done(), summary.failed(), summary.totalTokens(), summary.promptTokens(),
                summary.completionTokens(), JobProgress.plain(summary.cost()), (System.nanoTime() - started) / 1e9);
        out.println("Answers are in " + outbox + (summary.failed() > 0 ? "; failed originals and their reasons in "
                                                                           + inbox.resolve(".failed") : ""));
        return summary;
    }

    /**
     * The invoice extraction example on the invoice PDFs among the samples: one JSON file each in work/extracted,
     * checked against the schema the example ships.
     */
    private JobProgress.Summary extract(String apiKey, String baseUrl, String model) throws Exception {
        Path invoices = work.resolve("invoices");
        Path extracted = work.resolve("extracted");
        Files.createDirectories(invoices);
        List<Path> pdfs;
        try (Stream<Path> listing = Files.list(samples)) {
            pdfs = listing.filter(file -> {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.startsWith("invoice") && name.endsWith(".pdf");
            }).sorted().toList();
        }
        if (pdfs.isEmpty()) {
            return new JobProgress.Summary(0, 0, 0, 0, 0, BigDecimal.ZERO);
        }
        for (Path pdf : pdfs) {
            Files.copy(pdf, invoices.resolve(pdf.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        out.printf("Extracting the fields of %d invoice%s into JSON checked against %s%n  invoices:  %s%n  extracted: %s%n",
                pdfs.size(), pdfs.size() == 1 ? "" : "s", InvoiceExtractionRoute.SCHEMA, invoices, extracted);
        JobProgress progress = new JobProgress(InvoiceExtractionRoute.ROUTE_ID, pdfs.size(), out,
                name -> "extracted/" + name.replaceFirst("\\.[^.]*$", "") + ".json", "invoices/.failed/");
        boolean complete = runUntilDone(new InvoiceExtractionRoute(invoices, extracted, model,
                FolderToOpenRouterRoute.DEFAULT_PDF_ENGINE), progress, apiKey, baseUrl);
        JobProgress.Summary summary = progress.summary();
        if (!complete) {
            out.printf("Timed out after %s: %d of %d invoices were not processed; they are still in %s%n", timeout,
                    pdfs.size() - summary.done() - summary.failed(), pdfs.size(), invoices);
        }
        out.printf("Extraction: %d invoice%s, %d extracted, %d failed; %,d tokens; cost $%s%n", pdfs.size(),
                pdfs.size() == 1 ? "" : "s", summary.done(), summary.failed(), summary.totalTokens(),
                JobProgress.plain(summary.cost()));
        out.println("JSON files are in " + extracted + (summary.failed() > 0
                ? "; failed invoices, the answers and the reasons in " + invoices.resolve(".failed") : ""));
        return summary;
    }

    /** Runs one route on its own Camel context until the progress has seen every file, or the timeout. */
    private boolean runUntilDone(RouteBuilder route, JobProgress progress, String apiKey, String baseUrl)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        try {
            OpenRouterComponent component = new OpenRouterComponent();
            component.getConfiguration().setApiKey(apiKey);
            component.getConfiguration().setBaseUrl(baseUrl);
            component.getConfiguration().setAppTitle("camel-openrouter folder example");
            context.addComponent("openrouter", component);
            context.getManagementStrategy().addEventNotifier(progress);
            context.addRoutes(route);
            context.start();
            return progress.await(timeout);
        } finally {
            context.stop();
        }
    }

    /** Empties the work folder and copies the samples in, keeping their dates so the read lock takes them at once. */
    private List<Path> prepare(Path inbox, Path outbox) throws IOException {
        deleteRecursively(work);
        Files.createDirectories(inbox);
        Files.createDirectories(outbox);
        List<Path> sampleFiles;
        try (Stream<Path> listing = Files.list(samples)) {
            sampleFiles = listing.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        if (sampleFiles.isEmpty()) {
            throw new IllegalStateException("No sample files in " + samples);
        }
        // copied before the route starts, so it never sees a half-copied file
        for (Path sample : sampleFiles) {
            Files.copy(sample, inbox.resolve(sample.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return sampleFiles;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
