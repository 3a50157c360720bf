package io.github.camelopenrouter.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camelopenrouter.OpenRouterApiException;
import io.github.camelopenrouter.wire.ChatResponse;
import io.github.camelopenrouter.wire.StreamingRequestBody;
import io.github.camelopenrouter.wire.WireJson;

/**
 * Sends chat requests over a non-blocking {@link HttpClient}: no thread waits while a request is in flight. The body is
 * pulled from the {@link StreamingRequestBody} as the socket takes it. Holds the API key; never logs or prints it.
 */
public final class OpenRouterClient {

    private final HttpClient http;
    private final URI chatCompletions;
    private final String[] headers;

    public OpenRouterClient(HttpClient http, String baseUrl, String apiKey, String appUrl, String appTitle) {
        this.http = http;
        this.chatCompletions = URI.create(stripSlash(baseUrl) + "/chat/completions");
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + apiKey);
        h.put("Content-Type", "application/json");
        h.put("Accept", "application/json");
        if (appUrl != null) {
            h.put("HTTP-Referer", appUrl);
        }
        if (appTitle != null) {
            // OpenRouter reads the new name; the old one is still honoured by older deployments and gateways
            h.put("X-OpenRouter-Title", appTitle);
            h.put("X-Title", appTitle);
        }
        this.headers = h.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public URI chatCompletionsUri() {
        return chatCompletions;
    }

    /**
     * Completes with the reply, or exceptionally with {@link OpenRouterApiException} (an error reply) or an
     * {@link IOException} (no reply).
     */
    public CompletableFuture<ChatResponse> chat(StreamingRequestBody body) {
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(body::open);
        HttpRequest request = HttpRequest.newBuilder(chatCompletions)
                .headers(headers)
                .POST(body.contentLength() >= 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, body.contentLength()) : stream)
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(OpenRouterClient::decode);
    }

    private static ChatResponse decode(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw ErrorDecoder.fromStatus(status, response.body(), response.headers().firstValue("Content-Type").orElse(null));
        }
        ChatResponse reply;
        try {
            reply = WireJson.RESPONSE_READER.readValue(response.body());
        } catch (IOException e) {
            throw ErrorDecoder.fromStatus(status, response.body(), response.headers().firstValue("Content-Type").orElse(null));
        }
        OpenRouterApiException error = ErrorDecoder.fromReply(reply);
        if (error != null) {
            throw error;
        }
        return reply;
    }

    /** The cause behind a failed future: the {@link OpenRouterApiException} or I/O error, not the wrapper. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
