package io.github.camelopenrouter.examples.streaming;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/**
 * {@code GET /ask?q=<question>} answers with server-sent events (the JDK's own HTTP server: nothing to add to the
 * classpath). The handler only opens the event stream and hands the question to {@code direct:ask} without waiting: a
 * thousand open questions hold no thread while the model thinks.
 */
public final class SseServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(2);

    private SseServer(HttpServer server) {
        this.server = server;
    }

    /** @param port 0 for any free port */
    public static SseServer start(CamelContext camel, SseAnswers answers, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        SseServer sse = new SseServer(http);
        ProducerTemplate template = camel.createProducerTemplate();
        http.createContext("/ask", exchange -> sse.ask(exchange, camel, template, answers));
        http.setExecutor(sse.handlers);
        http.start();
        return sse;
    }

    private void ask(HttpExchange http, CamelContext camel, ProducerTemplate template, SseAnswers answers)
            throws IOException {
        String question = query(http, "q");
        if (question == null || question.isBlank()) {
            byte[] message = "Ask with /ask?q=your+question\n".getBytes(StandardCharsets.UTF_8);
            http.sendResponseHeaders(400, message.length);
            http.getResponseBody().write(message);
            http.close();
            return;
        }
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(question);
        answers.open(exchange.getExchangeId(), http);
        template.asyncSend("direct:ask", exchange);
    }

    private static String query(HttpExchange http, String name) {
        String raw = http.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
