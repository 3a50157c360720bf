package io.github.camelopenrouter.benchmarks.streaming;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.github.camelopenrouter.OpenRouterComponent;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.SimulatorSettings;
import io.github.camelopenrouter.simulator.StreamShape;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * W6, streamed answers: the time to the first token and the CPU per streamed answer of {@code deltas} deltas, for the
 * JDK floor (a raw {@code HttpClient} reading the event stream line by line, no JSON parsed), the component
 * ({@code stream=true&streamTo=direct:sink}: every delta delivered as an exchange) and openai-java's
 * {@code createStreaming}. One answer at a time, after a warm-up of every peer; the measured answers are split into
 * {@value #ROUNDS} rounds in which the peers take turns, so that a shared machine's drift (another process, the JIT
 * finishing late) falls on all of them alike. The time to the first token is taken by the caller,
 * from the call to the first text delta it can use, the same way for every peer. CPU is the whole process's (the
 * in-process simulator included, the same work for every peer), per answer.
 *
 * <pre>
 * StreamingBenchmark [--answers 200] [--warmup 100] [--deltas 500] [--out w6.md]
 * </pre>
 */
public final class StreamingBenchmark {

    static final String KEY = "sk-or-v1-bench-streaming";
    static final String MODEL = "bench/model";

    /** One peer's figures. */
    public record Result(String peer, int answers, int deltasPerAnswer, double ttftMedianMs, double ttftP90Ms,
                         double cpuMsPerAnswer, String lastText) {

        double cpuUsPerDelta() {
            return cpuMsPerAnswer * 1000 / deltasPerAnswer;
        }
    }

    /** Streams one answer; returns its text. Records when the first text delta reached the caller. */
    interface Peer extends AutoCloseable {
        String answer(long[] firstDeltaNanos) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int answers = Integer.parseInt(options.getOrDefault("answers", "200"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "100"));
        int deltas = Integer.parseInt(options.getOrDefault("deltas", "500"));
        List<Result> results = run(answers, warmup, deltas);
        String markdown = markdown(results);
        System.out.println(markdown);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), markdown, StandardCharsets.UTF_8);
        }
    }

    /** Rounds the measured answers are split into, the peers taking turns: drift on a shared machine hits all alike. */
    static final int ROUNDS = 10;

    public static List<Result> run(int answers, int warmup, int deltas) throws Exception {
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start(SimulatorSettings.defaults().withRecordBodies(false))) {
            simulator.setStreamShape(StreamShape.defaults().withDeltas(deltas).withPieceChars(6));
            String[] names = { "floor: JDK HttpClient reading the SSE lines",
                               "**camel-openrouter** (stream=true, streamTo=direct:sink)",
                               "openai-java createStreaming (OkHttp)" };
            try (Peer floor = new Floor(simulator.baseUrl());
                 Peer component = new Component(simulator.baseUrl());
                 Peer openAi = new OpenAiJava(simulator.baseUrl())) {
                Peer[] peers = { floor, component, openAi };
                Tally[] tallies = new Tally[peers.length];
                for (int p = 0; p < peers.length; p++) {
                    tallies[p] = new Tally(names[p], answers);
                    warm(peers[p], warmup);
                }
                int rounds = Math.min(ROUNDS, answers);
                for (int round = 0; round < rounds; round++) {
                    int inRound = answers / rounds + (round < answers % rounds ? 1 : 0);
                    for (int p = 0; p < peers.length; p++) {
                        tallies[p].measure(peers[p], inRound);
                    }
                }
                List<Result> results = new ArrayList<>();
                for (Tally tally : tallies) {
                    results.add(tally.result(deltas));
                }
                return results;
            }
        }
    }

    private static void warm(Peer peer, int warmup) throws Exception {
        long[] first = new long[1];
        for (int i = 0; i < warmup; i++) {
            peer.answer(first);
        }
    }

    /** One peer's measured answers, gathered over the rounds. */
    private static final class Tally {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final String name;
        private final double[] ttft;
        private int measured;
        private long cpuNanos;
        private String text;

        Tally(String name, int answers) {
            this.name = name;
            this.ttft = new double[answers];
        }

        void measure(Peer peer, int answers) throws Exception {
            long[] first = new long[1];
            long cpuBefore = OS.getProcessCpuTime();
            for (int i = 0; i < answers; i++) {
                first[0] = 0;
                long start = System.nanoTime();
                text = peer.answer(first);
                if (first[0] == 0) {
                    throw new IllegalStateException(name + " saw no text delta");
                }
                ttft[measured++] = (first[0] - start) / 1e6;
            }
            cpuNanos += OS.getProcessCpuTime() - cpuBefore;
        }

        Result result(int deltas) {
            double[] sorted = Arrays.copyOf(ttft, measured);
            Arrays.sort(sorted);
            return new Result(name, measured, deltas, sorted[measured / 2],
                    sorted[Math.min(measured - 1, (int) (measured * 0.9))], cpuNanos / 1e6 / measured, text);
        }
    }

    public static String markdown(List<Result> results) {
        StringBuilder md = new StringBuilder("### W6: streamed answers (" + results.get(0).deltasPerAnswer()
                                             + " deltas each, one at a time)\n\n"
                                             + "| peer | time to first token, median ms | p90 ms | CPU ms per answer |"
                                             + " CPU µs per delta |\n|---|---:|---:|---:|---:|\n");
        for (Result r : results) {
            md.append(String.format(java.util.Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", r.peer(),
                    r.ttftMedianMs(), r.ttftP90Ms(), r.cpuMsPerAnswer(), r.cpuUsPerDelta()));
        }
        return md.toString();
    }

    /** The floor: lines as they come, the first "data:" line with content is the first token; no JSON parsed. */
    static final class Floor implements Peer {
        private final HttpClient http = HttpClient.newHttpClient();
        private final HttpRequest request;

        Floor(String baseUrl) {
            request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                    .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + MODEL
                                                              + "\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                                                              + "\"content\":\"Tell me a long story\"}]}"))
                    .build();
        }

        @Override
        public String answer(long[] firstDeltaNanos) throws Exception {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int events = 0;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data: ")) {
                        if (line.equals("data: [DONE]")) {
                            break;
                        }
                        if (events++ == 0 || firstDeltaNanos[0] == 0) {
                            firstDeltaNanos[0] = System.nanoTime();
                        }
                    }
                }
            }
            return events + " events";
        }

        @Override
        public void close() {
        }
    }

    /** The component as a route uses it: every delta an exchange to a direct: endpoint, the whole answer at the end. */
    static final class Component implements Peer {
        private final CamelContext camel = new DefaultCamelContext();
        private final ProducerTemplate template;
        private volatile long[] target;

        Component(String baseUrl) throws Exception {
            OpenRouterComponent openRouter = new OpenRouterComponent();
            openRouter.getConfiguration().setApiKey(KEY);
            openRouter.getConfiguration().setBaseUrl(baseUrl);
            camel.addComponent("openrouter", openRouter);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:sink").process(exchange -> {
                        long[] first = target;
                        if (first != null && first[0] == 0) {
                            first[0] = System.nanoTime();
                        }
                    });
                }
            });
            camel.start();
            template = camel.createProducerTemplate();
        }

        @Override
        public String answer(long[] firstDeltaNanos) {
            target = firstDeltaNanos;
            Exchange done = template.send("openrouter:chat?model=" + MODEL + "&streamTo=direct:sink",
                    exchange -> exchange.getMessage().setBody("Tell me a long story"));
            if (done.getException() != null) {
                throw new IllegalStateException(done.getException());
            }
            return done.getMessage().getBody(String.class);
        }

        @Override
        public void close() throws Exception {
            camel.close();
        }
    }

    /** openai-java's streaming call with its defaults (OkHttp, a blocking iterator of parsed chunks). */
    static final class OpenAiJava implements Peer {
        private final OpenAIClient client;
        private final ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(MODEL)
                .addUserMessage("Tell me a long story").build();

        OpenAiJava(String baseUrl) {
            client = OpenAIOkHttpClient.builder().apiKey(KEY).baseUrl(baseUrl).build();
        }

        @Override
        public String answer(long[] firstDeltaNanos) {
            StringBuilder text = new StringBuilder();
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
                stream.stream().forEach(chunk -> {
                    if (!chunk.choices().isEmpty()) {
                        chunk.choices().get(0).delta().content().ifPresent(piece -> {
                            if (firstDeltaNanos[0] == 0 && !piece.isEmpty()) {
                                firstDeltaNanos[0] = System.nanoTime();
                            }
                            text.append(piece);
                        });
                    }
                });
            }
            return text.toString();
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
