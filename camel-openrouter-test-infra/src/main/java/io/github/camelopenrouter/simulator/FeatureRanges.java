package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The ranges and enums OpenRouter checks on its own request fields (sampling, reasoning, caching, routing,
 * tracking, the web plugin), as its API reference and SDK document them: a value outside is a 400 naming the
 * field, as OpenRouter answers.
 */
final class FeatureRanges {

    static final Set<String> EFFORTS = Set.of("none", "minimal", "low", "medium", "high", "xhigh", "max");
    static final Set<String> TTLS = Set.of("5m", "1h");
    static final Set<String> SORTS = Set.of("price", "throughput", "latency", "exacto");
    static final Set<String> DATA_COLLECTION = Set.of("allow", "deny");
    static final Set<String> WEB_ENGINES = Set.of("native", "exa", "firecrawl", "parallel", "perplexity");

    private FeatureRanges() {
    }

    static void validate(JsonNode root) throws InvalidRequestException {
        range(root, "top_p", 0, 1);
        range(root, "min_p", 0, 1);
        range(root, "frequency_penalty", -2, 2);
        range(root, "presence_penalty", -2, 2);
        JsonNode repetition = root.get("repetition_penalty");
        if (present(repetition) && !(repetition.isNumber() && repetition.asDouble() > 0 && repetition.asDouble() <= 2)) {
            throw new InvalidRequestException("repetition_penalty", "must be a number above 0, at most 2, got " + repetition);
        }
        JsonNode topK = root.get("top_k");
        if (present(topK) && !(topK.isIntegralNumber() && topK.asLong() >= 0)) {
            throw new InvalidRequestException("top_k", "must be an integer of 0 or more, got " + topK);
        }
        JsonNode seed = root.get("seed");
        if (present(seed) && !seed.isIntegralNumber()) {
            throw new InvalidRequestException("seed", "must be an integer, got " + seed);
        }
        validateStop(root.get("stop"));
        validateReasoning(root.get("reasoning"));
        validateCacheControl(root.get("cache_control"));
        validateProvider(root.get("provider"));
        validateTracking(root);
        validateWeb(root.get("plugins"));
    }

    private static void validateStop(JsonNode stop) throws InvalidRequestException {
        if (!present(stop) || stop.isTextual()) {
            return;
        }
        if (!stop.isArray() || stop.size() > 4) {
            throw new InvalidRequestException("stop", "must be a string or an array of at most 4 strings, got " + stop);
        }
        for (JsonNode sequence : stop) {
            if (!sequence.isTextual()) {
                throw new InvalidRequestException("stop", "must hold strings only, got " + sequence);
            }
        }
    }

    private static void validateReasoning(JsonNode reasoning) throws InvalidRequestException {
        if (!present(reasoning)) {
            return;
        }
        if (!reasoning.isObject()) {
            throw new InvalidRequestException("reasoning", "must be an object, got " + reasoning);
        }
        JsonNode effort = reasoning.get("effort");
        if (present(effort) && !(effort.isTextual() && EFFORTS.contains(effort.asText()))) {
            throw new InvalidRequestException("reasoning.effort",
                    "must be one of none, minimal, low, medium, high, xhigh, max, got " + effort);
        }
        JsonNode maxTokens = reasoning.get("max_tokens");
        if (present(maxTokens) && !(maxTokens.isIntegralNumber() && maxTokens.asLong() > 0)) {
            throw new InvalidRequestException("reasoning.max_tokens", "must be a positive integer, got " + maxTokens);
        }
        if (present(effort) && present(maxTokens)) {
            throw new InvalidRequestException("reasoning", "only one of effort and max_tokens may be set");
        }
        JsonNode exclude = reasoning.get("exclude");
        if (present(exclude) && !exclude.isBoolean()) {
            throw new InvalidRequestException("reasoning.exclude", "must be true or false, got " + exclude);
        }
    }

    private static void validateCacheControl(JsonNode cache) throws InvalidRequestException {
        if (!present(cache)) {
            return;
        }
        if (!cache.isObject() || !"ephemeral".equals(cache.path("type").asText())) {
            throw new InvalidRequestException("cache_control.type", "must be \"ephemeral\", got " + cache.get("type"));
        }
        JsonNode ttl = cache.get("ttl");
        if (present(ttl) && !(ttl.isTextual() && TTLS.contains(ttl.asText()))) {
            throw new InvalidRequestException("cache_control.ttl", "must be \"5m\" or \"1h\", got " + ttl);
        }
    }

    private static void validateProvider(JsonNode provider) throws InvalidRequestException {
        if (!present(provider)) {
            return;
        }
        if (!provider.isObject()) {
            throw new InvalidRequestException("provider", "must be an object, got " + provider);
        }
        oneOf(provider, "sort", SORTS, "provider.sort");
        oneOf(provider, "data_collection", DATA_COLLECTION, "provider.data_collection");
        for (String list : new String[] { "order", "only", "ignore", "quantizations" }) {
            JsonNode value = provider.get(list);
            if (present(value) && !value.isArray()) {
                throw new InvalidRequestException("provider." + list, "must be an array of strings, got " + value);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> prices = provider.path("max_price").fields(); prices.hasNext();) {
            Map.Entry<String, JsonNode> price = prices.next();
            if (!isPrice(price.getValue())) {
                throw new InvalidRequestException("provider.max_price." + price.getKey(),
                        "must be a price of 0 or more (a number or a decimal string), got " + price.getValue());
            }
        }
    }

    private static void validateTracking(JsonNode root) throws InvalidRequestException {
        JsonNode session = root.get("session_id");
        if (present(session) && !(session.isTextual() && session.asText().length() <= 256)) {
            throw new InvalidRequestException("session_id", "must be a string of at most 256 characters");
        }
        JsonNode user = root.get("user");
        if (present(user) && !user.isTextual()) {
            throw new InvalidRequestException("user", "must be a string, got " + user);
        }
        JsonNode metadata = root.get("metadata");
        if (!present(metadata)) {
            return;
        }
        if (!metadata.isObject() || metadata.size() > 16) {
            throw new InvalidRequestException("metadata", "must be an object of at most 16 pairs");
        }
        for (Iterator<Map.Entry<String, JsonNode>> pairs = metadata.fields(); pairs.hasNext();) {
            Map.Entry<String, JsonNode> pair = pairs.next();
            if (pair.getKey().length() > 64 || !pair.getValue().isTextual() || pair.getValue().asText().length() > 512) {
                throw new InvalidRequestException("metadata." + pair.getKey(),
                        "keys must have at most 64 characters and values must be strings of at most 512");
            }
        }
    }

    private static void validateWeb(JsonNode plugins) throws InvalidRequestException {
        if (plugins == null || !plugins.isArray()) {
            return;
        }
        for (int i = 0; i < plugins.size(); i++) {
            JsonNode plugin = plugins.get(i);
            if (!"web".equals(plugin.path("id").asText())) {
                continue;
            }
            JsonNode results = plugin.get("max_results");
            if (present(results) && !(results.isIntegralNumber() && results.asLong() >= 1)) {
                throw new InvalidRequestException("plugins[" + i + "].max_results", "must be a positive integer, got "
                        + results);
            }
            oneOf(plugin, "engine", WEB_ENGINES, "plugins[" + i + "].engine");
        }
    }

    private static boolean isPrice(JsonNode price) {
        if (price.isNumber()) {
            return price.asDouble() >= 0;
        }
        if (!price.isTextual()) {
            return false;
        }
        try {
            return new java.math.BigDecimal(price.asText()).signum() >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void range(JsonNode root, String field, double min, double max) throws InvalidRequestException {
        JsonNode value = root.get(field);
        if (present(value) && !(value.isNumber() && value.asDouble() >= min && value.asDouble() <= max)) {
            throw new InvalidRequestException(field, "must be a number from " + format(min) + " to " + format(max)
                    + ", got " + value);
        }
    }

    private static void oneOf(JsonNode parent, String field, Set<String> allowed, String path)
            throws InvalidRequestException {
        JsonNode value = parent.get(field);
        if (present(value) && !(value.isTextual() && allowed.contains(value.asText())) && !value.isObject()) {
            throw new InvalidRequestException(path, "must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + ", got " + value);
        }
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
