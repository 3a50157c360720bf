package io.github.camelopenrouter.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.github.camelopenrouter.OpenRouterApiException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.camelopenrouter.wire.ChatResponse;
import io.github.camelopenrouter.wire.LenientReply;
import io.github.camelopenrouter.wire.RequestBody;
import io.github.camelopenrouter.wire.StreamingRequestBody;
import io.github.camelopenrouter.wire.WireJson;

/**
 * Sends one chat request over a non-blocking {@link HttpClient}: no thread waits while it is in flight. The body is
 * pulled from the {@link StreamingRequestBody} as the socket takes it, opened afresh for each attempt. Holds the API
 * key; never logs or prints it.
 */
public final class OpenRouterClient {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OpenRouterClient.class);

    private final HttpClient http;
    private final String baseUrl;
    private final URI chatCompletions;
    private final String[] headers;
    private final Duration requestTimeout;
    private final Delays delays;
    private final Redaction redaction;
    private final long maxResponseSize;

    /** 64 MB: far above any chat answer (a long one is a few hundred KB), well below what a small heap holds twice. */
    public static final long DEFAULT_MAX_RESPONSE_SIZE = 64L * 1024 * 1024;

    /**
     * @param requestTimeout how long one attempt may take, from sending to the last byte of the reply
     * @param timer          fires timeouts and retries (its thread only hands work over)
     * @param worker         runs what a timer fires: failing a timed-out attempt, sending a retry
     */
    public OpenRouterClient(HttpClient http, String baseUrl, String apiKey, String appUrl, String appTitle,
                            Duration requestTimeout, ScheduledExecutorService timer, Executor worker) {
        this(http, baseUrl, apiKey, appUrl, appTitle, requestTimeout, timer, worker, DEFAULT_MAX_RESPONSE_SIZE);
    }

    /** @param maxResponseSize the longest reply body read, in bytes: a longer one fails and its connection is closed */
    public OpenRouterClient(HttpClient http, String baseUrl, String apiKey, String appUrl, String appTitle,
                            Duration requestTimeout, ScheduledExecutorService timer, Executor worker, long maxResponseSize) {
        this(http, baseUrl, apiKey, new Attribution(appUrl, appTitle, null), requestTimeout, timer, worker,
                maxResponseSize);
    }

    /**
     * What OpenRouter shows about the calling application: its URL (HTTP-Referer), name (X-OpenRouter-Title) and
     * categories (X-OpenRouter-Categories, comma-separated); each may be null.
     */
    public record Attribution(String appUrl, String appTitle, String appCategories) {
    }

    public OpenRouterClient(HttpClient http, String baseUrl, String apiKey, Attribution attribution,
                            Duration requestTimeout, ScheduledExecutorService timer, Executor worker, long maxResponseSize) {
        this(http, baseUrl, apiKey, attribution, null, requestTimeout, timer, worker, maxResponseSize);
    }

    /**
     * @param proxyAuthorization the {@code Proxy-Authorization} value for a proxy that asks for credentials, or
     *                           {@code null}: the JDK sends it to the proxy only (on CONNECT for HTTPS)
     */
    public OpenRouterClient(HttpClient http, String baseUrl, String apiKey, Attribution attribution,
                            String proxyAuthorization, Duration requestTimeout, ScheduledExecutorService timer,
                            Executor worker, long maxResponseSize) {
        String appUrl = attribution.appUrl();
        String appTitle = attribution.appTitle();
        if (maxResponseSize < 1) {
            throw new IllegalArgumentException("maxResponseSize must be a positive number of bytes, got " + maxResponseSize);
        }
        this.maxResponseSize = maxResponseSize;
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout.toMillis() + " ms");
        }
        HeaderValues.check("The API key (apiKey option or OPENROUTER_API_KEY)", apiKey, false);
        HeaderValues.check("The appUrl option", appUrl, false);
        HeaderValues.check("The appTitle option", appTitle, true);
        HeaderValues.check("The appCategories option", attribution.appCategories(), true);
        this.redaction = new Redaction(apiKey);
        this.http = http;
        this.baseUrl = stripSlash(baseUrl);
        this.chatCompletions = URI.create(this.baseUrl + "/chat/completions");
        this.requestTimeout = requestTimeout;
        this.delays = new Delays(timer, worker);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + apiKey);
        if (appUrl != null) {
            h.put("HTTP-Referer", appUrl);
        }
        if (proxyAuthorization != null) {
            h.put("Proxy-Authorization", proxyAuthorization);
        }
        if (appTitle != null) {
            // OpenRouter reads the new name; the old one is still honoured by older deployments and gateways
            h.put("X-OpenRouter-Title", appTitle);
            h.put("X-Title", appTitle);
        }
        if (attribution.appCategories() != null && !attribution.appCategories().isBlank()) {
            // the SDK's simple encoding: the categories joined by commas
            h.put("X-OpenRouter-Categories", String.join(",", Arrays.stream(attribution.appCategories().split(","))
                    .map(String::trim).filter(c -> !c.isEmpty()).toList()));
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

    Duration requestTimeout() {
        return requestTimeout;
    }

    long maxResponseSize() {
        return maxResponseSize;
    }

    /** The failure with the API key taken out of its messages. */
    Throwable redacted(Throwable failure) {
        return redaction.failure(failure);
    }

    /**
     * One chat attempt. Completes with the reply, or exceptionally with {@link OpenRouterApiException} (an error reply),
     * an {@link HttpTimeoutException} naming the timeout that ran out, or another {@link IOException} (no whole reply).
     */
    CompletableFuture<ChatResponse> send(StreamingRequestBody body) {
        return send(chatCall(body));
    }

    /**
     * The chat completion read as server-sent events ({@code "stream": true} in the body): the deltas go to the
     * stream's sink as they arrive, the result is the whole reply, assembled.
     */
    static ApiCall<ChatResponse> chatStreamCall(StreamingRequestBody body, ChatStream stream) {
        return ApiCall.post("/chat/completions", "application/json", body, stream).accepting("text/event-stream");
    }

    /** The chat completion as an {@link ApiCall}: the streamed JSON body, the reply checked for errors in a 200. */
    static ApiCall<ChatResponse> chatCall(StreamingRequestBody body) {
        return ApiCall.post("/chat/completions", "application/json", body,
                (status, replyHeaders, bytes) -> decodeChat(status, replyHeaders, bytes));
    }

    /** One attempt of any call; completes as {@link #send(StreamingRequestBody)} does. */
    <T> CompletableFuture<T> send(ApiCall<T> call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(call.path().equals("/chat/completions")
                ? chatCompletions : URI.create(baseUrl + call.path()))
                .headers(headers)
                .header("Accept", call.accept());
        if (call.body() == null) {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            RequestBody body = call.body();
            HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(
                    () -> new BodyStream(body.open(), body.contentLength()));
            builder.header("Content-Type", call.contentType()).method(call.method(),
                    body.contentLength() >= 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, body.contentLength()) : stream);
        }
        HttpRequest request = builder.build();
        Attempt<T> attempt = new Attempt<>(this, call.decoder());
        ChatStream stream = call.decoder() instanceof ChatStream chat ? chat : null;
        if (stream != null) {
            stream.attach(attempt::abort);
        }
        // The reply is decoded, and the attempt completed, by the body subscriber as soon as the last byte is read, on
        // the client's executor. Waiting for sendAsync's future instead would cost a thread per request on small
        // machines: the JDK completes that future through CompletableFuture's default executor, which is a new thread
        // per task when the common pool has a parallelism of 1 (every machine with 2 CPUs). That future is still
        // where failures without a whole reply (connect, I/O, the JDK's own timeout) arrive.
        CompletableFuture<HttpResponse<Void>> exchange;
        try {
            exchange = http.sendAsync(request, info -> {
                attempt.bodyHandled = true;
                return stream != null && isEventStream(info)
                        ? attempt.streaming(stream, info) : new CappedBody(info, maxResponseSize, attempt);
            });
        } catch (RuntimeException e) {
            attempt.completeExceptionally(e);
            return attempt;
        }
        attempt.sent(exchange);
        // The watchdog is the only timer of an attempt; the request carries no HttpRequest.timeout. That one stops at
        // the reply's headers (a server that then stalls the body would hold the exchange forever), and racing it
        // against the watchdog made the failure depend on which fired first: the JDK's, when it won, can carry the
        // IOException of the connection it closed as its cause, and Camel matches onException clauses from the
        // deepest cause up, so onException(HttpTimeoutException.class) sometimes missed a timeout.
        try {
            attempt.watch(delays.schedule(attempt::timedOut, requestTimeout.toMillis()));
        } catch (RejectedExecutionException e) {
            attempt.abort(new EndpointStoppedException("The endpoint is stopping: request not sent", e));
            return attempt;
        }
        exchange.whenComplete((response, failure) -> {
            if (failure != null) {
                attempt.abort(redaction.failure(translate(unwrap(failure))));
            } else if (response != null && !attempt.bodyHandled && !attempt.isDone()) {
                // a reply the JDK never asked our body handler for: its answer to a proxy that refused the CONNECT
                // tunnel (407) is such a reply, and waiting for a body would hold the exchange until timeout. When the
                // handler was asked, its subscriber decides the attempt (it may still be finishing on another thread).
                attempt.body(new HttpResponse.ResponseInfo() {
                    @Override
                    public int statusCode() {
                        return response.statusCode();
                    }

                    @Override
                    public java.net.http.HttpHeaders headers() {
                        return response.headers();
                    }

                    @Override
                    public HttpClient.Version version() {
                        return response.version();
                    }
                }, new byte[0]);
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
            // kept as a suppressed exception, not the cause: see send(ApiCall) on why the cause chain matters
            HttpTimeoutException timeout = requestTimedOut();
            timeout.addSuppressed(failure);
            return timeout;
        }
        return failure;
    }

    HttpTimeoutException requestTimedOut() {
        return new HttpTimeoutException("OpenRouter at " + target() + " sent no complete reply within requestTimeout ("
                                        + requestTimeout.toMillis() + " ms)");
    }

    HttpTimeoutException streamStalled(int chunks) {
        return new HttpTimeoutException("OpenRouter at " + target() + " sent nothing on the stream for requestTimeout ("
                                        + requestTimeout.toMillis() + " ms), after " + chunks + " chunk(s)");
    }

    private static boolean isEventStream(HttpResponse.ResponseInfo info) {
        return info.statusCode() >= 200 && info.statusCode() <= 299 && info.headers().firstValue("Content-Type")
                .map(type -> type.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream")).orElse(false);
    }

    /** Host and port only: a base URL may carry user info or a query. */
    private String target() {
        return chatCompletions.getHost() + (chatCompletions.getPort() < 0 ? "" : ":" + chatCompletions.getPort());
    }

    <T> T decode(HttpResponse.ResponseInfo info, byte[] body, ApiCall.Decoder<T> decoder) {
        int status = info.statusCode();
        String contentType = info.headers().firstValue("Content-Type").orElse(null);
        if (status < 200 || status > 299) {
            // the key goes before the excerpt is cut, so that no part of it survives at the cut
            throw ErrorDecoder.fromStatus(status, redaction.bytes(body), contentType, retryAfter(info.headers()));
        }
        try {
            return decoder.decode(status, info.headers(), body);
        } catch (IOException e) {
            // a 2xx whose body is not what the endpoint sends (a proxy's page, a cut reply)
            throw ErrorDecoder.fromStatus(status, redaction.bytes(body), contentType, retryAfter(info.headers()));
        }
    }

    static ChatResponse decodeChat(int status, HttpHeaders headers, byte[] body) throws IOException {
        ChatResponse reply;
        try {
            reply = WireJson.RESPONSE_READER.readValue(body);
        } catch (MismatchedInputException e) {
            // valid JSON, unexpected types (a 64-bit token count, content as an array): the answer was paid for
            LenientReply lenient = LenientReply.read(body);
            reply = lenient.reply();
            if (reply != null && !lenient.problems().isEmpty()) {
                LOG.warn("OpenRouter's reply {} did not have the expected types; the answer is kept, the values it could"
                         + " not read were left out: {}", reply.id(), String.join("; ", lenient.problems()));
            }
        }
        if (reply == null) {
            String what = body.length > 0 && body[0] == '[' ? "a JSON array" : body.length > 0 && body[0] == '"' ? "a JSON string"
                    : "the JSON value " + ErrorDecoder.excerpt(body);
            throw new OpenRouterApiException("OpenRouter returned HTTP " + status + " with " + what
                                             + " instead of a chat completion", status, status, null, null,
                    ErrorDecoder.excerpt(body), retryAfter(headers));
        }
        OpenRouterApiException error = ErrorDecoder.fromReply(reply, retryAfter(headers));
        if (error != null) {
            throw error;
        }
        return reply.withGenerationId(headers.firstValue("X-Generation-Id").orElse(null));
    }

    static Duration retryAfter(HttpHeaders headers) {
        return RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), Clock.systemUTC());
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
