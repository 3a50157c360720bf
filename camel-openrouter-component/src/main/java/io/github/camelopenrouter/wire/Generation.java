package io.github.camelopenrouter.wire;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /generation?id=} ({@code GenerationResponseData} in the SDK): what a call cost and took, after the fact. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Generation(String id, String model, @JsonProperty("created_at") String createdAt,
                         @JsonProperty("total_cost") BigDecimal totalCost, Double latency,
                         @JsonProperty("generation_time") Double generationTime,
                         @JsonProperty("provider_name") String providerName,
                         @JsonProperty("tokens_prompt") Integer tokensPrompt,
                         @JsonProperty("tokens_completion") Integer tokensCompletion,
                         @JsonProperty("native_tokens_prompt") Integer nativeTokensPrompt,
                         @JsonProperty("native_tokens_completion") Integer nativeTokensCompletion,
                         @JsonProperty("finish_reason") String finishReason, Boolean streamed,
                         @JsonProperty("api_type") String apiType) {
}
