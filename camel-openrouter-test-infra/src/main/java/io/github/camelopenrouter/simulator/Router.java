package io.github.camelopenrouter.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends each request to its endpoint; anything else gets an OpenRouter-style 404. */
final class Router implements HttpHandler {

    static final String CHAT_COMPLETIONS = "/api/v1/chat/completions";
    static final String MODELS = "/api/v1/models";

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final ChatCompletionsHandler chat;

    Router(ChatCompletionsHandler chat) {
        this.chat = chat;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            if (CHAT_COMPLETIONS.equals(path) && "POST".equals(method)) {
                chat.handle(exchange);
            } else if (MODELS.equals(path) && "GET".equals(method)) {
                RequestBodies.discard(exchange.getRequestBody());
                Reply.json(200, ModelCatalog.list(exchange.getRequestURI().getRawQuery()), Map.of()).writeTo(exchange);
                exchange.close();
            } else {
                RequestBodies.discard(exchange.getRequestBody());
                Reply.json(404, ErrorBodies.forStatus(404, "No endpoint " + method + " " + path
                        + ": the simulator serves POST " + CHAT_COMPLETIONS + " and GET " + MODELS), Map.of())
                        .writeTo(exchange);
                exchange.close();
            }
        } catch (Exception e) {
            // a client that went away while sending; its connection is of no further use
            LOG.debug("{} {} failed: {}", method, path, e.toString());
            exchange.close();
        }
    }
}
