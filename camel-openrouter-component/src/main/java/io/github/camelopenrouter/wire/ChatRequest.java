package io.github.camelopenrouter.wire;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The body of {@code POST /chat/completions}; absent values are left out, so OpenRouter's defaults apply.
 *
 * @param models   the model, then the fallback models, in the order OpenRouter tries them
 * @param provider the provider routing preferences, in the wire's shape
 * @param extras   fields the component does not model (additionalBodyProperty.*), written at the top level
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "model", "models", "messages", "plugins", "provider", "reasoning", "cache_control", "temperature",
        "max_tokens", "response_format", "stream" })
public record ChatRequest(
        String model,
        List<String> models,
        List<Message> messages,
        List<Plugin> plugins,
        Map<String, Object> provider,
        Reasoning reasoning,
        @JsonProperty("cache_control") CacheControl cacheControl,
        Double temperature,
        @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("response_format") ResponseFormat responseFormat,
        Boolean stream,
        @JsonUnwrapped Sampling sampling,
        @JsonUnwrapped Tracking tracking,
        @JsonAnyGetter Map<String, Object> extras) {

    /** The same request with other messages (the new user message's files swapped for references, for example). */
    public ChatRequest withMessages(List<Message> replaced) {
        return new ChatRequest(model, models, List.copyOf(replaced), plugins, provider, reasoning, cacheControl, temperature,
                maxTokens, responseFormat, stream, sampling, tracking, extras);
    }

    /** A request of these messages and nothing else: every other field is left to OpenRouter's defaults. */
    public static ChatRequest of(List<Message> messages) {
        return new ChatRequest(null, null, messages, null, null, null, null, null, null, null, null, null, null, null);
    }
}
