package io.github.camelopenrouter.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.camelopenrouter.OpenRouterApiException;

/**
 * Removes the API key from the error texts the component builds out of a reply. A server or proxy may echo the request
 * (a 401 "invalid header Authorization: Bearer sk-or-...", an HTML page quoting the headers); its message, excerpt and
 * metadata go into {@link OpenRouterApiException} and from there into Camel's error log.
 */
final class Redaction {

    static final String MARK = "[redacted API key]";

    private final String secret;

    Redaction(String secret) {
        // a key of a few characters would redact ordinary words; real keys are long
        this.secret = secret != null && secret.length() >= 8 ? secret : null;
    }

    String text(String text) {
        return text == null || secret == null || !text.contains(secret) ? text : text.replace(secret, MARK);
    }

    /** An error reply's body without the key (the same array when it holds none). */
    byte[] bytes(byte[] body) {
        if (secret == null || body == null || body.length < secret.length()) {
            return body;
        }
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return text.contains(secret) ? text(text).getBytes(java.nio.charset.StandardCharsets.UTF_8) : body;
    }

    /** The same failure, or a copy without the key when any of its texts holds it. */
    Throwable failure(Throwable failure) {
        if (secret == null) {
            return failure;
        }
        if (failure instanceof OpenRouterApiException api) {
            if (!contains(api)) {
                return api;
            }
            return api.redacted(this::text, metadata(api.getMetadata()));
        }
        if (failure != null && failure.getMessage() != null && failure.getMessage().contains(secret)) {
            // not ours (the JDK, a decoder): keep its type and cause chain out of the message, say why
            String message = failure.getClass().getName() + ": " + text(failure.getMessage());
            Throwable clean = failure instanceof java.io.IOException ? new java.io.IOException(message)
                    : new IllegalStateException(message);
            clean.setStackTrace(failure.getStackTrace());
            return clean;
        }
        return failure;
    }

    private boolean contains(OpenRouterApiException api) {
        return has(api.getMessage()) || has(api.getErrorMessage()) || has(api.getResponseExcerpt())
               || api.getMetadata() != null && has(api.getMetadata().toString());
    }

    private boolean has(String text) {
        return text != null && text.contains(secret);
    }

    private JsonNode metadata(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return has(node.textValue()) ? TextNode.valueOf(text(node.textValue())) : node;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.fields().forEachRemaining(field -> copy.set(text(field.getKey()), metadata(field.getValue())));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(item -> copy.add(metadata(item)));
            return copy;
        }
        return node;
    }
}
