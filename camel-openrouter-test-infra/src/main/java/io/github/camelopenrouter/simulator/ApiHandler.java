package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every endpoint but chat completions: reads and records the request ({@link ApiRequest}), draws its fault from the
 * API fault queue, authenticates it (except {@code GET /models}, which is public), and answers.
 */
final class ApiHandler {

    static final String FILES = "/api/v1/files";
    static final String MODELS = "/api/v1/models";
    static final String EMBEDDINGS = "/api/v1/embeddings";
    static final String GENERATION = "/api/v1/generation";
    static final String CREDITS = "/api/v1/credits";
    static final String KEY = "/api/v1/key";

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final SimulatorState state;
    private final ReplyScheduler replies;
    private final FilesEndpoint files;
    private final AccountEndpoints account;

    ApiHandler(SimulatorState state, ReplyScheduler replies) {
        this.state = state;
        this.replies = replies;
        this.files = new FilesEndpoint(state.files);
        this.account = new AccountEndpoints(state);
    }

    /** @return whether this handler serves the method and path */
    static boolean serves(String method, String path) {
        return switch (path) {
            case FILES -> method.equals("POST") || method.equals("GET");
            case MODELS, GENERATION, CREDITS, KEY -> method.equals("GET");
            case EMBEDDINGS -> method.equals("POST");
            default -> path.startsWith(FILES + "/") && fileAction(method, path.substring(FILES.length() + 1)) != null;
        };
    }

    void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, List<String>> headers = copy(exchange.getRequestHeaders());
        List<MultipartReader.Part> parts = null;
        String problem = null;
        byte[] body;
        long bodyBytes;
        try (InputStream in = exchange.getRequestBody()) {
            String boundary = MultipartReader.boundary(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (FILES.equals(path) && "POST".equals(method) && boundary != null) {
                CountingStream counting = new CountingStream(in);
                try {
                    parts = MultipartReader.read(counting, boundary, state.files.maxBytes());
                } catch (InvalidRequestException e) {
                    problem = e.getMessage();
                }
                RequestBodies.discard(counting);
                body = new byte[0];
                bodyBytes = counting.count;
            } else {
                body = RequestBodies.readAll(in, exchange.getRequestHeaders().getFirst("Content-Length"));
                bodyBytes = body.length;
            }
        }
        List<ApiRequest.UploadedPart> uploaded = parts == null ? List.of() : parts.stream()
                .map(p -> new ApiRequest.UploadedPart(p.name(), p.filename(), p.contentType(), p.size(), p.sha256()))
                .toList();
        ApiRequest request = new ApiRequest(method, path, query, headers, new String(body, StandardCharsets.UTF_8),
                uploaded, bodyBytes);
        Fault fault;
        synchronized (state) {
            int index = state.apiLog.add(request);
            fault = state.apiFaults.next(index);
        }
        Reply reply;
        try {
            reply = fault != null ? transportFault(fault) : answer(request, parts, problem, body);
        } catch (RuntimeException e) {
            LOG.warn("The OpenRouter simulator failed on {}", request, e);
            reply = Reply.json(500, ErrorBodies.forStatus(500, "OpenRouter simulator failed: " + e), Map.of());
        }
        replies.send(exchange, reply, Duration.ZERO);
    }

    private Reply answer(ApiRequest request, List<MultipartReader.Part> parts, String problem, byte[] body) {
        String path = request.path();
        String authorization = request.header("Authorization");
        if (!MODELS.equals(path)) {
            String authProblem = ApiKeys.problem(authorization);
            if (authProblem != null) {
                return Reply.json(401, ErrorBodies.plain(401, authProblem), Map.of());
            }
        }
        if (problem != null) {
            return FilesEndpoint.error(400, problem);
        }
        switch (path) {
            case FILES:
                return "POST".equals(request.method()) ? files.upload(parts) : files.list(request.query());
            case MODELS:
                try {
                    return Reply.json(200, ModelCatalog.list(request.query()), Map.of());
                } catch (InvalidRequestException e) {
                    return FilesEndpoint.error(400, e.getMessage());
                }
            case EMBEDDINGS:
                return embeddings(body, request.header("HTTP-Referer"));
            case GENERATION:
                return account.generation(request.query());
            case CREDITS:
                return account.credits(authorization);
            case KEY:
                return account.key(authorization);
            default:
                String rest = path.substring(FILES.length() + 1);
                String action = fileAction(request.method(), rest);
                String id = rest.endsWith("/content") ? rest.substring(0, rest.length() - "/content".length()) : rest;
                return switch (action) {
                    case "get" -> files.get(id);
                    case "delete" -> files.delete(id);
                    default -> files.download(id);
                };
        }
    }

    private Reply embeddings(byte[] body, String referer) {
        Embeddings.Request parsed;
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            parsed = Embeddings.parse(root);
        } catch (JacksonException e) {
            return FilesEndpoint.error(400, "Request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return FilesEndpoint.error(400, "Request body is not valid JSON: " + e.getMessage());
        } catch (InvalidRequestException e) {
            return FilesEndpoint.error(400, e.getMessage());
        }
        String id = state.nextGenerationId();
        Embeddings.Result result = Embeddings.answer(parsed, id);
        state.charge(new GenerationLog.Call(id, result.model(), "embeddings", result.promptTokens(), 0, result.cost(),
                false, null, referer, 0));
        return Reply.json(200, result.json(), Map.of("X-Generation-Id", id));
    }

    private static String fileAction(String method, String rest) {
        if (rest.isEmpty()) {
            return null;
        }
        if (rest.endsWith("/content")) {
            String id = rest.substring(0, rest.length() - "/content".length());
            return method.equals("GET") && !id.isEmpty() && !id.contains("/") ? "download" : null;
        }
        if (rest.contains("/")) {
            return null;
        }
        return method.equals("GET") ? "get" : method.equals("DELETE") ? "delete" : null;
    }

    private static Reply transportFault(Fault fault) {
        return switch (fault.kind()) {
            case DROP_CONNECTION -> Reply.dropConnection();
            case DROP_MID_REPLY -> Reply.dropMidReply(
                    "{\"data\":{\"note\":\"cut off by the simulator's dropMidReply fault\"}}".getBytes(StandardCharsets.UTF_8),
                    fault.headers());
            case STATUS, HTML_PAGE -> Reply.fixed(fault.status(), fault.contentType(),
                    fault.body().getBytes(StandardCharsets.UTF_8), fault.headers());
            default -> throw new IllegalArgumentException("Fault " + fault.kind() + " applies to chat completions only");
        };
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
