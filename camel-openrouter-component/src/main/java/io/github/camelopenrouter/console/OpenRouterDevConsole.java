package io.github.camelopenrouter.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelopenrouter.OpenRouterComponent;
import io.github.camelopenrouter.OpenRouterEndpoint;
import io.github.camelopenrouter.health.AccountMonitor;
import io.github.camelopenrouter.health.AccountStatus;
import io.github.camelopenrouter.observe.EndpointStats;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonObject;

/**
 * {@code camel get openrouter} and the dev console's openrouter page: per endpoint its operation, model and base URL
 * (never the key: the URI is sanitised and the key is not an attribute), and since it started the requests, failures,
 * retries, tokens and cost, with what is under way now and the last account check.
 */
@DevConsole(name = "openrouter", displayName = "OpenRouter", description = "OpenRouter endpoints: calls, tokens, cost, in flight")
public class OpenRouterDevConsole extends AbstractDevConsole {

    public OpenRouterDevConsole() {
        super("camel", "openrouter", "OpenRouter", "OpenRouter endpoints: calls, tokens, cost, in flight");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (OpenRouterEndpoint endpoint : endpoints()) {
            EndpointStats stats = endpoint.getStats();
            text.append(String.format("%s%n    operation: %s  model: %s  base URL: %s%n"
                                      + "    requests: %d  failures: %d  retries: %d  in flight: %d  waiting for retry: %d%n"
                                      + "    tokens: %d in, %d out  cost: %.6f USD%n",
                    URISupport.sanitizeUri(endpoint.getEndpointUri()), endpoint.getConfiguration().getOperation(),
                    orDash(endpoint.getConfiguration().getModel()), endpoint.getConfiguration().getBaseUrl(),
                    stats.requests(), stats.failures(), stats.retries(), inFlight(endpoint), endpoint.getWaitingRetries(),
                    stats.inputTokens(), stats.outputTokens(), stats.cost()));
            AccountMonitor monitor = endpoint.getAccountMonitor();
            if (monitor != null) {
                AccountStatus status = monitor.status();
                text.append(String.format("    account: %s (%s)%n", status.state(), status.reason()));
            }
        }
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) instanceof OpenRouterComponent component) {
                text.append(String.format("component %s: limit %d, in flight %d, queued %d, refusals for load %d%n", name,
                        component.getConcurrencyLimit(), component.getRequestsInFlight(), component.getQueuedRequests(),
                        component.getLoadRefusals()));
            }
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        List<JsonObject> list = new ArrayList<>();
        for (OpenRouterEndpoint endpoint : endpoints()) {
            EndpointStats stats = endpoint.getStats();
            JsonObject json = new JsonObject();
            json.put("uri", URISupport.sanitizeUri(endpoint.getEndpointUri()));
            json.put("operation", endpoint.getConfiguration().getOperation().name());
            json.put("model", endpoint.getConfiguration().getModel());
            json.put("baseUrl", endpoint.getConfiguration().getBaseUrl());
            json.put("requests", stats.requests());
            json.put("failures", stats.failures());
            json.put("retries", stats.retries());
            json.put("inputTokens", stats.inputTokens());
            json.put("outputTokens", stats.outputTokens());
            json.put("cost", stats.cost());
            json.put("inFlight", inFlight(endpoint));
            json.put("waitingRetry", endpoint.getWaitingRetries());
            if (stats.lastErrorType() != null) {
                json.put("lastErrorType", stats.lastErrorType());
            }
            AccountMonitor monitor = endpoint.getAccountMonitor();
            if (monitor != null) {
                AccountStatus status = monitor.status();
                JsonObject account = new JsonObject();
                account.put("state", status.state().name());
                account.put("reason", status.reason());
                if (status.creditsRemaining() != null) {
                    account.put("creditsRemaining", status.creditsRemaining().toPlainString());
                }
                json.put("account", account);
            }
            list.add(json);
        }
        JsonObject root = new JsonObject();
        root.put("endpoints", list);
        List<JsonObject> components = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) instanceof OpenRouterComponent component) {
                JsonObject flow = new JsonObject();
                flow.put("name", name);
                flow.put("concurrencyLimit", component.getConcurrencyLimit());
                flow.put("inFlight", component.getRequestsInFlight());
                flow.put("queued", component.getQueuedRequests());
                flow.put("loadRefusals", component.getLoadRefusals());
                components.add(flow);
            }
        }
        root.put("components", components);
        return root;
    }

    private List<OpenRouterEndpoint> endpoints() {
        return getCamelContext().getEndpoints().stream().filter(OpenRouterEndpoint.class::isInstance)
                .map(OpenRouterEndpoint.class::cast).toList();
    }

    /** Sent and waiting for their reply: those under way less those waiting for a retry. */
    private static int inFlight(OpenRouterEndpoint endpoint) {
        return Math.max(0, endpoint.getActiveRequests() - endpoint.getWaitingRetries());
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
