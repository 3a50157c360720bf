package io.github.camelopenrouter.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * OpenRouter's {@code error} object. {@code code} is usually the HTTP status as a number but has been seen as a
 * string, so it is kept as a node and read by {@link #codeOr(int)}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(JsonNode code, String message, JsonNode metadata) {

    public int codeOr(int fallback) {
        if (code == null || code.isNull()) {
            return fallback;
        }
        if (code.canConvertToInt()) {
            return code.asInt();
        }
        try {
            return Integer.parseInt(code.asText().trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The raw code as text, for codes that are not numbers ("rate_limit_exceeded"). */
    public String codeText() {
        return code == null || code.isNull() ? null : code.asText();
    }

    public String metadataText(String field) {
        JsonNode value = metadata == null ? null : metadata.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }
}
