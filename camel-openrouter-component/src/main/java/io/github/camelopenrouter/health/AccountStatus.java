package io.github.camelopenrouter.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.health.HealthCheck;

/**
 * What the last look at the account said: whether calls can succeed, and if not why. Immutable; the
 * {@link AccountMonitor} replaces it after each probe (and when a call is refused with 401 or 402).
 *
 * @param state            UP, DOWN, or UNKNOWN until the first probe has answered
 * @param reason           for a human: why DOWN (never the key), or what was checked when UP
 * @param httpStatus       the status OpenRouter answered, or null when it could not be reached
 * @param creditsRemaining credits (or the key's limit) left in USD, when OpenRouter said
 * @param checkedAt        when this was learnt, or null before the first probe
 * @param source           what it was learnt from: "GET /credits", "GET /key", or "a call" refused with 401/402
 */
public record AccountStatus(HealthCheck.State state, String reason, Integer httpStatus, BigDecimal creditsRemaining,
                            Instant checkedAt, String source) {

    static AccountStatus notCheckedYet() {
        return new AccountStatus(HealthCheck.State.UNKNOWN, "not checked yet", null, null, null, null);
    }

    static AccountStatus up(String reason, BigDecimal remaining, String source) {
        return new AccountStatus(HealthCheck.State.UP, reason, 200, remaining, Instant.now(), source);
    }

    static AccountStatus down(String reason, Integer httpStatus, BigDecimal remaining, String source) {
        return new AccountStatus(HealthCheck.State.DOWN, reason, httpStatus, remaining, Instant.now(), source);
    }

    /** The health check's details (and the dev console's): no key, no URI query. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("openrouter.reason", reason);
        if (httpStatus != null) {
            details.put(HealthCheck.HTTP_RESPONSE_CODE, httpStatus);
        }
        if (creditsRemaining != null) {
            details.put("openrouter.credits.remaining", creditsRemaining.toPlainString());
        }
        if (checkedAt != null) {
            details.put("openrouter.checked.at", checkedAt.toString());
        }
        if (source != null) {
            details.put("openrouter.checked.with", source);
        }
        return details;
    }
}
