package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A chat-completion request as it reached the simulator.
 *
 * @param headers   request headers; look them up with {@link #header(String)}, which ignores case
 * @param body      the body as UTF-8 text, or {@code ""} when the simulator does not record bodies
 * @param bodyBytes the body size in bytes, always counted
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body,
                              long bodyBytes) {

    /** First value of the header, ignoring the case of its name; {@code null} when absent. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    /** The body parsed as JSON. */
    public JsonNode json() {
        if (body.isEmpty() && bodyBytes > 0) {
            throw new IllegalStateException("The body (" + bodyBytes + " bytes) was not recorded: the simulator"
                    + " runs with recordBodies=false; start it with SimulatorSettings.defaults() to inspect bodies");
        }
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new IllegalStateException("Request body is empty, not JSON");
            }
            return json;
        } catch (JacksonException e) {
            throw new IllegalStateException("Request body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + bodyBytes + " bytes)";
    }
}
