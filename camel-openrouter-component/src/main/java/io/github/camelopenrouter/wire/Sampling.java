package io.github.camelopenrouter.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The sampling parameters beyond temperature and max_tokens, written at the top level of the request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "top_p", "top_k", "min_p", "seed", "stop", "frequency_penalty", "presence_penalty",
        "repetition_penalty" })
public record Sampling(
        @JsonProperty("top_p") Double topP,
        @JsonProperty("top_k") Integer topK,
        @JsonProperty("min_p") Double minP,
        Long seed,
        List<String> stop,
        @JsonProperty("frequency_penalty") Double frequencyPenalty,
        @JsonProperty("presence_penalty") Double presencePenalty,
        @JsonProperty("repetition_penalty") Double repetitionPenalty) {
}
