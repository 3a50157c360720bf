package io.github.camelopenrouter.request;

import java.util.ArrayList;
import java.util.List;

import io.github.camelopenrouter.wire.Plugin;

/**
 * The one place that assembles {@code plugins}: each feature that needs a plugin adds its entry here (file-parser for
 * the PDF engine, response-healing for JSON answers, ...), in a fixed order so requests are reproducible.
 */
final class Plugins {

    private Plugins() {
    }

    /** The request's plugins, or null when there are none (the field is then left out). */
    static List<Plugin> of(RequestSettings settings) {
        List<Plugin> plugins = new ArrayList<>(2);
        String pdfEngine = settings.media().pdfEngine();
        if (pdfEngine != null) {
            plugins.add(Plugin.FileParser.engine(pdfEngine));
        }
        Plugin healing = settings.output().healingPlugin();
        if (healing != null) {
            plugins.add(healing);
        }
        return plugins.isEmpty() ? null : List.copyOf(plugins);
    }
}
