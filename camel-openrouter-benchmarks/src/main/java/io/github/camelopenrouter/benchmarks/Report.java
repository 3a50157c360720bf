package io.github.camelopenrouter.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.github.camelopenrouter.benchmarks.peers.PeerKind;
import io.github.camelopenrouter.benchmarks.server.BenchServerStats;

/** The results of one run as Markdown tables, with each figure's ratio to the floor and the component's targets. */
public final class Report {

    private final Profile profile;
    private final List<PeerKind> peers;
    private final List<Workload> workloads;
    private final Map<Workload, Map<PeerKind, RunResult>> results = new EnumMap<>(Workload.class);
    private final Map<PeerKind, Map<Long, HeapSearch.Found>> heaps = new EnumMap<>(PeerKind.class);
    private BenchServerStats serverTotal;
    private BenchServerStats slowServerTotal;

    Report(Profile profile, List<PeerKind> peers, List<Workload> workloads) {
        this.profile = profile;
        this.peers = peers;
        this.workloads = workloads;
    }

    void add(RunResult result) {
        results.computeIfAbsent(result.workload(), w -> new EnumMap<>(PeerKind.class)).put(result.peer(), result);
    }

    void heap(PeerKind peer, long documentBytes, HeapSearch.Found found) {
        heaps.computeIfAbsent(peer, p -> new TreeMap<>()).put(documentBytes, found);
    }

    void serverTotals(BenchServerStats total, BenchServerStats slowTotal) {
        this.serverTotal = total;
        this.slowServerTotal = slowTotal;
    }

    public RunResult result(Workload workload, PeerKind peer) {
        return results.getOrDefault(workload, Map.of()).get(peer);
    }

    public Map<Workload, Map<PeerKind, RunResult>> results() {
        return results;
    }

    /** The smallest -Xmx in MB found for a peer and document size, or null when not searched. */
    public Integer heapMb(PeerKind peer, long documentBytes) {
        HeapSearch.Found found = heaps.getOrDefault(peer, Map.of()).get(documentBytes);
        return found == null ? null : found.mb();
    }

    public BenchServerStats serverTotal() {
        return serverTotal;
    }

    public BenchServerStats slowServerTotal() {
        return slowServerTotal;
    }

    /** Whether every peer produced a result for every workload it runs. */
    public boolean allRan() {
        for (Workload workload : workloads) {
            for (PeerKind peer : peers) {
                if (peer.runs(workload)) {
                    RunResult result = result(workload, peer);
                    if (result == null || !result.ok()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Profile `").append(profile.name()).append("`; ").append(environment()).append("\n\n");
        for (Workload workload : workloads) {
            md.append("### ").append(workload).append(": ").append(workload.description()).append("\n\n");
            switch (workload) {
                case W1, W2 -> sequentialTable(md, workload);
                case W3 -> documentTable(md);
                case W4 -> inFlightTable(md);
                case W5 -> rateLimitedTable(md);
            }
            failures(md, workload);
            md.append('\n');
        }
        targets(md);
        if (serverTotal != null) {
            md.append("\nServer totals: ").append(serverTotal.requests()).append(" requests (")
                    .append(serverTotal.validJson()).append(" valid JSON, ").append(serverTotal.invalidJson())
                    .append(" invalid, ").append(serverTotal.unauthorized()).append(" unauthorized); with latency: ")
                    .append(slowServerTotal.requests()).append(" requests (").append(slowServerTotal.validJson())
                    .append(" valid JSON).\n");
        }
        return md.toString();
    }

    private void sequentialTable(StringBuilder md, Workload workload) {
        boolean micro = workload == Workload.W1;
        String unit = micro ? "µs" : "ms";
        double scale = micro ? 1 : 1000;
        Double floor = cheapestFloor(workload, "cpuUsPerRequest");
        md.append("| peer | CPU ").append(unit).append("/request | × floor CPU | wall ").append(unit)
                .append("/request | requests/s | allocated KB/request | request bytes | server CPU ").append(unit)
                .append("/request | server busy |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PeerKind peer : peers) {
            if (!peer.runs(workload)) {
                continue;
            }
            RunResult r = result(workload, peer);
            if (r == null || !r.ok()) {
                md.append("| ").append(peer.label()).append(" | failed (see below) | | | | | | | |\n");
                continue;
            }
            double cpu = r.figure("cpuUsPerRequest");
            md.append("| ").append(peer.label())
                    .append(" | ").append(num(cpu / scale))
                    .append(" | ").append(ratio(cpu, floor))
                    .append(" | ").append(num(r.figure("wallUsPerRequest") / scale))
                    .append(" | ").append(num(r.figure("requestsPerSecond")))
                    .append(" | ").append(num(r.figure("allocatedBytesPerRequest") / 1024))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", r.figure("requestBytes").longValue()))
                    .append(" | ").append(num(r.figure("serverCpuUsPerRequest") / scale))
                    .append(" | ").append(percent(r.figure("serverBusy")))
                    .append(" |\n");
        }
        RunResult any = anyOk(workload);
        if (any != null) {
            md.append("\n").append(any.figure("warmup").intValue()).append(" warm-up requests, then the median of ")
                    .append(any.figure("batches").intValue()).append(" batches of ")
                    .append(any.figure("batchSize").intValue()).append(" sequential requests. \"× floor CPU\": against the cheapest floor.\n");
        }
    }

    private void documentTable(StringBuilder md) {
        Workload w = Workload.W3;
        Double streamedFloor = figure(w, PeerKind.FLOOR_FILE, "wallUsPerRequest");
        String small = mib(profile.smallPdfBytes());
        String large = mib(profile.pdfBytes());
        md.append("| peer | wall ms | × streamed floor | CPU ms | allocated MB/request | min -Xmx, ").append(small)
                .append(" PDF | min -Xmx, ").append(large).append(" PDF | heap growth |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PeerKind peer : peers) {
            if (!peer.runs(w)) {
                continue;
            }
            RunResult r = result(w, peer);
            Integer smallHeap = heapMb(peer, profile.smallPdfBytes());
            Integer largeHeap = heapMb(peer, profile.pdfBytes());
            md.append("| ").append(peer.label());
            if (r == null || !r.ok()) {
                md.append(" | failed (see below) | | | ");
            } else {
                double wall = r.figure("wallUsPerRequest");
                md.append(" | ").append(num(wall / 1000))
                        .append(" | ").append(ratio(wall, streamedFloor))
                        .append(" | ").append(num(r.figure("cpuUsPerRequest") / 1000))
                        .append(" | ").append(num(r.figure("allocatedBytesPerRequest") / (1 << 20)));
            }
            md.append(" | ").append(heapText(smallHeap))
                    .append(" | ").append(heapText(largeHeap))
                    .append(" | ").append(smallHeap != null && largeHeap != null && smallHeap > 0 && largeHeap > 0
                            ? "+" + (largeHeap - smallHeap) + " MB" : "")
                    .append(" |\n");
        }
        RunResult any = anyOk(w);
        if (any != null) {
            md.append("\n").append(large).append(" PDF: ").append(any.figure("warmup").intValue())
                    .append(" warm-up requests, then the median of ").append(any.figure("batches").intValue())
                    .append(" requests (timed runs at -Xmx").append(BenchmarkMain.TIMED_RUN_HEAP).append(")."
                            + " Min -Xmx: the smallest heap at which a fresh JVM sends the document twice (binary search"
                            + " over child JVMs, to 1 MB or 1/32). Not searched: empty.\n");
        }
    }

    private void inFlightTable(StringBuilder md) {
        Workload w = Workload.W4;
        Double floor = figure(w, PeerKind.FLOOR, "wallMs");
        md.append("| peer | wall s | × floor | peak live threads | CPU µs/request | how | server: most waiting at once |\n");
        md.append("|---|---:|---:|---:|---:|---|---:|\n");
        for (PeerKind peer : peers) {
            if (!peer.runs(w)) {
                continue;
            }
            RunResult r = result(w, peer);
            if (r == null || !r.ok()) {
                md.append("| ").append(peer.label()).append(" | failed (see below) | | | | | |\n");
                continue;
            }
            double wall = r.figure("wallMs");
            md.append("| ").append(peer.label())
                    .append(" | ").append(num(wall / 1000))
                    .append(" | ").append(ratio(wall, floor))
                    .append(" | ").append(r.figure("peakThreads").intValue())
                    .append(" | ").append(num(r.figure("cpuUsPerRequest")))
                    .append(" | ").append(r.figure("threadPerRequest") > 0 ? "no async API: a thread per request" : "async API")
                    .append(" | ").append(r.figure("serverPeakWaiting").intValue())
                    .append(" |\n");
        }
        RunResult any = anyOk(w);
        if (any != null) {
            md.append("\n").append(any.figure("inFlight").intValue()).append(" requests started at once, ")
                    .append(any.figure("latencyMs").intValue()).append(" ms server latency; median of ")
                    .append(any.figure("rounds").intValue()).append(" rounds after a warm-up round of a tenth the size.\n");
        }
    }

    private void rateLimitedTable(StringBuilder md) {
        Workload w = Workload.W5;
        md.append("| peer | wall s | ideal s | × ideal | 429s provoked | exchanges failed | peak live threads | how |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (PeerKind peer : peers) {
            if (!peer.runs(w)) {
                continue;
            }
            RunResult r = result(w, peer);
            if (r == null || !r.ok()) {
                md.append("| ").append(peer.label()).append(" | failed (see below) | | | | | | |\n");
                continue;
            }
            double wall = r.figure("wallMs");
            double ideal = r.figure("idealMs");
            md.append("| ").append(peer.label())
                    .append(" | ").append(num(wall / 1000))
                    .append(" | ").append(num(ideal / 1000))
                    .append(" | ").append(ratio(wall, ideal))
                    .append(" | ").append(r.figure("refusals429") == null ? "?" : String.valueOf(r.figure("refusals429").longValue()))
                    .append(" | ").append(r.figure("failed").longValue())
                    .append(" | ").append(r.figure("peakThreads").intValue())
                    .append(" | ").append(peer == PeerKind.FLOOR_LEARNING
                            ? "learns the capacity from one refusal, honours its Retry-After for all, then holds exactly it"
                            : peer.isFloor() ? "told the capacity: never more than it in flight"
                            : r.figure("threadPerRequest") > 0 ? "a thread per request" : "async API")
                    .append(" |\n");
        }
        RunResult any = anyOk(w);
        if (any != null) {
            md.append("\n").append(any.figure("requests").intValue()).append(" requests offered at once to a server that")
                    .append(" holds ").append(any.figure("capacity").intValue()).append(" in progress (429 + Retry-After: 1")
                    .append(" beyond) and answers in ").append(any.figure("latencyMs").intValue()).append(" ms; ideal = ")
                    .append("ceil(requests / capacity) × latency. Each peer with its default retries (2): the component's")
                    .append(" own, Camel redelivery (500 ms, exponential) for camel-http, openai-java's own; the floor (the JDK")
                    .append(" client) is told the capacity and never exceeds it, so its wall time is what the HTTP stack")
                    .append(" itself adds to the ideal. The learning floor (the JDK client too) pays the least that")
                    .append(" learning the capacity from the server can cost: one request beyond the capacity at first,")
                    .append(" that refusal's Retry-After honoured for everything queued, then exactly the capacity in")
                    .append(" flight - no client that learns the capacity from a 429 and honours its Retry-After for all")
                    .append(" it has queued, as the component does, can take less. Each peer's JIT warmed by 5 rounds of a tenth the size against the")
                    .append(" server without a limit, and the server's own by 2.5 × the requests before the first peer.\n");
        }
    }

    private void targets(StringBuilder md) {
        List<String> lines = new ArrayList<>();
        RunResult w1 = result(Workload.W1, PeerKind.COMPONENT);
        if (w1 != null && w1.ok()) {
            double cpu = w1.figure("cpuUsPerRequest");
            Double floor = cheapestFloor(Workload.W1, "cpuUsPerRequest");
            if (floor != null) {
                lines.add(check(cpu <= 1.3 * floor, "W1 CPU/request " + num(cpu) + " µs ≤ 1.3 × floor (" + num(1.3 * floor) + " µs)"));
            }
            for (PeerKind peer : peers) {
                RunResult other = result(Workload.W1, peer);
                if (!peer.isFloor() && peer != PeerKind.COMPONENT && other != null && other.ok()) {
                    double theirs = other.figure("cpuUsPerRequest");
                    lines.add(check(cpu < theirs, "W1 CPU/request below " + peer.label() + " (" + num(theirs) + " µs)"));
                }
            }
        }
        Integer small = heapMb(PeerKind.COMPONENT, profile.smallPdfBytes());
        Integer large = heapMb(PeerKind.COMPONENT, profile.pdfBytes());
        if (small != null && large != null && small > 0 && large > 0 && profile.pdfBytes() != profile.smallPdfBytes()) {
            lines.add(check(large - small <= 16, "W3 min -Xmx " + mib(profile.pdfBytes()) + " PDF (" + large + " MB) ≤ "
                                                 + mib(profile.smallPdfBytes()) + " PDF (" + small + " MB) + 16 MB"));
        }
        Double w3 = figure(Workload.W3, PeerKind.COMPONENT, "wallUsPerRequest");
        Double w3Floor = figure(Workload.W3, PeerKind.FLOOR_FILE, "wallUsPerRequest");
        if (w3 != null && w3Floor != null) {
            lines.add(check(w3 <= 1.5 * w3Floor, "W3 wall " + num(w3 / 1000) + " ms ≤ 1.5 × streamed floor ("
                                                 + num(1.5 * w3Floor / 1000) + " ms)"));
        }
        RunResult w4 = result(Workload.W4, PeerKind.COMPONENT);
        Double w4Floor = figure(Workload.W4, PeerKind.FLOOR, "wallMs");
        if (w4 != null && w4.ok() && w4Floor != null) {
            double wall = w4.figure("wallMs");
            lines.add(check(wall <= 1.15 * w4Floor, "W4 wall " + num(wall / 1000) + " s ≤ 1.15 × floor ("
                                                    + num(1.15 * w4Floor / 1000) + " s)"));
            int threads = w4.figure("peakThreads").intValue();
            lines.add(check(threads <= 50, "W4 peak live threads " + threads + " ≤ 50"));
        }
        RunResult w5 = result(Workload.W5, PeerKind.COMPONENT);
        if (w5 != null && w5.ok()) {
            double wall = w5.figure("wallMs");
            double ideal = w5.figure("idealMs");
            lines.add(check(wall <= 1.2 * ideal, "W5 wall " + num(wall / 1000) + " s ≤ 1.2 × ideal (" + num(1.2 * ideal / 1000)
                                                 + " s)"));
            Double learning = figure(Workload.W5, PeerKind.FLOOR_LEARNING, "wallMs");
            if (learning != null) {
                lines.add(check(wall <= 1.05 * learning, "W5 wall " + num(wall / 1000) + " s ≤ 1.05 × the learning floor ("
                                                         + num(1.05 * learning / 1000) + " s)"));
            }
            lines.add(check(w5.figure("failed") == 0, "W5 exchanges failed: " + w5.figure("failed").longValue()));
            Double mine = w5.figure("refusals429");
            for (PeerKind peer : peers) {
                RunResult other = result(Workload.W5, peer);
                if (peer != PeerKind.COMPONENT && !peer.isFloor() && other != null && other.ok() && mine != null
                    && other.figure("refusals429") != null) {
                    lines.add(check(mine < other.figure("refusals429"), "W5 fewer 429s than " + peer.label() + " ("
                                                                         + mine.longValue() + " vs "
                                                                         + other.figure("refusals429").longValue() + ")"));
                }
            }
        }
        if (!lines.isEmpty()) {
            md.append("### Targets for the component\n\n");
            lines.forEach(line -> md.append("- ").append(line).append('\n'));
        }
    }

    private void failures(StringBuilder md, Workload workload) {
        for (PeerKind peer : peers) {
            RunResult r = result(workload, peer);
            if (peer.runs(workload) && (r == null || !r.ok())) {
                md.append("\n").append(peer.label()).append(" failed: ")
                        .append(r == null ? "no result" : r.failure()).append('\n');
            }
        }
    }

    private Double cheapestFloor(Workload workload, String figure) {
        Double best = null;
        for (PeerKind floor : List.of(PeerKind.FLOOR, PeerKind.FLOOR_FILE)) {
            Double value = figure(workload, floor, figure);
            if (value != null && (best == null || value < best)) {
                best = value;
            }
        }
        return best;
    }

    private Double figure(Workload workload, PeerKind peer, String figure) {
        RunResult r = result(workload, peer);
        return r == null || !r.ok() ? null : r.figure(figure);
    }

    private RunResult anyOk(Workload workload) {
        return results.getOrDefault(workload, Map.of()).values().stream().filter(RunResult::ok).findFirst().orElse(null);
    }

    private static String check(boolean met, String what) {
        return (met ? "met: " : "**missed**: ") + what;
    }

    private static String heapText(Integer mb) {
        return mb == null ? "" : mb < 0 ? "> " + HeapSearch.CEILING_MB + " MB" : mb + " MB";
    }

    static String mib(long bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : bytes / 1024 + " KiB";
    }

    private static String num(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String ratio(double value, Double floor) {
        return floor == null || floor == 0 ? "" : String.format(Locale.ROOT, "%.2f", value / floor);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    private static String environment() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return Runtime.getRuntime().availableProcessors() + " CPUs, " + memory / (1L << 30) + " GiB, "
               + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
               + Objects.toString(System.getProperty("os.name")) + " " + System.getProperty("os.arch");
    }
}
