package io.github.camelopenrouter.request;

import java.util.ArrayList;
import java.util.List;

import io.github.camelopenrouter.wire.Plugin;

/**
 * The one place that assembles {@code plugins}: each feature that is a plugin on the wire (PDF parsing, web search,
 * ...) contributes its entry here, in a fixed order, so the request has one list and a reader one place to look.
 */
final class Plugins {

    private Plugins() {
    }

    /** The plugins the settings ask for, or null for none (OpenRouter's defaults apply). */
    static List<Plugin> of(RequestSettings settings) {
        List<Plugin> plugins = new ArrayList<>();
        if (settings.media().pdfEngine() != null) {
            plugins.add(Plugin.FileParser.engine(settings.media().pdfEngine()));
        }
        Plugin web = settings.web().plugin();
        if (web != null) {
            plugins.add(web);
        }
        return plugins.isEmpty() ? null : List.copyOf(plugins);
    }
}
