package io.github.camelopenrouter.request;

import java.util.Set;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.wire.Plugin;

/**
 * OpenRouter's web search plugin: on or off (the {@code CamelOpenRouterWebSearch} header beats the webSearch option),
 * how many results, which engine. The results come back as {@code url_citation} annotations.
 */
public record WebSearchSettings(boolean enabled, Integer maxResults, String engine) {

    /** {@code WebSearchEngine} of the SDK. */
    static final Set<String> ENGINES = Set.of("native", "exa", "firecrawl", "parallel", "perplexity");

    static WebSearchSettings read(SettingReader in) {
        Boolean enabled = in.bool(OpenRouterConstants.WEB_SEARCH, in.options().isWebSearch());
        Integer maxResults = in.options().getWebMaxResults();
        if (maxResults != null && maxResults < 1) {
            throw new OpenRouterInputException("webMaxResults " + maxResults
                                               + " is not positive: use a whole number of 1 or more (OpenRouter's default is 5)");
        }
        String engine = in.options().getWebEngine();
        engine = SettingReader.oneOf(engine == null || engine.isBlank() ? null : engine.trim(), ENGINES,
                in.what("webEngine", null));
        return new WebSearchSettings(Boolean.TRUE.equals(enabled), maxResults, engine);
    }

    /** The {@code web} plugin entry, or null when web search is off. */
    Plugin plugin() {
        return enabled ? new Plugin.Web(engine, maxResults) : null;
    }
}
