package io.github.camelopenrouter.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelopenrouter.benchmarks.peers.JdkFloorPeer;
import io.github.camelopenrouter.benchmarks.peers.Peer;
import io.github.camelopenrouter.benchmarks.peers.PeerKind;
import io.github.camelopenrouter.benchmarks.server.BenchServer;
import io.github.camelopenrouter.benchmarks.server.BenchServerStats;

/**
 * Runs the comparison: starts the server (here, in this JVM), writes the inputs, runs every peer in child JVMs, searches
 * the smallest heap for W3, and prints the Markdown report.
 *
 * <pre>
 * BenchmarkMain [--profile full|smoke] [--peers FLOOR,COMPONENT,...] [--workloads W1,W3] [--out report.md]
 * </pre>
 */
public final class BenchmarkMain {

    /** Every child gets the same heap for the timed runs: enough for the hungriest peer on the 50 MB document. */
    static final String TIMED_RUN_HEAP = "3g";

    private final Profile profile;
    private final List<PeerKind> peers;
    private final List<Workload> workloads;
    private final Path work;
    private final boolean quiet;

    BenchmarkMain(Profile profile, List<PeerKind> peers, List<Workload> workloads, Path work, boolean quiet) {
        this.profile = profile;
        this.peers = peers;
        this.workloads = workloads;
        this.work = work;
        this.quiet = quiet;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = PeerProcess.options(args);
        Profile profile = Profile.named(options.getOrDefault("profile", options.containsKey("smoke") ? "smoke" : "full"));
        List<PeerKind> peers = options.containsKey("peers")
                ? PeerProcess.parseList(options.get("peers"), PeerKind::valueOf) : List.of(PeerKind.values());
        List<Workload> workloads = options.containsKey("workloads")
                ? PeerProcess.parseList(options.get("workloads"), Workload::valueOf) : List.of(Workload.values());
        Path work = Files.createTempDirectory("camel-openrouter-bench");
        Report report = new BenchmarkMain(profile, peers, workloads, work, false).run();
        String markdown = report.markdown();
        System.out.println(markdown);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), markdown, StandardCharsets.UTF_8);
        }
        deleteInputs(work);
        System.exit(report.allRan() ? 0 : 1);
    }

    Report run() {
        log("Writing the inputs to " + work);
        PeerProcess.Inputs.write(work, profile);
        Report report = new Report(profile, peers, workloads);
        try (BenchServer server = BenchServer.start(Duration.ZERO);
             BenchServer slowServer = BenchServer.start(profile.w4Latency());
             BenchServer limited = BenchServer.start(profile.w5Latency())) {
            this.limited = limited;
            List<String> base = List.of("--profile", profile.name(), "--server", server.baseUrl(),
                    "--slow-server", slowServer.baseUrl(), "--limited-server", limited.baseUrl(),
                    "--work", work.toString());
            if (profile == Profile.SMOKE) {
                runOneChildPerPeer(base, report);
            } else {
                runOneChildPerWorkload(base, report);
            }
            if (workloads.contains(Workload.W3)) {
                searchHeaps(base, report);
            }
            BenchServerStats total = server.stats();
            BenchServerStats slowTotal = slowServer.stats();
            report.serverTotals(total, slowTotal);
        }
        return report;
    }

    private void runOneChildPerPeer(List<String> base, Report report) {
        for (PeerKind peer : peers) {
            List<Workload> own = workloads.stream().filter(peer::runs).toList();
            if (!own.isEmpty()) {
                runChild(peer, own, base, report);
            }
        }
    }

    private void runOneChildPerWorkload(List<String> base, Report report) {
        for (Workload workload : workloads) {
            for (PeerKind peer : peers) {
                if (peer.runs(workload)) {
                    runChild(peer, List.of(workload), base, report);
                }
            }
        }
    }

    /**
     * W5's server: the bench server, refusing beyond a capacity with 429 + Retry-After: 1. It was the OpenRouter
     * simulator until a floor told the capacity (never a 429) measured 1.07x the ideal against it: the simulator's
     * per-request work (JDK HttpServer, a thread hand-off per reply) was in every peer's wall time.
     */
    private BenchServer limited;

    private void runChild(PeerKind peer, List<Workload> own, List<String> base, Report report) {
        log("Running " + peer + " " + own);
        long refusalsBefore = 0;
        long acceptedBefore = 0;
        if (own.contains(Workload.W5)) {
            warmLimitedServer();
            limited.setLatency(profile.w5Latency());
            limited.setCapacity(profile.w5Capacity());
            limited.resetPeaks();
            refusalsBefore = limited.capacityRefusals();
            acceptedBefore = limited.stats().validJson();
        }
        List<String> arguments = new ArrayList<>(base);
        arguments.addAll(List.of("--peer", peer.name(), "--workloads", PeerProcess.join(own)));
        long started = System.nanoTime();
        ChildJvm.Outcome outcome = ChildJvm.run(TIMED_RUN_HEAP, arguments, Duration.ofMinutes(30), quiet);
        Map<Workload, RunResult> byWorkload = new EnumMap<>(Workload.class);
        outcome.results().forEach(r -> byWorkload.put(r.workload(), r));
        for (Workload workload : own) {
            RunResult result = byWorkload.getOrDefault(workload, RunResult.failed(peer, workload,
                    "the child JVM ended (exit code " + outcome.exitCode() + ") without a result"));
            if (workload == Workload.W5 && result.ok()) {
                Map<String, Double> figures = new java.util.LinkedHashMap<>(result.figures());
                figures.put("refusals429", (double) (limited.capacityRefusals() - refusalsBefore));
                figures.put("acceptedAtServer", (double) (limited.stats().validJson() - acceptedBefore));
                figures.put("serverPeakInProgress", (double) limited.stats().peakWaiting());
                result = new RunResult(result.peer(), result.workload(), figures, result.requestsSent(),
                        result.requestsValidAtServer(), null);
            }
            report.add(result);
            log("  " + peer + " " + workload + ": " + (result.ok() ? result.figures() : "FAILED " + result.failure()));
        }
        log("  took " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private boolean limitedWarm;

    /**
     * Runs W5's server through its own JIT warm-up, once, before the first peer meets it: a cold server answers in
     * well over its 100 ms for the first seconds (with the simulator, 0.8 s of a 7.7 s run on the 2-CPU machine),
     * which is the server's warm-up, not the peer's. The same requests as W5's, sent by the JDK floor peer,
     * {@code 2.5 x w5Requests} of them at 64 at a time, with a 1 ms latency and no capacity limit, so the code paths W5 uses (the delayed reply, the capacity
     * count) are the ones compiled.
     */
    private void warmLimitedServer() {
        if (limitedWarm) {
            return;
        }
        limitedWarm = true;
        limited.setLatency(Duration.ofMillis(1));
        limited.setCapacity(Integer.MAX_VALUE);
        int requests = profile.w5Requests() * 5 / 2;
        long started = System.nanoTime();
        try (Peer floor = new JdkFloorPeer(limited.baseUrl(), false, false)) {
            BenchRequest request = PeerProcess.Inputs.text(work);
            floor.prepare(request);
            for (java.util.concurrent.CompletableFuture<String> answer : PeerProcess.sendBounded(floor, request, requests, 64)) {
                answer.join();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not warm W5's server up: " + e, e);
        }
        log("  W5's server warmed up by " + requests + " requests in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private void searchHeaps(List<String> base, Report report) {
        List<PeerKind> searched = peers.stream().filter(p -> p.runs(Workload.W3))
                .filter(p -> profile.heapSearchPeers() || p == PeerKind.COMPONENT).toList();
        Map<Long, Path> documents = new LinkedHashMap<>();
        documents.put(profile.smallPdfBytes(), work.resolve("bench-" + profile.smallPdfBytes() + ".pdf"));
        if (profile.heapSearchLarge()) {
            documents.put(profile.pdfBytes(), work.resolve("bench-" + profile.pdfBytes() + ".pdf"));
        }
        for (PeerKind peer : searched) {
            for (Map.Entry<Long, Path> document : documents.entrySet()) {
                List<String> arguments = new ArrayList<>(base);
                arguments.addAll(List.of("--peer", peer.name()));
                long started = System.nanoTime();
                HeapSearch.Found found = HeapSearch.smallestHeap(peer, document.getValue(), 32, profile.heapResolutionMb(), arguments,
                        Duration.ofSeconds(90));
                report.heap(peer, document.getKey(), found);
                log("  -Xmx search " + peer + " " + Report.mib(document.getKey()) + ": " + found.mb() + " MB " + found.probes()
                    + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
        }
    }

    private void log(String line) {
        if (!quiet) {
            System.err.println(line);
        }
    }

    private static void deleteInputs(Path work) throws IOException {
        try (var files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(work);
    }
}
