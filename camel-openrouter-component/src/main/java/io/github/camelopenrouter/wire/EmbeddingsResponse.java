package io.github.camelopenrouter.wire;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /embeddings} reply ({@code CreateEmbeddingsResponseBody} in the SDK): one item per input, its
 * {@code embedding} an array of numbers or, with {@code encoding_format=base64}, base64 of little-endian float32s.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmbeddingsResponse(String id, String model, List<Item> data, Usage usage) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(Integer index, JsonNode embedding) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Usage(@JsonProperty("prompt_tokens") Integer promptTokens,
                        @JsonProperty("total_tokens") Integer totalTokens, BigDecimal cost) {
    }
}
