package io.github.camelopenrouter.simulator;

import java.math.BigDecimal;

/**
 * The account behind the key: credits bought, what calls have cost so far, and the key's own spending limit. Each
 * served chat completion and embedding adds its cost to the usage, so credits and the key's remaining limit go down.
 */
final class Account {

    static final BigDecimal DEFAULT_CREDITS = new BigDecimal("10");
    static final BigDecimal DEFAULT_KEY_LIMIT = new BigDecimal("5");

    private BigDecimal totalCredits = DEFAULT_CREDITS;
    private BigDecimal usage = BigDecimal.ZERO;
    private BigDecimal keyLimit = DEFAULT_KEY_LIMIT;

    synchronized void charge(BigDecimal cost) {
        usage = usage.add(cost);
    }

    synchronized BigDecimal totalCredits() {
        return totalCredits;
    }

    synchronized BigDecimal usage() {
        return usage;
    }

    /** @return the key's limit in USD, or null when it has none */
    synchronized BigDecimal keyLimit() {
        return keyLimit;
    }

    synchronized void totalCredits(BigDecimal value) {
        totalCredits = value;
    }

    synchronized void keyLimit(BigDecimal value) {
        keyLimit = value;
    }

    synchronized void reset() {
        totalCredits = DEFAULT_CREDITS;
        usage = BigDecimal.ZERO;
        keyLimit = DEFAULT_KEY_LIMIT;
    }
}
