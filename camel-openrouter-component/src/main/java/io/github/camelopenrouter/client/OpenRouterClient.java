package io.github.camelopenrouter.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;

import io.github.camelopenrouter.OpenRouterApiException;
import io.github.camelopenrouter.wire.ChatResponse;
import io.github.camelopenrouter.wire.StreamingRequestBody;
import io.github.camelopenrouter.wire.WireJson;

/**
 * Sends one chat request over a non-blocking {@link HttpClient}: no thread waits while it is in flight. The body is
 * pulled from the {@link StreamingRequestBody} as the socket takes it, opened afresh for each attempt. Holds the API
 * key; never logs or prints it.
 */
public final class OpenRouterClient {

    private final HttpClient http;
    private final URI chatCompletions;
    private final String[] headers;
    private final Duration requestTimeout;
    private final Delays delays;

    /**
     * @param requestTimeout how long one attempt may take, from sending to the last byte of the reply
     * @param timer          fires timeouts and retries (its thread only hands work over)
     * @param worker         runs what a timer fires: failing a timed-out attempt, sending a retry
     */
    public OpenRouterClient(HttpClient http, String baseUrl, String apiKey, String appUrl, String appTitle,
                            Duration requestTimeout, ScheduledExecutorService timer, Executor worker) {
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout.toMillis() + " ms");
        }
        this.http = http;
        this.chatCompletions = URI.create(stripSlash(baseUrl) + "/chat/completions");
        this.requestTimeout = requestTimeout;
        this.delays = new Delays(timer, worker);
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

    Delays delays() {
        return delays;
    }

    /**
     * One attempt. Completes with the reply, or exceptionally with {@link OpenRouterApiException} (an error reply), an
     * {@link HttpTimeoutException} naming the timeout that ran out, or another {@link IOException} (no whole reply).
     */
    CompletableFuture<ChatResponse> send(StreamingRequestBody body) {
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> new BodyStream(body));
        HttpRequest request = HttpRequest.newBuilder(chatCompletions)
                .headers(headers)
                .timeout(requestTimeout)
                .POST(body.contentLength() >= 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, body.contentLength()) : stream)
                .build();
        CompletableFuture<ChatResponse> attempt = new CompletableFuture<>();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        // HttpRequest.timeout stops at the reply's headers: a server that then stalls the body would hold the exchange
        // forever. The watchdog covers the whole attempt.
        ScheduledFuture<?> watchdog;
        try {
            watchdog = delays.schedule(() -> {
                if (attempt.completeExceptionally(requestTimedOut(null))) {
                    exchange.cancel(true);
                }
            }, requestTimeout.toMillis());
        } catch (RejectedExecutionException e) {
            exchange.cancel(true);
            attempt.completeExceptionally(new EndpointStoppedException("The endpoint is stopping: request not sent", e));
            return attempt;
        }
        exchange.whenComplete((response, failure) -> {
            watchdog.cancel(false);
            try {
                if (failure != null) {
                    attempt.completeExceptionally(translate(unwrap(failure)));
                } else {
                    attempt.complete(decode(response));
                }
            } catch (Throwable t) {
                attempt.completeExceptionally(t);
            }
        });
        return attempt;
    }

    /** The JDK says "request timed out": say which timeout, its value and where to. */
    private Throwable translate(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            String limit = http.connectTimeout().map(d -> "within connectTimeout (" + d.toMillis() + " ms)")
                    .orElse("within the HTTP client's connect timeout");
            HttpConnectTimeoutException clear = new HttpConnectTimeoutException(
                    "Could not connect to " + target() + " " + limit);
            clear.initCause(failure);
            return clear;
        }
        if (failure instanceof HttpTimeoutException) {
            return requestTimedOut(failure);
        }
        return failure;
    }

    private HttpTimeoutException requestTimedOut(Throwable cause) {
        HttpTimeoutException timeout = new HttpTimeoutException("OpenRouter at " + target()
                                                                + " sent no complete reply within requestTimeout ("
                                                                + requestTimeout.toMillis() + " ms)");
        if (cause != null) {
            timeout.initCause(cause);
        }
        return timeout;
    }

    /** Host and port only: a base URL may carry user info or a query. */
    private String target() {
        return chatCompletions.getHost() + (chatCompletions.getPort() < 0 ? "" : ":" + chatCompletions.getPort());
    }

    private static ChatResponse decode(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        if (status < 200 || status > 299) {
            throw ErrorDecoder.fromStatus(status, response.body(), contentType, retryAfter(response));
        }
        ChatResponse reply;
        try {
            reply = WireJson.RESPONSE_READER.readValue(response.body());
        } catch (IOException e) {
            throw ErrorDecoder.fromStatus(status, response.body(), contentType, retryAfter(response));
        }
        OpenRouterApiException error = ErrorDecoder.fromReply(reply, retryAfter(response));
        if (error != null) {
            throw error;
        }
        return reply;
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Clock.systemUTC());
    }

    /** The cause behind a failed future: the {@link OpenRouterApiException} or I/O error, not the wrapper. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The request body for one attempt; a failure to read its own source is told apart from a network failure. */
    private static final class BodyStream extends FilterInputStream {

        BodyStream(StreamingRequestBody body) {
            super(body.open());
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException | UncheckedIOException e) {
                throw new RequestBodyException("Cannot read the request body: " + e.getMessage(), e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException | UncheckedIOException e) {
                throw new RequestBodyException("Cannot read the request body: " + e.getMessage(), e);
            }
        }
    }
}
