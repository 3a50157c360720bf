package io.github.camelopenrouter.simulator;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A misbehaviour the simulator shows instead of (or on top of) its normal reply. Immutable.
 *
 * <p>Two families, which differ in whether the request is looked at:
 * <ul>
 *   <li><b>Transport faults</b> ({@link #status}, {@link #error}, {@link #rateLimited}, {@link #htmlPage},
 *       {@link #dropConnection}, {@link #dropMidReply}) replace the reply without authenticating or
 *       validating the request: they model the network, a proxy or OpenRouter refusing up front.</li>
 *   <li><b>Generation faults</b> ({@link #delay}, {@link #errorInBody200}, {@link #finishReasonError}, and for
 *       streams {@link #streamDrop}, {@link #streamStall}, {@link #slowFirstToken})
 *       happen once the request passed authentication and validation, as on OpenRouter where a 200
 *       can only carry an error after generation started; a bad request still gets its 401/400.</li>
 * </ul>
 */
public final class Fault {

    /** What kind of fault; {@link SimulatorStats} counts them per kind. */
    public enum Kind {
        /** a status code with a body ({@link #status}, {@link #error}, {@link #rateLimited}) */
        STATUS,
        HTML_PAGE,
        DROP_CONNECTION,
        DROP_MID_REPLY,
        DELAY,
        ERROR_IN_BODY_200,
        FINISH_REASON_ERROR,
        /** a stream that ends after some deltas, without usage and [DONE] */
        STREAM_DROP,
        /** a stream that goes silent after some deltas, then carries on */
        STREAM_STALL,
        /** a stream whose first delta comes late, with processing comments meanwhile */
        SLOW_FIRST_TOKEN
    }

    private final Kind kind;
    private final int status;
    private final String body;
    private final String contentType;
    private final Duration delay;
    private final Map<String, String> headers;
    private final int afterDeltas;

    private Fault(Kind kind, int status, String body, String contentType, Duration delay,
                  Map<String, String> headers) {
        this(kind, status, body, contentType, delay, headers, 0);
    }

    private Fault(Kind kind, int status, String body, String contentType, Duration delay,
                  Map<String, String> headers, int afterDeltas) {
        this.afterDeltas = afterDeltas;
        this.kind = kind;
        this.status = status;
        this.body = body;
        this.contentType = contentType;
        this.delay = delay;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    private static Fault of(Kind kind, int status, String body, String contentType) {
        return new Fault(kind, status, body, contentType, Duration.ZERO, Map.of());
    }

    /** Replies {@code status} with this JSON body, e.g. 402 with an OpenRouter error body. */
    public static Fault status(int status, String jsonBody) {
        checkStatus(status);
        return of(Kind.STATUS, status, Objects.requireNonNull(jsonBody, "jsonBody"), "application/json");
    }

    /**
     * Replies {@code status} with {@code {"error":{"code":status,"message":message,"metadata":{"error_type":...}}}}.
     * error_type: 400 invalid_request, 401 unauthorized, 402 payment_required, 403 moderation (metadata
     * also has reasons ["violence"], flagged_input, provider_name), 404 not_found, 408 timeout,
     * 413 payload_too_large, 429 rate_limit_exceeded, 500 server_error, other 5xx provider_error (with
     * provider_name "SimProvider").
     */
    public static Fault error(int status, String message) {
        checkStatus(status);
        return status(status, ErrorBodies.forStatus(status, message));
    }

    /** 429 with a rate-limit error body and, unless the value is null, a {@code Retry-After} header. */
    public static Fault rateLimited(String retryAfterHeaderValue) {
        Fault fault = error(429, "Rate limit exceeded: too many requests, slow down");
        return retryAfterHeaderValue == null ? fault : fault.withHeader("Retry-After", retryAfterHeaderValue);
    }

    /** A {@code text/html} page as nginx or Cloudflare show it in front of an API. */
    public static Fault htmlPage(int status) {
        checkStatus(status);
        String title = status + " " + HtmlPages.reason(status);
        String page = "<html><head><title>" + title + "</title></head><body><center><h1>" + title
                + "</h1></center><hr><center>nginx</center></body></html>";
        return of(Kind.HTML_PAGE, status, page, "text/html");
    }

    /** Closes the connection without sending a single byte of reply. */
    public static Fault dropConnection() {
        return of(Kind.DROP_CONNECTION, 0, "", null);
    }

    /** Sends 200 headers with a Content-Length, then part of the body, then closes the connection. */
    public static Fault dropMidReply() {
        return of(Kind.DROP_MID_REPLY, 200, "", "application/json");
    }

    /** The normal reply, but {@code delay} later (on top of the simulator's latency). */
    public static Fault delay(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive, got " + delay);
        }
        return new Fault(Kind.DELAY, 200, "", null, delay, Map.of());
    }

    /**
     * HTTP 200 whose body is only a top-level error: {@code {"error":{"code":502,"message":"Provider returned
     * error","metadata":{"provider_name":"SimProvider","error_type":"provider_error"}}}}. Streaming requests
     * get it as a mid-stream error chunk instead.
     */
    public static Fault errorInBody200() {
        return of(Kind.ERROR_IN_BODY_200, 200, "", "application/json");
    }

    /**
     * HTTP 200 with a completion whose {@code choices[0].finish_reason} is "error" and {@code choices[0].error}
     * is {@code {"code":502,"message":"Upstream generation failed","metadata":{...}}}.
     */
    public static Fault finishReasonError() {
        return of(Kind.FINISH_REASON_ERROR, 200, "", "application/json");
    }

    /**
     * A streamed reply ({@code "stream": true}) that sends {@code afterDeltas} content deltas, then ends the chunked
     * body: no usage, no {@code [DONE]}, as when OpenRouter's connection drops mid-answer. A request that does not
     * stream gets its normal reply.
     */
    public static Fault streamDrop(int afterDeltas) {
        checkDeltas(afterDeltas);
        return new Fault(Kind.STREAM_DROP, 200, "", null, Duration.ZERO, Map.of(), afterDeltas);
    }

    /**
     * A streamed reply that goes silent for {@code pause} after {@code afterDeltas} content deltas (no comment either),
     * then carries on to {@code [DONE]} - unless the client gave up first. A request that does not stream gets its
     * normal reply.
     */
    public static Fault streamStall(int afterDeltas, Duration pause) {
        checkDeltas(afterDeltas);
        if (pause == null || pause.isNegative()) {
            throw new IllegalArgumentException("pause must be zero or positive, got " + pause);
        }
        return new Fault(Kind.STREAM_STALL, 200, "", null, pause, Map.of(), afterDeltas);
    }

    /**
     * A streamed reply whose first content delta comes {@code wait} after the headers, with a
     * {@code : OPENROUTER PROCESSING} comment every {@link StreamShape#commentInterval()} (or once) meanwhile, as while
     * a model thinks. A request that does not stream gets its normal reply.
     */
    public static Fault slowFirstToken(Duration wait) {
        if (wait == null || wait.isNegative()) {
            throw new IllegalArgumentException("wait must be zero or positive, got " + wait);
        }
        return new Fault(Kind.SLOW_FIRST_TOKEN, 200, "", null, wait, Map.of(), 0);
    }

    private static void checkDeltas(int afterDeltas) {
        if (afterDeltas < 0) {
            throw new IllegalArgumentException("afterDeltas must be 0 or more, got " + afterDeltas);
        }
    }

    /** For stream faults: the content deltas sent before the fault shows. */
    public int afterDeltas() {
        return afterDeltas;
    }

    /** The same fault with one more response header (ignored by faults that send no headers). */
    public Fault withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Fault(kind, status, body, contentType, delay, more, afterDeltas);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status sent, 0 for {@link Kind#DROP_CONNECTION}. */
    public int status() {
        return status;
    }

    /** The body of {@link Kind#STATUS} and {@link Kind#HTML_PAGE} faults, "" for the others. */
    public String body() {
        return body;
    }

    public Duration delay() {
        return delay;
    }

    public Map<String, String> headers() {
        return headers;
    }

    String contentType() {
        return contentType;
    }

    /** Transport faults answer in place of the request handling; generation faults need a valid request. */
    boolean replacesRequestHandling() {
        return switch (kind) {
            case STATUS, HTML_PAGE, DROP_CONNECTION, DROP_MID_REPLY -> true;
            case DELAY, ERROR_IN_BODY_200, FINISH_REASON_ERROR, STREAM_DROP, STREAM_STALL, SLOW_FIRST_TOKEN -> false;
        };
    }

    private static void checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 100..599, got " + status);
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STATUS, HTML_PAGE -> kind + "(" + status + ")";
            case DELAY, SLOW_FIRST_TOKEN -> kind + "(" + delay + ")";
            case STREAM_DROP -> kind + "(after " + afterDeltas + " deltas)";
            case STREAM_STALL -> kind + "(after " + afterDeltas + " deltas, " + delay + ")";
            default -> kind.toString();
        } + (headers.isEmpty() ? "" : " " + headers);
    }
}
