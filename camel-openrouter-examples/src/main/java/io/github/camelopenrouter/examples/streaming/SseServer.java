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
import org.apache.camel.CamelContextAware;
import org.apache.camel.Service;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/**
 * {@code GET /ask?q=<question>} answers with server-sent events (the JDK's own HTTP server: nothing to add to the
 * classpath). The handler only opens the event stream and hands the question to {@code direct:ask} without waiting: a
 * thousand open questions hold no thread while the model thinks.
 */
public final class SseServer implements Service, CamelContextAware {

    private final SseAnswers answers;
    private final int requestedPort;
    private CamelContext camel;
    private HttpServer server;
    private ExecutorService handlers;

    /** @param port 0 for any free port */
    public SseServer(SseAnswers answers, int port) {
        this.answers = answers;
        this.requestedPort = port;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camel = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camel;
    }

    /** Listens once Camel runs (Camel starts it as one of its services). */
    @Override
    public void start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", requestedPort), 64);
            ProducerTemplate template = camel.createProducerTemplate();
            handlers = Executors.newFixedThreadPool(2);
            http.createContext("/ask", exchange -> ask(exchange, camel, template, answers));
            http.setExecutor(handlers);
            http.start();
            server = http;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on port " + requestedPort + ": " + e.getMessage(), e);
        }
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
    public void stop() {
        if (server != null) {
            server.stop(0);
            handlers.shutdownNow();
            server = null;
        }
    }
}
