package io.github.camelopenrouter.wire;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code GET /models} ({@code Model} in the SDK): id, name, context length, modalities, prices per token
 * and the request parameters it supports.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelInfo(String id, String name, @JsonProperty("context_length") Long contextLength,
                        Architecture architecture, Pricing pricing,
                        @JsonProperty("supported_parameters") List<String> supportedParameters) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Architecture(@JsonProperty("input_modalities") List<String> inputModalities,
                               @JsonProperty("output_modalities") List<String> outputModalities) {
    }

    /** USD per token (OpenRouter sends them as decimal strings). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pricing(BigDecimal prompt, BigDecimal completion) {
    }

    public List<String> inputModalities() {
        return architecture == null || architecture.inputModalities() == null ? List.of() : architecture.inputModalities();
    }

    public List<String> outputModalities() {
        return architecture == null || architecture.outputModalities() == null ? List.of() : architecture.outputModalities();
    }

    /** USD per prompt token, or null when unknown. */
    public BigDecimal promptPrice() {
        return pricing == null ? null : pricing.prompt();
    }

    /** USD per completion token, or null when unknown. */
    public BigDecimal completionPrice() {
        return pricing == null ? null : pricing.completion();
    }

    public boolean accepts(String inputModality) {
        return inputModalities().contains(inputModality);
    }
}
