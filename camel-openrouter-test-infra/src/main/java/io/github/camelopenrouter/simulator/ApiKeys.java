package io.github.camelopenrouter.simulator;

/** The simulator's view of the {@code Authorization} header: any bearer key works except one. */
final class ApiKeys {

    /** The key OpenRouter does not know: answered 401 "User not found.". */
    static final String INVALID_KEY = "sk-or-invalid";

    /** A valid key that is not a management key: {@code GET /credits} answers it 403. */
    static final String NOT_A_MANAGEMENT_KEY = "sk-or-v1-not-a-management-key";

    private ApiKeys() {
    }

    /** @return the 401 message OpenRouter would send, or null when the header is acceptable */
    static String problem(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            return "No auth credentials found";
        }
        if (authorization.substring(7).trim().equals(INVALID_KEY)) {
            return "User not found.";
        }
        return null;
    }
}
