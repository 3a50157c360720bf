package io.github.camelopenrouter.benchmarks.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The server's counters since it started.
 *
 * @param requests     chat-completion requests received
 * @param validJson    of these, answered 200: authorized, and the body was one well-formed JSON object
 * @param invalidJson  answered 400: the body was not one well-formed JSON object
 * @param unauthorized answered 401: no bearer token
 * @param bodyBytes    request body bytes received
 * @param cpuNanos     CPU time of the server's own threads (selector and latency timer)
 * @param open         connections open now
 * @param peakOpen     most connections open at once (since start or the last peak reset)
 * @param peakWaiting  most requests waiting out the latency at once (since start or the last peak reset)
 */
public record BenchServerStats(long requests, long validJson, long invalidJson, long unauthorized, long bodyBytes,
                               long cpuNanos, long open, long peakOpen, long peakWaiting) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static BenchServerStats fromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return new BenchServerStats(node.get("requests").asLong(), node.get("validJson").asLong(),
                    node.get("invalidJson").asLong(), node.get("unauthorized").asLong(), node.get("bodyBytes").asLong(),
                    node.get("cpuNanos").asLong(), node.get("open").asLong(), node.get("peakOpen").asLong(),
                    node.get("peakWaiting").asLong());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Not server stats: " + json, e);
        }
    }

    /** What happened between {@code before} and this snapshot (peaks and open connections as of now). */
    public BenchServerStats since(BenchServerStats before) {
        return new BenchServerStats(requests - before.requests, validJson - before.validJson,
                invalidJson - before.invalidJson, unauthorized - before.unauthorized, bodyBytes - before.bodyBytes,
                cpuNanos - before.cpuNanos, open, peakOpen, peakWaiting);
    }
}
