package io.github.camelopenrouter.wire;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /key} ({@code GetCurrentKeyData} in the SDK): the key's label, limit and usage, in USD. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeyInfo(String label, BigDecimal limit, @JsonProperty("limit_remaining") BigDecimal limitRemaining,
                      @JsonProperty("limit_reset") String limitReset, BigDecimal usage,
                      @JsonProperty("usage_daily") BigDecimal usageDaily,
                      @JsonProperty("is_free_tier") Boolean freeTier) {
}
