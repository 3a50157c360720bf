package io.github.camelopenrouter.wire;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /credits} ({@code GetCreditsData} in the SDK), in USD. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Credits(@JsonProperty("total_credits") BigDecimal totalCredits,
                      @JsonProperty("total_usage") BigDecimal totalUsage) {

    /** Credits bought minus credits used. */
    public BigDecimal remaining() {
        return totalCredits == null || totalUsage == null ? null : totalCredits.subtract(totalUsage);
    }
}
