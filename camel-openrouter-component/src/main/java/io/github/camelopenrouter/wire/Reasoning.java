package io.github.camelopenrouter.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code reasoning} object. OpenRouter's API takes {@code effort} or {@code max_tokens}, and {@code exclude};
 * the SDK 1.3.19 schema ({@code ChatRequestReasoning$Outbound}) models only {@code effort} (and {@code summary}), so
 * the SDK itself would drop the other two - the tests say so where they check requests against it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "effort", "max_tokens", "exclude" })
public record Reasoning(String effort, @JsonProperty("max_tokens") Integer maxTokens, Boolean exclude) {
}
