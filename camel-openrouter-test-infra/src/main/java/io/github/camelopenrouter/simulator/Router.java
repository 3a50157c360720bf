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
    private final ApiHandler api;

    Router(ChatCompletionsHandler chat, ApiHandler api) {
        this.chat = chat;
        this.api = api;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            if (CHAT_COMPLETIONS.equals(path) && "POST".equals(method)) {
                chat.handle(exchange);
            } else if (ApiHandler.serves(method, path)) {
                api.handle(exchange);
            } else {
                RequestBodies.discard(exchange.getRequestBody());
                Reply.json(404, ErrorBodies.forStatus(404, "No endpoint " + method + " " + path
                        + ": the simulator serves POST " + CHAT_COMPLETIONS + ", GET " + MODELS + ", POST and GET /api/v1/files,"
                        + " GET and DELETE /api/v1/files/{id}, GET /api/v1/files/{id}/content, POST /api/v1/embeddings,"
                        + " GET /api/v1/generation, GET /api/v1/credits and GET /api/v1/key"), Map.of())
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
