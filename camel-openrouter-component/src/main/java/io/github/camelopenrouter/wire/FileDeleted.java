package io.github.camelopenrouter.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code DELETE /files/{id}}: {@code {"id":...,"type":"file_deleted"}} ({@code OpenRouterFileDeleted} in the SDK). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileDeleted(String id, String type) {
}
