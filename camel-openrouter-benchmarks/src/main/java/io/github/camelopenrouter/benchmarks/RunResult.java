package io.github.camelopenrouter.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelopenrouter.benchmarks.peers.PeerKind;

/**
 * What one child JVM measured for one peer and workload: named figures (medians over the batches), the number of
 * requests the peer sent and the server accepted as valid JSON, or why it failed. Travels from the child to the
 * parent as one JSON line on standard output, prefixed by {@link #PREFIX}.
 */
public record RunResult(PeerKind peer, Workload workload, Map<String, Double> figures, long requestsSent,
                        long requestsValidAtServer, String failure) {

    public static final String PREFIX = "RESULT ";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static RunResult failed(PeerKind peer, Workload workload, String why) {
        return new RunResult(peer, workload, Map.of(), 0, 0, why);
    }

    public Double figure(String name) {
        return figures.get(name);
    }

    public boolean ok() {
        return failure == null;
    }

    public String toLine() {
        try {
            return PREFIX + JSON.writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RunResult fromLine(String line) {
        try {
            return JSON.readValue(line.substring(PREFIX.length()), RunResult.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Not a result line: " + line, e);
        }
    }

    /** Collects figures in the order they are added. */
    public static final class Figures {
        private final Map<String, Double> values = new LinkedHashMap<>();

        public Figures put(String name, double value) {
            values.put(name, value);
            return this;
        }

        public Map<String, Double> values() {
            return values;
        }
    }
}
