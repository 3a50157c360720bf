package io.github.camelopenrouter;

/**
 * The exchange cannot become a valid OpenRouter request: an unsupported or empty body, a file above the size limit, a
 * refused URL, a bad header value. Raised before anything is sent; the message names the problem and what is accepted.
 */
public class OpenRouterInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public OpenRouterInputException(String message) {
        super(message);
    }

    public OpenRouterInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
