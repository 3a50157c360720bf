package io.github.camelopenrouter.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The body of {@code POST /chat/completions}; absent values are left out, so OpenRouter's defaults apply. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "model", "messages", "plugins", "temperature", "max_tokens", "response_format", "stream" })
public record ChatRequest(
        String model,
        List<Message> messages,
        List<Plugin> plugins,
        Double temperature,
        @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("response_format") ResponseFormat responseFormat,
        Boolean stream) {

    /** The same request with other messages (the new user message's files swapped for references, for example). */
    public ChatRequest withMessages(List<Message> replaced) {
        return new ChatRequest(model, List.copyOf(replaced), plugins, temperature, maxTokens, responseFormat, stream);
    }
}
