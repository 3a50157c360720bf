package io.github.camelopenrouter.examples.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelopenrouter.postgres.PostgresServer;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.TestPdfs;

/**
 * Measures the Kafka conversations example with 1 and 2 instances (throughput, the conversation store's load and
 * append latency) and what the store costs per turn, on a Kafka broker, a PostgreSQL and the OpenRouter simulator it
 * starts itself, all on this machine; prints a Markdown report (docs/scaling.md quotes it). Run from the project root
 * after {@code mvn install -DskipTests}:
 *
 * <pre>
 * mvn -B -q -pl camel-openrouter-examples test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.github.camelopenrouter.examples.kafka.ScaleOutBenchmark \
 *   -Dexec.args="--conversations 40 --turns 5 --latency-ms 50"
 * </pre>
 *
 * Options: {@code --instances 1,2}, {@code --conversations} (each a keyed conversation), {@code --turns} (questions
 * per conversation), {@code --latency-ms} (the simulator's answer time: a model's seconds are what several instances
 * overlap), {@code --warm-up} (conversations answered before measuring).
 */
public final class ScaleOutBenchmark {

    /** What to run. */
    record Settings(List<Integer> instances, int conversations, int turns, Duration latency, int warmUp) {

        static Settings parse(String[] args) {
            Map<String, String> options = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("Expected --option value, got " + args[i]);
                }
                options.put(args[i].substring(2), args[i + 1]);
            }
            return new Settings(
                    Arrays.stream(options.getOrDefault("instances", "1,2").split(",")).map(String::trim)
                            .map(Integer::valueOf).toList(),
                    Integer.parseInt(options.getOrDefault("conversations", "40")),
                    Integer.parseInt(options.getOrDefault("turns", "5")),
                    Duration.ofMillis(Long.parseLong(options.getOrDefault("latency-ms", "50"))),
                    Integer.parseInt(options.getOrDefault("warm-up", "8")));
        }
    }

    /** Everything measured. */
    record Report(Settings settings, List<ThroughputRun.Figures> runs, List<TurnCost.Row> costs, int pdfBytes) {

        String markdown() {
            StringBuilder out = new StringBuilder();
            out.append("Simulator latency ").append(settings.latency().toMillis()).append(" ms per answer; ")
                    .append(settings.conversations()).append(" conversations x ").append(settings.turns())
                    .append(" turns = ").append(settings.conversations() * settings.turns())
                    .append(" questions per run, on a topic of ").append(ThroughputRun.PARTITIONS)
                    .append(" partitions; ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                    .append("Java ").append(System.getProperty("java.version")).append("\n\n");
            out.append("| instances | questions | seconds | questions/s | vs 1 instance | load p50 / p99 (ms) |"
                       + " append p50 / p99 (ms) | DB round trips per question | connections taken per question |\n");
            out.append("|---|---|---|---|---|---|---|---|---|\n");
            double base = runs.get(0).questionsPerSecond();
            for (ThroughputRun.Figures run : runs) {
                out.append(String.format(Locale.ROOT, "| %d | %d | %.2f | %.1f | %.2fx | %.2f / %.2f | %.2f / %.2f | %.2f | %.2f |%n",
                        run.instances(), run.questions(), run.seconds(), run.questionsPerSecond(),
                        run.questionsPerSecond() / base, run.loadP50() / 1000.0, run.loadP99() / 1000.0,
                        run.appendP50() / 1000.0, run.appendP99() / 1000.0, run.roundTripsPerQuestion(),
                        run.connectionsPerQuestion()));
            }
            out.append("\nConversation-store cost per turn (a ").append(pdfBytes).append("-byte PDF):\n\n");
            out.append("| turn | question or file (bytes) | stored: turn JSON + file bytes + turn id = total |"
                       + " DB round trips (load + append) | connections taken |\n");
            out.append("|---|---|---|---|---|\n");
            for (TurnCost.Row row : costs) {
                out.append(String.format(Locale.ROOT, "| %s | %d | %d + %d + %d = %d | %d | %d |%n", row.turn(),
                        row.payloadBytes(), row.turnJsonBytes(), row.fileBytes(), row.turnIdBytes(), row.storedBytes(),
                        row.roundTrips(), row.connections()));
            }
            return out.toString();
        }
    }

    private final KafkaTestCluster kafka;
    private final PostgresServer postgres;
    private final OpenRouterSimulator simulator;

    ScaleOutBenchmark(KafkaTestCluster kafka, PostgresServer postgres, OpenRouterSimulator simulator) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.simulator = simulator;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        try (KafkaTestCluster kafka = KafkaTestCluster.start();
             PostgresServer postgres = PostgresServer.start();
             OpenRouterSimulator simulator = OpenRouterSimulator.start()) {
            Report report = new ScaleOutBenchmark(kafka, postgres, simulator).run(settings, "bench");
            System.out.println(report.markdown());
        }
        // the broker's and clients' threads are not all daemons
        System.exit(0);
    }

    /** @param name prefix of the topics, groups and tables of this run, so runs never see each other's data */
    Report run(Settings settings, String name) throws Exception {
        List<ThroughputRun.Figures> runs = new ArrayList<>();
        for (int instances : settings.instances()) {
            simulator.reset();
            simulator.setLatency(settings.latency());
            String run = name + "-" + instances + "-instances";
            System.err.println("Measuring " + run);
            runs.add(new ThroughputRun(kafka, postgres, simulator, run)
                    .measure(instances, settings.conversations(), settings.turns(), settings.warmUp()));
        }
        simulator.reset();
        byte[] pdf = TestPdfs.withText(pages(20));
        List<TurnCost.Row> costs = new TurnCost(postgres, simulator, name + "_turn_cost").measure(pdf);
        return new Report(settings, runs, costs, pdf.length);
    }

    /** A report of that many pages of text, as a small real PDF would be. */
    private static String[] pages(int count) {
        String[] pages = new String[count];
        for (int i = 0; i < count; i++) {
            pages[i] = "Quarterly report, page " + (i + 1) + ": revenue grew in every region, costs stayed flat,"
                       + " and the outlook for the next quarter is unchanged from the plan agreed in January.";
        }
        return pages;
    }
}
