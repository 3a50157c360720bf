package io.github.camelopenrouter.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The top-level {@code cache_control}: {@code {"type":"ephemeral"}}, with {@code "ttl":"1h"} for the long cache. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "ttl" })
public record CacheControl(String type, String ttl) {
}
