package io.github.camelopenrouter.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /files}: one page of files ({@code OpenRouterFileList} in the SDK). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileList(List<OpenRouterFile> data, @JsonProperty("has_more") boolean hasMore, String cursor) {
}
