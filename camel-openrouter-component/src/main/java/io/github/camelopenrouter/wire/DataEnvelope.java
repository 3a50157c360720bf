package io.github.camelopenrouter.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code {"data": ...}}, how generation, credits and key replies wrap their record. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataEnvelope<T>(T data) {
}
