package io.github.camelopenrouter.request;

import java.util.ArrayList;
import java.util.List;

import io.github.camelopenrouter.wire.Plugin;

/**
 * The one place that assembles {@code plugins}: each feature that is a plugin on the wire adds its entry here
 * (file-parser for the PDF engine, web for web search, response-healing for JSON answers), in a fixed order so requests
 * are reproducible and a reader has one place to look.
 */
final class Plugins {

    private Plugins() {
    }

    /** The request's plugins, or null when there are none (the field is then left out). */
    static List<Plugin> of(RequestSettings settings) {
        List<Plugin> plugins = new ArrayList<>(3);
        String pdfEngine = settings.media().pdfEngine();
        if (pdfEngine != null) {
            plugins.add(Plugin.FileParser.engine(pdfEngine));
        }
        Plugin web = settings.web().plugin();
        if (web != null) {
            plugins.add(web);
        }
        Plugin healing = settings.output().healingPlugin();
        if (healing != null) {
            plugins.add(healing);
        }
        return plugins.isEmpty() ? null : List.copyOf(plugins);
    }
}
