package io.github.camelopenrouter.wire;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** A chat-completion reply as OpenRouter sends it; unknown fields are ignored so new ones do not break a route. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatResponse(
        String id,
        String provider,
        String model,
        String object,
        Long created,
        List<Choice> choices,
        Usage usage,
        ApiError error,
        @JsonIgnore String generationId) {

    /**
     * The same reply with the generation id of its {@code X-Generation-Id} response header (not part of the body).
     */
    public ChatResponse withGenerationId(String header) {
        return new ChatResponse(id, provider, model, object, created, choices, usage, error, header);
    }

    /** The {@code X-Generation-Id} response header, else the body's {@code id}. */
    @Override
    public String generationId() {
        return generationId != null && !generationId.isBlank() ? generationId : id;
    }

    /** The first choice, or null when the reply has none. */
    public Choice firstChoice() {
        return choices == null || choices.isEmpty() ? null : choices.get(0);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(
            Integer index,
            @JsonProperty("finish_reason") String finishReason,
            @JsonProperty("native_finish_reason") String nativeFinishReason,
            ResponseMessage message,
            ApiError error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResponseMessage(
            String role,
            String content,
            String reasoning,
            JsonNode annotations,
            @JsonProperty("tool_calls") JsonNode toolCalls) {

        public boolean hasAnnotations() {
            return annotations != null && annotations.isArray() && !annotations.isEmpty();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Usage(
            @JsonProperty("prompt_tokens") Integer promptTokens,
            @JsonProperty("completion_tokens") Integer completionTokens,
            @JsonProperty("total_tokens") Integer totalTokens,
            Double cost,
            @JsonProperty("is_byok") Boolean byok,
            @JsonProperty("cost_details") Map<String, Object> costDetails,
            @JsonProperty("prompt_tokens_details") PromptTokensDetails promptTokensDetails,
            @JsonProperty("completion_tokens_details") CompletionTokensDetails completionTokensDetails) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PromptTokensDetails(
            @JsonProperty("cached_tokens") Integer cachedTokens,
            @JsonProperty("cache_write_tokens") Integer cacheWriteTokens) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CompletionTokensDetails(@JsonProperty("reasoning_tokens") Integer reasoningTokens) {
    }
}
