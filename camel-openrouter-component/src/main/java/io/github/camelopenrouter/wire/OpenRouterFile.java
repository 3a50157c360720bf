package io.github.camelopenrouter.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A file of OpenRouter's Files API ({@code OpenRouterFile} in the SDK). As a chat body it is a reference: chat sends
 * {@code {"type":"file","file":{"file_id":...}}} for it instead of any bytes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenRouterFile(String id, String filename, @JsonProperty("mime_type") String mimeType,
                             @JsonProperty("size_bytes") long sizeBytes, @JsonProperty("created_at") String createdAt,
                             boolean downloadable) {
}
