package io.github.camelopenrouter.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code GET /models} ({@code ModelsListResponse} in the SDK). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelList(List<ModelInfo> data) {
}
