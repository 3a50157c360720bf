package io.github.camelopenrouter.request;

import java.util.Set;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.wire.CacheControl;

/**
 * Prompt caching: {@code none} (nothing sent, the provider's own caching applies), {@code ephemeral} (OpenRouter puts
 * a cache breakpoint on the last cacheable block, kept 5 minutes) or {@code 1h} (the same, kept an hour).
 */
public record CacheSettings(String cacheControl) {

    static final Set<String> VALUES = Set.of("none", "ephemeral", "1h");

    static CacheSettings read(SettingReader in) {
        String value = in.text(OpenRouterConstants.CACHE_CONTROL, in.options().getCacheControl());
        return new CacheSettings(SettingReader.oneOf(value, VALUES, in.what("cacheControl", OpenRouterConstants.CACHE_CONTROL)));
    }

    /** The top-level {@code cache_control}, or null for none. */
    public CacheControl wire() {
        if (cacheControl == null || "none".equals(cacheControl)) {
            return null;
        }
        return new CacheControl("ephemeral", "1h".equals(cacheControl) ? "1h" : null);
    }
}
