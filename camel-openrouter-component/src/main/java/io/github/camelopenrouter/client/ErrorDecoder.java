package io.github.camelopenrouter.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.camelopenrouter.OpenRouterApiException;
import io.github.camelopenrouter.wire.ApiError;
import io.github.camelopenrouter.wire.ChatResponse;
import io.github.camelopenrouter.wire.WireJson;

/** Turns OpenRouter's error replies - JSON, or whatever a proxy in front of it sends - into {@link OpenRouterApiException}. */
final class ErrorDecoder {

    private static final int EXCERPT = 200;

    private ErrorDecoder() {
    }

    static OpenRouterApiException fromStatus(int status, byte[] body, String contentType, Duration retryAfter) {
        if (status == 407) {
            // the proxy's answer, not OpenRouter's: say where to look
            return new OpenRouterApiException("The HTTP proxy refused the request with HTTP 407 (Proxy Authentication"
                                              + " Required): set proxyAuthUsername and proxyAuthPassword to credentials"
                                              + " the proxy accepts", status, status, null, null, excerpt(body), retryAfter);
        }
        ApiError error = parse(body);
        if (error != null) {
            return fromError(status, error, "OpenRouter returned HTTP " + status, retryAfter);
        }
        String excerpt = excerpt(body);
        String kind = contentType == null ? "a non-JSON body" : "a non-JSON body (" + contentType + ")";
        return new OpenRouterApiException("OpenRouter returned HTTP " + status + " with " + kind
                                          + (excerpt.isEmpty() ? "" : ": " + excerpt),
                status, status, null, null, excerpt, retryAfter);
    }

    /** The error a 200 reply carries, at the top level or in its first choice; null when it carries none. */
    static OpenRouterApiException fromReply(ChatResponse reply, Duration retryAfter) {
        if (reply.error() != null) {
            return fromError(200, reply.error(), "OpenRouter returned an error in a 200 reply", retryAfter);
        }
        ChatResponse.Choice choice = reply.firstChoice();
        if (choice != null && "error".equals(choice.finishReason())) {
            ApiError error = choice.error() != null ? choice.error()
                    : new ApiError(null, "generation ended with finish_reason \"error\"", null);
            return fromError(200, error, "OpenRouter's generation failed (finish_reason \"error\")", retryAfter);
        }
        return null;
    }

    private static OpenRouterApiException fromError(int status, ApiError error, String prefix, Duration retryAfter) {
        int code = error.codeOr(status);
        String message = error.message() == null ? "(no message)" : error.message();
        String codeNote = code != status ? " (code " + code + ")" : "";
        return new OpenRouterApiException(prefix + codeNote + ": " + message, status, code, message, error.metadata(), null,
                retryAfter);
    }

    private static ApiError parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            WireJson.ErrorEnvelope envelope = WireJson.ERROR_READER.readValue(body);
            return envelope == null ? null : envelope.error();
        } catch (IOException e) {
            return null;
        }
    }

    static String excerpt(byte[] body) {
        if (body == null) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
    }
}
