package io.github.camelopenrouter.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A chat message. {@code content} is a plain string or a list of {@link ContentPart}s, as the wire allows; an assistant
 * message replayed from a conversation carries its {@code annotations} so OpenRouter skips parsing its files again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "role", "content", "annotations" })
public record Message(String role, Object content, JsonNode annotations) {

    public static Message system(String text) {
        return new Message("system", text, null);
    }

    public static Message user(List<ContentPart> parts) {
        return new Message("user", List.copyOf(parts), null);
    }

    public static Message assistant(String text, JsonNode annotations) {
        return new Message("assistant", text == null ? "" : text, annotations);
    }
}
