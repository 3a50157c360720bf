package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenRouter's error body: {@code {"error":{"code":402,"message":"...","metadata":{...}}}}. */
final class ErrorBodies {

    static final String PROVIDER_NAME = "SimProvider";

    private ErrorBodies() {
    }

    /** An error body without metadata, as OpenRouter sends for authentication failures. */
    static String plain(int code, String message) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return Json.text(root);
    }

    /** An error body whose metadata carries the {@code error_type} (and more) OpenRouter uses for the status. */
    static String forStatus(int status, String message) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("code", status);
        error.put("message", message);
        error.set("metadata", metadataFor(status));
        return Json.text(root);
    }

    /** Metadata as OpenRouter sends it per status; clients switch on {@code error_type}. */
    static ObjectNode metadataFor(int status) {
        ObjectNode metadata = Json.object();
        metadata.put("error_type", errorType(status));
        if (status == 403) {
            // moderation refusals say why and what was flagged
            metadata.putArray("reasons").add("violence");
            metadata.put("flagged_input", "...flagged part of the input...");
            metadata.put("provider_name", PROVIDER_NAME);
        } else if (status > 500) {
            metadata.put("provider_name", PROVIDER_NAME);
        }
        return metadata;
    }

    static String errorType(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> "unauthorized";
            case 402 -> "payment_required";
            case 403 -> "moderation";
            case 404 -> "not_found";
            case 408 -> "timeout";
            case 413 -> "payload_too_large";
            case 429 -> "rate_limit_exceeded";
            case 500 -> "server_error";
            default -> status >= 500 ? "provider_error" : "invalid_request";
        };
    }
}
