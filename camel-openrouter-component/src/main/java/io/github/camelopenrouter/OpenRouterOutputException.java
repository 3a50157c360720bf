package io.github.camelopenrouter;

import java.util.List;

import org.apache.camel.RuntimeCamelException;

/**
 * The model answered, but not as asked: JSON output was requested and the answer is not valid JSON, not a JSON object
 * ({@code json_object}), breaks the JSON Schema, or cannot be unmarshalled into the outputClass. The exchange's
 * {@code CamelOpenRouterErrorType} is {@code invalid_output}. Carries the raw answer and every validation message, so a
 * route can log, store or re-ask with them.
 */
public class OpenRouterOutputException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    /** The {@code CamelOpenRouterErrorType} of this failure. */
    public static final String ERROR_TYPE = "invalid_output";

    private final String rawAnswer;
    private final List<String> validationMessages;

    public OpenRouterOutputException(String message, String rawAnswer, List<String> validationMessages, Throwable cause) {
        super(message, cause);
        this.rawAnswer = rawAnswer;
        this.validationMessages = List.copyOf(validationMessages);
    }

    /** The assistant's answer exactly as received. */
    public String getRawAnswer() {
        return rawAnswer;
    }

    /**
     * What is wrong with the answer, one message per problem: the JSON parser's message, or the schema validator's
     * ({@code $.total: string found, number expected}, ...).
     */
    public List<String> getValidationMessages() {
        return validationMessages;
    }

    /** Always {@value #ERROR_TYPE}. */
    public String getErrorType() {
        return ERROR_TYPE;
    }
}
