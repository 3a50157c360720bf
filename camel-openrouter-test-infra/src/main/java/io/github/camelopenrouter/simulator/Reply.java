package io.github.camelopenrouter.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A decided answer, written later: deciding happens on the handler thread, writing may happen after
 * the latency on another thread. The caller closes the exchange after {@link #writeTo}.
 */
@FunctionalInterface
interface Reply {

    void writeTo(HttpExchange exchange) throws IOException;

    static Reply json(int status, String body, Map<String, String> headers) {
        return fixed(status, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    static Reply fixed(int status, String contentType, byte[] body, Map<String, String> headers) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            headers.forEach(exchange.getResponseHeaders()::set);
            // -1: no body at all; a length of 0 would mean chunked encoding to HttpServer
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        };
    }

    /** Server-sent events, each flushed as it is written. */
    static Reply eventStream(List<String> events, Map<String, String> headers) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String event : events) {
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        };
    }

    /**
     * Nothing at all: closing an exchange whose response never started closes the socket
     * ({@code ExchangeImpl.close()}), so the client reads end-of-stream where it expected a status line.
     */
    static Reply dropConnection() {
        return exchange -> {
        };
    }

    /**
     * 200 headers promising the whole body, half of it, then nothing: closing the exchange with bytes
     * still owed makes HttpServer close the socket, so the client meets end-of-stream mid-body.
     */
    static Reply dropMidReply(byte[] body, Map<String, String> headers) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            // not closing out here: the caller's exchange.close() finds bytes missing and drops the socket
        };
    }
}
