package io.github.camelopenrouter.request;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;

/**
 * Which models and providers may answer: the fallback models (sent as {@code models}) and the {@code provider}
 * preferences, built from the provider options or taken whole from the {@code CamelOpenRouterProviderPreferences}
 * header.
 *
 * @param fallbackModels the models tried after the model, or null
 * @param provider       the {@code provider} object as it goes on the wire, or null
 */
public record RoutingSettings(List<String> fallbackModels, Map<String, Object> provider) {

    static final Set<String> DATA_COLLECTION = Set.of("allow", "deny");
    /** {@code ProviderSort} of the SDK. */
    static final Set<String> SORTS = Set.of("price", "throughput", "latency", "exacto");
    /** {@code Quantization} of the SDK. */
    static final Set<String> QUANTIZATIONS = Set.of("int4", "int8", "fp4", "mxfp4", "nvfp4", "fp6", "fp8", "mxfp8", "fp16",
            "bf16", "fp32", "unknown");
    /** The fields of the SDK's {@code ProviderPreferences$Outbound}: a header naming another is a typo. */
    static final Set<String> PROVIDER_FIELDS = Set.of("allow_fallbacks", "data_collection", "enforce_distillable_text",
            "ignore", "max_price", "only", "order", "preferred_max_latency", "preferred_min_throughput", "quantizations",
            "require_parameters", "sort", "zdr");

    static RoutingSettings read(SettingReader in) {
        List<String> fallbacks = in.list(OpenRouterConstants.FALLBACK_MODELS, in.options().getFallbackModels());
        Object header = in.header(OpenRouterConstants.PROVIDER_PREFERENCES);
        Map<String, Object> provider = header != null ? fromHeader(header) : fromOptions(in.options());
        return new RoutingSettings(fallbacks, provider);
    }

    /** The {@code models} list: the model first (OpenRouter tries them in this order), then the fallbacks. */
    public List<String> models(String model) {
        if (fallbackModels == null) {
            return null;
        }
        if (model == null) {
            return fallbackModels;
        }
        return Stream.concat(Stream.of(model), fallbackModels.stream())
                .distinct().toList();
    }

    private static Map<String, Object> fromOptions(OpenRouterConfiguration o) {
        Map<String, Object> provider = new LinkedHashMap<>();
        putIfSet(provider, "order", SettingReader.split(o.getProviderOrder()));
        putIfSet(provider, "only", SettingReader.split(o.getProviderOnly()));
        putIfSet(provider, "ignore", SettingReader.split(o.getProviderIgnore()));
        putIfSet(provider, "allow_fallbacks", o.getAllowFallbacks());
        putIfSet(provider, "require_parameters", o.getRequireParameters());
        putIfSet(provider, "data_collection",
                SettingReader.oneOf(blankToNull(o.getDataCollection()), DATA_COLLECTION, "dataCollection option"));
        putIfSet(provider, "zdr", o.getZdr());
        putIfSet(provider, "sort", SettingReader.oneOf(blankToNull(o.getProviderSort()), SORTS, "providerSort option"));
        Map<String, Object> maxPrice = new LinkedHashMap<>();
        putIfSet(maxPrice, "prompt", price(o.getMaxPricePrompt(), "maxPricePrompt"));
        putIfSet(maxPrice, "completion", price(o.getMaxPriceCompletion(), "maxPriceCompletion"));
        if (!maxPrice.isEmpty()) {
            provider.put("max_price", maxPrice);
        }
        List<String> quantizations = SettingReader.split(o.getQuantizations());
        if (quantizations != null) {
            quantizations.forEach(q -> SettingReader.oneOf(q, QUANTIZATIONS, "quantizations option value"));
            provider.put("quantizations", quantizations);
        }
        return provider.isEmpty() ? null : Collections.unmodifiableMap(provider);
    }

    /**
     * A price in USD per million tokens, sent as a decimal string: the SDK's {@code MaxPrice$Outbound} types every
     * price as a string (OpenRouter accepts numbers too), and a string keeps 0.1 from becoming 0.1000000000000000055.
     */
    private static String price(Double value, String option) {
        if (value == null) {
            return null;
        }
        if (value.isNaN() || value.isInfinite() || value < 0) {
            throw new OpenRouterInputException(option + " " + value + " is not a price: use a number of USD per million"
                                               + " tokens, 0 or more (for example 1.5)");
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The header replaces the options' object; it is checked only as far as the SDK types it, then sent as it is. */
    private static Map<String, Object> fromHeader(Object header) {
        String name = OpenRouterConstants.PROVIDER_PREFERENCES;
        if (!(header instanceof Map<?, ?> map)) {
            throw new OpenRouterInputException("Header " + name + " must be a Map in the shape of OpenRouter's provider"
                                               + " object (for example {order=[anthropic], allow_fallbacks=false}), got a "
                                               + header.getClass().getName());
        }
        Map<String, Object> provider = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (!PROVIDER_FIELDS.contains(key)) {
                throw new OpenRouterInputException("Header " + name + " has the key '" + key + "', which is not a field of"
                                                   + " OpenRouter's provider object: use "
                                                   + String.join(", ", PROVIDER_FIELDS.stream().sorted().toList()));
            }
            Object value = entry.getValue();
            switch (key) {
                case "data_collection" -> SettingReader.oneOf(String.valueOf(value), DATA_COLLECTION, name + " data_collection");
                case "sort" -> {
                    if (!(value instanceof Map)) {
                        SettingReader.oneOf(String.valueOf(value), SORTS, name + " sort");
                    }
                }
                case "order", "only", "ignore", "quantizations" -> {
                    if (!(value instanceof Collection<?>)) {
                        throw new OpenRouterInputException("Header " + name + " has " + key + "=" + value
                                                           + ", which is not a List: use a List of strings");
                    }
                    if ("quantizations".equals(key)) {
                        ((Collection<?>) value).forEach(q -> SettingReader.oneOf(String.valueOf(q), QUANTIZATIONS,
                                name + " quantizations value"));
                    }
                }
                case "allow_fallbacks", "require_parameters", "zdr", "enforce_distillable_text" -> {
                    if (!(value instanceof Boolean)) {
                        throw new OpenRouterInputException("Header " + name + " has " + key + "=" + value
                                                           + ", which is not a Boolean: use true or false");
                    }
                }
                default -> {
                    // max_price, preferred_max_latency, preferred_min_throughput: objects or numbers, sent as given
                }
            }
            provider.put(key, value);
        }
        return provider.isEmpty() ? null : Collections.unmodifiableMap(provider);
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
