package io.github.camelopenrouter.examples.streaming;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import org.apache.camel.Exchange;

/**
 * The browsers (or curl) waiting for an answer, each an open server-sent-events response, found by the id of the
 * exchange that carries its question - the {@code CamelOpenRouterStreamCorrelationId} of every delta. Writing blocks
 * while a client reads slowly; the component then stops reading OpenRouter's stream for that answer (back-pressure),
 * so a slow reader costs no memory.
 *
 * <p>Events: {@code data: <delta>} with {@code id: <index>} for each delta, then {@code event: answer} with the whole
 * answer and {@code event: cost} with the cost in USD (or {@code event: error} with the message).
 */
public final class SseAnswers {

    private final Map<String, HttpExchange> open = new ConcurrentHashMap<>();

    /** Starts the event stream of one question: headers now, events as the answer comes. */
    public void open(String exchangeId, HttpExchange http) throws IOException {
        http.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        http.getResponseHeaders().set("Cache-Control", "no-cache");
        http.sendResponseHeaders(200, 0);
        open.put(exchangeId, http);
    }

    /** One delta of the answer (the streamTo route calls this); the end marker is not sent, {@link #finish} is. */
    public void delta(Exchange delta) throws IOException {
        if (Boolean.TRUE.equals(delta.getMessage().getHeader("CamelOpenRouterStreamEnd"))) {
            return;
        }
        HttpExchange http = open.get(delta.getMessage().getHeader("CamelOpenRouterStreamCorrelationId", String.class));
        if (http != null) {
            write(http, "id: " + delta.getMessage().getHeader("CamelOpenRouterStreamIndex") + "\n"
                        + data(delta.getMessage().getBody(String.class)) + "\n");
        }
    }

    /** The question's exchange completed: the whole answer and its cost (or the error), then the stream ends. */
    public void finish(Exchange question) throws IOException {
        HttpExchange http = open.remove(question.getExchangeId());
        if (http == null) {
            return;
        }
        try {
            Exception failure = question.getException() != null ? question.getException()
                    : question.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            if (failure != null) {
                write(http, "event: error\n" + data(failure.getMessage()) + "\n");
            } else {
                write(http, "event: answer\n" + data(question.getMessage().getBody(String.class)) + "\n"
                            + "event: cost\n" + data(String.valueOf(question.getMessage().getHeader("CamelOpenRouterCost")))
                            + "\n");
            }
        } finally {
            http.close();
        }
    }

    /** SSE data lines: a text with line breaks becomes several data lines, which the client joins again. */
    private static String data(String text) {
        StringBuilder lines = new StringBuilder();
        for (String line : (text == null ? "" : text).split("\n", -1)) {
            lines.append("data: ").append(line).append('\n');
        }
        return lines.toString();
    }

    private static void write(HttpExchange http, String event) throws IOException {
        OutputStream out = http.getResponseBody();
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
