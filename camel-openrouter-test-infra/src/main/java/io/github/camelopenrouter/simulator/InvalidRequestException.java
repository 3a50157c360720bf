package io.github.camelopenrouter.simulator;

/** A request that OpenRouter would answer with 400; the message names the JSON path at fault. */
final class InvalidRequestException extends Exception {

    InvalidRequestException(String path, String problem) {
        super(path + ": " + problem);
    }

    InvalidRequestException(String message) {
        super(message);
    }
}
