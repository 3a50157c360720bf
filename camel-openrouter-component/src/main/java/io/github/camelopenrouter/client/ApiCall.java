package io.github.camelopenrouter.client;

import java.net.http.HttpHeaders;
import java.time.Duration;

import io.github.camelopenrouter.OpenRouterApiException;
import io.github.camelopenrouter.wire.RequestBody;

/**
 * One request to an OpenRouter endpoint, as the client sends it: method, path (with its query) below the base URL, the
 * body if any, and how a 2xx reply becomes a result. Error statuses never reach the decoder: they become
 * {@link OpenRouterApiException}, and the same {@link RetryPolicy} as chat decides about retrying them.
 *
 * @param what           names the call in logs and messages ("GET /models"), never with the key
 * @param notFoundWindow how long a 404 is sent again ({@code GET /generation} becomes readable a moment after the
 *                       call); {@link Duration#ZERO} for never
 */
public record ApiCall<T>(String method, String path, String contentType, String accept, RequestBody body, Decoder<T> decoder,
                         String what, Duration notFoundWindow) {

    /** Delay between the attempts of a 404 that is sent again. */
    public static final long NOT_FOUND_RETRY_MILLIS = 250;

    /** A 2xx reply to a result; may throw {@link OpenRouterApiException} for a 2xx that carries an error. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(int status, HttpHeaders headers, byte[] body) throws java.io.IOException;
    }

    public static <T> ApiCall<T> get(String path, Decoder<T> decoder) {
        return new ApiCall<>("GET", path, null, "application/json", null, decoder, "GET " + pathOnly(path), Duration.ZERO);
    }

    public static <T> ApiCall<T> delete(String path, Decoder<T> decoder) {
        return new ApiCall<>("DELETE", path, null, "application/json", null, decoder, "DELETE " + pathOnly(path),
                Duration.ZERO);
    }

    public static <T> ApiCall<T> post(String path, String contentType, RequestBody body, Decoder<T> decoder) {
        return new ApiCall<>("POST", path, contentType, "application/json", body, decoder, "POST " + pathOnly(path),
                Duration.ZERO);
    }

    public ApiCall<T> accepting(String mediaType) {
        return new ApiCall<>(method, path, contentType, mediaType, body, decoder, what, notFoundWindow);
    }

    public ApiCall<T> retryingNotFoundFor(Duration window) {
        return new ApiCall<>(method, path, contentType, accept, body, decoder, what, window);
    }

    /** A body-less call repeats; one with a body only when its body does. */
    public boolean isRepeatable() {
        return body == null || body.isRepeatable();
    }

    private static String pathOnly(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
