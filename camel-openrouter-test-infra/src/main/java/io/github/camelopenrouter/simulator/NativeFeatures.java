package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What OpenRouter's own request features change in a reply, decided for one validated request: which model of
 * {@code models} answers (the unavailable ones are skipped), which provider serves it under the {@code provider}
 * preferences, the reasoning text and its tokens, the prompt-cache tokens and the web plugin's citations.
 *
 * @param model         the model that answers
 * @param provider      the provider that serves it
 * @param reasoning     the reasoning text sent back, or null (not asked, or asked with {@code exclude: true})
 * @param reasoningTokens tokens spent reasoning (also when the text is excluded)
 * @param cacheControl  whether the request has a top-level {@code cache_control}
 * @param citations     {@code url_citation} annotations of the web plugin, empty without it
 */
record NativeFeatures(String model, String provider, String reasoning, long reasoningTokens, boolean cacheControl,
                      ArrayNode citations) {

    static final String SEARCH_URL = "https://search.simulator.invalid/result/";

    /** No model of the request is available: OpenRouter answers 503. */
    static final class NoModelAvailable extends Exception {
        NoModelAvailable(String message) {
            super(message);
        }
    }

    static NativeFeatures of(JsonNode root, Set<String> unavailableModels, String lastUserText) throws NoModelAvailable {
        String model = servingModel(root, unavailableModels);
        String reasoning = null;
        long reasoningTokens = 0;
        String effort = reasoningAsked(root);
        if (effort != null) {
            String text = "Simulated reasoning (" + effort + "): the question was read, the answer follows.";
            reasoningTokens = Usage.ceilQuarter(text.length());
            reasoning = root.path("reasoning").path("exclude").asBoolean(false) ? null : text;
        }
        boolean cache = root.path("cache_control").isObject();
        return new NativeFeatures(model, provider(root), reasoning, reasoningTokens, cache, citations(root, lastUserText));
    }

    /** The first available of {@code models} when given (the fallback list), else {@code model}, else the default. */
    static String servingModel(JsonNode root, Set<String> unavailable) throws NoModelAvailable {
        List<String> candidates = new ArrayList<>();
        root.path("models").forEach(m -> candidates.add(m.asText()));
        if (candidates.isEmpty()) {
            candidates.add(root.path("model").isTextual() ? root.path("model").asText() : Completion.DEFAULT_MODEL);
        }
        for (String candidate : candidates) {
            if (!unavailable.contains(candidate)) {
                return candidate;
            }
        }
        throw new NoModelAvailable("No endpoints available for " + String.join(", ", candidates)
                                   + " (made unavailable in the simulator)");
    }

    /** The first of {@code provider.order} not ignored, else the first of {@code provider.only}, else the default. */
    static String provider(JsonNode root) {
        JsonNode provider = root.path("provider");
        Set<String> ignored = new HashSet<>();
        provider.path("ignore").forEach(p -> ignored.add(p.asText()));
        for (String list : new String[] { "order", "only" }) {
            for (JsonNode slug : provider.path(list)) {
                if (!ignored.contains(slug.asText())) {
                    return slug.asText();
                }
            }
        }
        return ErrorBodies.PROVIDER_NAME;
    }

    /** The effort asked ("max_tokens N" for a budget), or null when reasoning is not asked or is off. */
    private static String reasoningAsked(JsonNode root) {
        JsonNode reasoning = root.path("reasoning");
        String effort = reasoning.path("effort").isTextual() ? reasoning.path("effort").asText()
                : root.path("reasoning_effort").isTextual() ? root.path("reasoning_effort").asText() : null;
        if (reasoning.path("max_tokens").isIntegralNumber()) {
            return "max_tokens " + reasoning.path("max_tokens").asLong();
        }
        if (effort != null) {
            return "none".equals(effort) ? null : "effort " + effort;
        }
        return reasoning.path("enabled").asBoolean(false) || reasoning.path("exclude").isBoolean() ? "effort medium" : null;
    }

    /** One {@code url_citation} per result, max_results of them (OpenRouter's default: 5), when the web plugin is on. */
    private static ArrayNode citations(JsonNode root, String query) {
        ArrayNode citations = Json.MAPPER.createArrayNode();
        for (JsonNode plugin : root.path("plugins")) {
            if (!"web".equals(plugin.path("id").asText()) || !plugin.path("enabled").asBoolean(true)) {
                continue;
            }
            int results = plugin.path("max_results").asInt(5);
            String engine = plugin.path("engine").asText("native");
            for (int i = 1; i <= results; i++) {
                citations.addObject().put("type", "url_citation").putObject("url_citation")
                        .put("url", SEARCH_URL + i)
                        .put("title", "Result " + i + " (" + engine + ")")
                        .put("content", "What the web says about: " + abbreviate(query))
                        .put("start_index", 0)
                        .put("end_index", 10);
            }
        }
        return citations;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 60 ? text.substring(0, 60) : text;
    }
}
