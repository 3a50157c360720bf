package io.github.camelopenrouter.simulator;

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
 * {@code POST /api/v1/chat/completions}: reads and records the request, draws its fault, lets the
 * {@link ChatResponder} decide the answer and schedules it after the latency.
 */
final class ChatCompletionsHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsHandler.class);

    private final boolean recordBodies;
    private final SimulatorState state;
    private final ChatResponder responder;
    private final ReplyScheduler replies;

    ChatCompletionsHandler(boolean recordBodies, SimulatorState state, ReplyScheduler replies) {
        this.recordBodies = recordBodies;
        this.state = state;
        this.responder = new ChatResponder(state);
        this.replies = replies;
    }

    void handle(HttpExchange exchange) throws IOException {
        if (!state.capacity.enter()) {
            try (InputStream in = exchange.getRequestBody()) {
                RequestBodies.discard(in);
            }
            String retryAfter = state.capacity.retryAfter();
            replies.send(exchange, Reply.json(429, ErrorBodies.forStatus(429, Capacity.REFUSAL_MESSAGE),
                    retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter)), Duration.ZERO);
            return;
        }
        try {
            handleAdmitted(exchange);
        } catch (IOException | RuntimeException e) {
            state.capacity.leave();
            throw e;
        }
    }

    private void handleAdmitted(HttpExchange exchange) throws IOException {
        byte[] body = null;
        RequestBodies.Skim skim = null;
        try (InputStream in = exchange.getRequestBody()) {
            if (recordBodies) {
                body = RequestBodies.readAll(in, exchange.getRequestHeaders().getFirst("Content-Length"));
            } else {
                skim = RequestBodies.skim(in);
            }
        }
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                copy(exchange.getRequestHeaders()), body == null ? "" : new String(body, StandardCharsets.UTF_8),
                body == null ? skim.bytes() : body.length);
        SimulatorState.Admission admission = state.admit(request);
        Reply reply;
        try {
            reply = responder.decide(request, body, skim, admission.fault());
        } catch (RuntimeException e) {
            // a bug of the simulator: say so in the reply rather than leave the test with a dropped connection
            LOG.warn("The OpenRouter simulator failed on request #{}", admission.index(), e);
            reply = Reply.json(500, ErrorBodies.forStatus(500, "OpenRouter simulator failed: " + e), Map.of());
        }
        Duration delay = state.latency();
        if (admission.fault() != null && admission.fault().kind() == Fault.Kind.DELAY) {
            delay = delay.plus(admission.fault().delay());
        }
        replies.send(exchange, reply, delay, state.capacity::leave);
    }

    /** An immutable copy whose lookups ignore case, as HTTP header names do. */
    private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
