package io.github.camelopenrouter.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camelopenrouter.benchmarks.peers.Peer;
import io.github.camelopenrouter.benchmarks.peers.PeerKind;
import io.github.camelopenrouter.benchmarks.server.BenchServerStats;
import io.github.camelopenrouter.benchmarks.server.CompletionReply;

/**
 * The child JVM: runs one peer through the workloads it is given and prints one {@link RunResult} line per workload.
 * A fresh JVM per peer keeps the peers from sharing JIT profiles, heap and threads. With {@code --probe} it sends the
 * W3 document twice and exits 0 on success: the -Xmx search starts it with ever smaller heaps.
 *
 * <p>Arguments: {@code --peer KIND --workloads W1,W2 --profile full|smoke --server URL --slow-server URL --work DIR}.
 */
public final class PeerProcess {

    private final PeerKind kind;
    private final Profile profile;
    private final String serverUrl;
    private final String slowServerUrl;
    private final String limitedServerUrl;
    private final Path work;

    PeerProcess(PeerKind kind, Profile profile, String serverUrl, String slowServerUrl, String limitedServerUrl,
                Path work) {
        this.kind = kind;
        this.profile = profile;
        this.serverUrl = serverUrl;
        this.slowServerUrl = slowServerUrl;
        this.limitedServerUrl = limitedServerUrl;
        this.work = work;
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        PeerProcess process = new PeerProcess(PeerKind.valueOf(options.get("peer")), Profile.named(options.get("profile")),
                options.get("server"), options.get("slow-server"), options.get("limited-server"),
                Path.of(options.get("work")));
        if (options.containsKey("probe")) {
            System.exit(process.probe(Path.of(options.get("probe"))) ? 0 : 1);
        }
        for (String name : options.get("workloads").split(",")) {
            Workload workload = Workload.valueOf(name);
            RunResult result;
            try {
                result = process.run(workload);
            } catch (Throwable t) {
                t.printStackTrace();
                result = RunResult.failed(process.kind, workload, t.toString());
            }
            System.out.println(result.toLine());
            System.out.flush();
        }
        // the peers' clients may leave non-daemon threads behind (OkHttp's, camel-http's); the results are out
        System.exit(0);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            options.put(name, hasValue ? args[++i] : "true");
        }
        return options;
    }

    RunResult run(Workload workload) throws Exception {
        return switch (workload) {
            case W1 -> sequential(workload, Inputs.text(work), profile.w1Warmup(), profile.w1Batches(), profile.w1BatchSize());
            case W2 -> sequential(workload, Inputs.png(work, profile.pngBytes()), profile.w2Warmup(), profile.w2Batches(),
                    profile.w2BatchSize());
            case W3 -> sequential(workload, Inputs.pdf(work, profile.pdfBytes()), profile.w3Warmup(), profile.w3Requests(), 1);
            case W4 -> inFlight(Inputs.text(work));
            case W5 -> rateLimited(Inputs.text(work));
        };
    }

    /** Requests one after another on this thread; each batch measured on its own, the median reported. */
    private RunResult sequential(Workload workload, BenchRequest request, int warmup, int batches, int batchSize)
            throws Exception {
        ServerProbe server = new ServerProbe(statsUrl(serverUrl));
        try (Peer peer = kind.create(serverUrl)) {
            peer.prepare(request);
            for (int i = 0; i < warmup; i++) {
                expectAnswer(peer.send(request));
            }
            List<double[]> samples = new ArrayList<>();
            long sent = 0;
            long valid = 0;
            long cpuNanos = 0;
            for (int b = 0; b < batches; b++) {
                BenchServerStats serverBefore = server.stats();
                ProcessMeter.Reading before = ProcessMeter.Reading.now();
                for (int i = 0; i < batchSize; i++) {
                    expectAnswer(peer.send(request));
                }
                ProcessMeter.Reading spent = ProcessMeter.Reading.now().since(before);
                BenchServerStats atServer = server.stats().since(serverBefore);
                sent += batchSize;
                valid += atServer.validJson();
                cpuNanos += spent.cpuNanos();
                expectServerSaw(atServer, batchSize);
                samples.add(new double[] {
                        spent.cpuNanos() / 1e3 / batchSize,
                        spent.wallNanos() / 1e3 / batchSize,
                        batchSize / (spent.wallNanos() / 1e9),
                        (double) spent.allocatedBytes() / batchSize,
                        atServer.cpuNanos() / 1e3 / batchSize,
                        (double) atServer.cpuNanos() / spent.wallNanos(),
                        (double) atServer.bodyBytes() / batchSize });
            }
            // process CPU time ticks in 10 ms steps on Linux: single requests are pooled, batches give their median
            double cpu = batchSize == 1 ? cpuNanos / 1e3 / sent : median(samples, 0);
            RunResult.Figures figures = new RunResult.Figures()
                    .put("cpuUsPerRequest", cpu)
                    .put("wallUsPerRequest", median(samples, 1))
                    .put("requestsPerSecond", median(samples, 2))
                    .put("allocatedBytesPerRequest", median(samples, 3))
                    .put("serverCpuUsPerRequest", median(samples, 4))
                    .put("serverBusy", median(samples, 5))
                    .put("requestBytes", median(samples, 6))
                    .put("batches", batches)
                    .put("batchSize", batchSize)
                    .put("warmup", warmup);
            return new RunResult(kind, workload, figures.values(), sent, valid, null);
        }
    }

    /**
     * W4: a warm-up round of a tenth of the size, then rounds of {@link Profile#w4InFlight()} requests started at
     * once against the server with latency. Peers with a non-blocking API use it; the others get a thread per request,
     * as their users would have to.
     */
    private RunResult inFlight(BenchRequest request) throws Exception {
        ServerProbe server = new ServerProbe(statsUrl(slowServerUrl));
        int size = profile.w4InFlight();
        ExecutorService threads = null;
        try (Peer peer = kind.createForManyInFlight(slowServerUrl)) {
            peer.prepare(request);
            if (!peer.hasAsyncApi()) {
                threads = Executors.newFixedThreadPool(size);
            }
            round(peer, request, Math.max(1, size / 10), threads);
            List<double[]> samples = new ArrayList<>();
            long sent = 0;
            long valid = 0;
            for (int r = 0; r < profile.w4Rounds(); r++) {
                BenchServerStats serverBefore = server.resetPeaks();
                ProcessMeter.resetPeakThreads();
                ProcessMeter.Reading before = ProcessMeter.Reading.now();
                round(peer, request, size, threads);
                ProcessMeter.Reading spent = ProcessMeter.Reading.now().since(before);
                int peakThreads = ProcessMeter.peakThreads();
                BenchServerStats atServer = server.stats().since(serverBefore);
                sent += size;
                valid += atServer.validJson();
                expectServerSaw(atServer, size);
                samples.add(new double[] {
                        spent.wallNanos() / 1e6,
                        peakThreads,
                        atServer.peakWaiting(),
                        atServer.peakOpen(),
                        spent.cpuNanos() / 1e3 / size });
            }
            RunResult.Figures figures = new RunResult.Figures()
                    .put("wallMs", median(samples, 0))
                    .put("peakThreads", median(samples, 1))
                    .put("serverPeakWaiting", median(samples, 2))
                    .put("serverPeakConnections", median(samples, 3))
                    .put("cpuUsPerRequest", median(samples, 4))
                    .put("inFlight", size)
                    .put("latencyMs", profile.w4Latency().toMillis())
                    .put("threadPerRequest", peer.hasAsyncApi() ? 0 : 1)
                    .put("rounds", profile.w4Rounds());
            return new RunResult(kind, Workload.W4, figures.values(), sent, valid, null);
        } finally {
            if (threads != null) {
                threads.shutdownNow();
            }
        }
    }

    /**
     * W5: {@link Profile#w5Requests()} requests offered at once to a server that holds {@link Profile#w5Capacity()} in
     * progress and refuses the others with 429 + Retry-After: 1. The JIT is warmed first by another instance of the
     * peer against the server without a limit (warming up against the limited one would teach the component the
     * limit). Failures are counted, not thrown: how many a peer loses is the point. The 429s provoked are counted by
     * the parent, which runs the server.
     */
    private RunResult rateLimited(BenchRequest request) throws Exception {
        int size = profile.w5Requests();
        try (Peer warm = kind.create(serverUrl)) {
            warm.prepare(request);
            int batch = Math.max(1, size / 10);
            ExecutorService warmThreads = warm.hasAsyncApi() ? null : Executors.newFixedThreadPool(batch);
            try {
                for (int i = 0; i < 5; i++) {
                    round(warm, request, batch, warmThreads);
                }
            } finally {
                if (warmThreads != null) {
                    warmThreads.shutdownNow();
                }
            }
        }
        ExecutorService threads = null;
        try (Peer peer = kind.create(limitedServerUrl)) {
            peer.prepare(request);
            if (!peer.hasAsyncApi()) {
                threads = Executors.newFixedThreadPool(size);
            }
            ProcessMeter.resetPeakThreads();
            ProcessMeter.Reading before = ProcessMeter.Reading.now();
            List<CompletableFuture<String>> answers;
            if (kind == PeerKind.FLOOR) {
                // the floor is told the capacity and never has more in flight: no 429, no pause, nothing to learn. What
                // it takes beyond the ideal is the HTTP stack's own (client, loopback, server) - a bound for every peer
                answers = sendBounded(peer, request, size, profile.w5Capacity());
            } else if (kind == PeerKind.FLOOR_LEARNING) {
                answers = LearningFloor.send(peer, request, size, profile.w5Capacity());
            } else {
                answers = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    answers.add(threads == null ? peer.sendAsync(request)
                            : CompletableFuture.supplyAsync(() -> sendUnchecked(peer, request), threads));
                }
            }
            long failed = 0;
            for (CompletableFuture<String> answer : answers) {
                try {
                    String text = answer.get(10, TimeUnit.MINUTES);
                    if (text == null || text.isEmpty()) {
                        failed++;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                }
            }
            ProcessMeter.Reading spent = ProcessMeter.Reading.now().since(before);
            double ideal = Math.ceil((double) size / profile.w5Capacity()) * profile.w5Latency().toMillis();
            RunResult.Figures figures = new RunResult.Figures()
                    .put("wallMs", spent.wallNanos() / 1e6)
                    .put("idealMs", ideal)
                    .put("failed", failed)
                    .put("peakThreads", ProcessMeter.peakThreads())
                    .put("requests", size)
                    .put("capacity", profile.w5Capacity())
                    .put("latencyMs", profile.w5Latency().toMillis())
                    .put("threadPerRequest", peer.hasAsyncApi() ? 0 : 1);
            return new RunResult(kind, Workload.W5, figures.values(), size, size - failed, null);
        } finally {
            if (threads != null) {
                threads.shutdownNow();
            }
        }
    }

    /** {@code count} requests through the peer's async API, never more than {@code inFlight} at once. */
    static List<CompletableFuture<String>> sendBounded(Peer peer, BenchRequest request, int count, int inFlight)
            throws Exception {
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(inFlight);
        List<CompletableFuture<String>> answers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            slots.acquire();
            answers.add(peer.sendAsync(request).whenComplete((answer, failure) -> slots.release()));
        }
        return answers;
    }

    private static void round(Peer peer, BenchRequest request, int size, ExecutorService threads) throws Exception {
        List<CompletableFuture<String>> answers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            answers.add(threads == null ? peer.sendAsync(request)
                    : CompletableFuture.supplyAsync(() -> sendUnchecked(peer, request), threads));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        for (CompletableFuture<String> answer : answers) {
            expectAnswer(answer.join());
        }
    }

    private static String sendUnchecked(Peer peer, BenchRequest request) {
        try {
            return peer.send(request);
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    /** Sends the W3 document twice: a success at this -Xmx means the peer can do W3 in this heap. */
    boolean probe(Path pdf) {
        try (Peer peer = kind.create(serverUrl)) {
            BenchRequest request = Inputs.pdfFile(work, pdf);
            peer.prepare(request);
            expectAnswer(peer.send(request));
            expectAnswer(peer.send(request));
            return true;
        } catch (Throwable t) {
            System.err.println("probe failed: " + t);
            return false;
        }
    }

    private static void expectAnswer(String answer) {
        if (!CompletionReply.TEXT.equals(answer)) {
            throw new IllegalStateException("Unexpected answer: " + answer);
        }
    }

    /** The server must have received exactly the requests the peer sent, each one authorized, well-formed JSON. */
    private static void expectServerSaw(BenchServerStats atServer, int sent) {
        if (atServer.requests() != sent || atServer.validJson() != sent) {
            throw new IllegalStateException("The peer sent " + sent + " requests but the server received "
                                            + atServer.requests() + ", of which " + atServer.validJson()
                                            + " valid (invalid JSON " + atServer.invalidJson() + ", unauthorized "
                                            + atServer.unauthorized() + ")");
        }
    }

    private static double median(List<double[]> samples, int column) {
        double[] values = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    static String statsUrl(String baseUrl) {
        return baseUrl.replace("/api/v1", "") + "/bench/stats";
    }

    /** Where the inputs the parent wrote are found. */
    static final class Inputs {
        static final String TEXT_PROMPT = "In one sentence: why do integration routes retry failed calls?";
        static final String IMAGE_PROMPT = "Describe this image.";
        static final String PDF_PROMPT = "Summarise this document.";

        private Inputs() {
        }

        static BenchRequest text(Path work) {
            return new BenchRequest(TEXT_PROMPT, null, null, work.resolve("request-text.json"));
        }

        static BenchRequest png(Path work, long bytes) {
            Path file = work.resolve("bench-" + bytes + ".png");
            return new BenchRequest(IMAGE_PROMPT, file, "image/png", work.resolve("request-" + file.getFileName() + ".json"));
        }

        static BenchRequest pdf(Path work, long bytes) {
            return pdfFile(work, work.resolve("bench-" + bytes + ".pdf"));
        }

        static BenchRequest pdfFile(Path work, Path file) {
            return new BenchRequest(PDF_PROMPT, file, "application/pdf", work.resolve("request-" + file.getFileName() + ".json"));
        }

        /** Writes every input of a profile (the parent does this once, before any child starts). */
        static void write(Path work, Profile profile) {
            BenchFiles.requestJson(work, TEXT_PROMPT, null, null);
            Path png = BenchFiles.png(work, profile.pngBytes());
            BenchFiles.requestJson(work, IMAGE_PROMPT, png, "image/png");
            for (long size : new long[] { profile.pdfBytes(), profile.smallPdfBytes() }) {
                Path pdf = BenchFiles.pdf(work, size);
                BenchFiles.requestJson(work, PDF_PROMPT, pdf, "application/pdf");
            }
        }
    }

    static String join(List<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static <T> List<T> parseList(String csv, Function<String, T> parse) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(parse).toList();
    }
}
