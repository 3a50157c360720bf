package io.github.camelopenrouter.wire;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Who and what a request belongs to, written at the top level: {@code user}, {@code session_id}, {@code metadata}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "user", "session_id", "metadata" })
public record Tracking(String user, @JsonProperty("session_id") String sessionId, Map<String, String> metadata) {
}
