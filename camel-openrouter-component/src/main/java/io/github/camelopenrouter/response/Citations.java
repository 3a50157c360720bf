package io.github.camelopenrouter.response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The web search results a reply cites: its {@code url_citation} annotations as plain maps a route can use. */
final class Citations {

    private Citations() {
    }

    /**
     * Each {@code url_citation} annotation as a map of {@code url}, {@code title} and {@code content} (null when the
     * annotation has none), in the reply's order; empty when there are none. File annotations are not citations.
     */
    static List<Map<String, String>> of(JsonNode annotations) {
        List<Map<String, String>> citations = new ArrayList<>();
        if (annotations == null || !annotations.isArray()) {
            return citations;
        }
        for (JsonNode annotation : annotations) {
            if (!"url_citation".equals(annotation.path("type").asText())) {
                continue;
            }
            JsonNode citation = annotation.path("url_citation");
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("url", text(citation, "url"));
            entry.put("title", text(citation, "title"));
            entry.put("content", text(citation, "content"));
            citations.add(entry);
        }
        return citations;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
