package io.github.camelopenrouter.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code POST /embeddings} ({@code CreateEmbeddingsRequestBody} in the SDK); {@code input} is a String or a List. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "model", "input", "dimensions", "encoding_format" })
public record EmbeddingsRequest(String model, Object input, Integer dimensions,
                                @JsonProperty("encoding_format") String encodingFormat) {
}
