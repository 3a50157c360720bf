package io.github.camelopenrouter;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders the options and headers tables of the component doc from the generated catalog JSON. Camel's
 * {@code include::partial$...} tables render only on Camel's own site, so an external component renders its own.
 */
final class CatalogDocRenderer {

    static final String CATALOG = "/META-INF/io/github/camelopenrouter/openrouter.json";
    static final String START = "// catalog-tables: START (generated from openrouter.json by CatalogDocRenderer; do not edit)";
    static final String END = "// catalog-tables: END";

    private CatalogDocRenderer() {
    }

    static JsonNode catalog() throws IOException {
        try (InputStream in = CatalogDocRenderer.class.getResourceAsStream(CATALOG)) {
            return new ObjectMapper().readTree(in);
        }
    }

    static String render(JsonNode catalog) {
        StringBuilder doc = new StringBuilder();
        doc.append(START).append("\n\n");
        JsonNode component = catalog.get("componentProperties");
        doc.append("== Component Options\n\n");
        doc.append("The ").append(catalog.get("component").get("title").asText()).append(" component supports ")
                .append(component.size()).append(" options, which are listed below.\n\n");
        options(doc, component);

        doc.append("== Endpoint Options\n\n");
        doc.append("The endpoint is configured using URI syntax:\n\n----\n")
                .append(catalog.get("component").get("syntax").asText()).append("\n----\n\n");
        JsonNode properties = catalog.get("properties");
        List<Map.Entry<String, JsonNode>> path = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> query = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            ("path".equals(entry.getValue().get("kind").asText()) ? path : query).add(entry);
        }
        doc.append("=== Path Parameters (").append(path.size()).append(" parameters)\n\n");
        table(doc, path);
        doc.append("=== Query Parameters (").append(query.size()).append(" parameters)\n\n");
        table(doc, query);

        JsonNode headers = catalog.get("headers");
        doc.append("== Message Headers\n\n");
        doc.append("The ").append(catalog.get("component").get("title").asText()).append(" component supports ")
                .append(headers.size()).append(" message headers, which are listed below. A header read by the")
                .append(" component beats the endpoint option of the same purpose.\n\n");
        doc.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode header = entry.getValue();
            doc.append("| *").append(entry.getKey()).append("* (").append(text(header, "label")).append(")\n")
                    .append("*Constant:* `").append(text(header, "constantName").replaceAll(".*#", "")).append("` | ")
                    .append(escape(text(header, "description"))).append(" | ")
                    .append(text(header, "defaultValue")).append(" | ").append(escape(shortType(header))).append("\n");
        }
        doc.append("|===\n\n");
        exchangeProperties(doc);
        doc.append(END);
        return doc.toString();
    }

    /** Camel's catalog has no exchange properties: their table comes from the {@link ExchangeProperty} constants. */
    private static void exchangeProperties(StringBuilder doc) {
        List<Field> fields = new ArrayList<>();
        for (Field field : OpenRouterConstants.class.getFields()) {
            if (field.isAnnotationPresent(ExchangeProperty.class)) {
                fields.add(field);
            }
        }
        doc.append("== Exchange Properties\n\n");
        doc.append("The ").append("component sets ").append(fields.size())
                .append(" exchange properties, which are listed below.\n\n");
        doc.append("[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n|===\n| Name | Description | Type\n");
        for (Field field : fields) {
            ExchangeProperty property = field.getAnnotation(ExchangeProperty.class);
            String name;
            try {
                name = (String) field.get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            doc.append("| *").append(name).append("*\n*Constant:* `").append(field.getName()).append("` | ")
                    .append(escape(property.description())).append(" | ")
                    .append(escape(property.javaType().replaceAll("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.([A-Z])", "$2")))
                    .append("\n");
        }
        doc.append("|===\n\n");
    }

    /** The doc's {@code :description:} attribute, which must say what the catalog says. */
    static String description(JsonNode catalog) {
        return ":description: " + catalog.get("component").get("description").asText();
    }

    private static void options(StringBuilder doc, JsonNode options) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        options.fields().forEachRemaining(entries::add);
        table(doc, entries);
    }

    private static void table(StringBuilder doc, List<Map.Entry<String, JsonNode>> entries) {
        doc.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        for (Map.Entry<String, JsonNode> entry : entries) {
            JsonNode option = entry.getValue();
            String label = text(option, "group");
            String enums = option.has("enum") ? " Enum values: " + join(option.get("enum")) + "." : "";
            doc.append("| *").append(entry.getKey()).append("* (").append(label).append(")")
                    .append(option.path("secret").asBoolean() ? " (secret)" : "")
                    .append(" | ").append(escape(text(option, "description") + enums)).append(" | ")
                    .append(escape(text(option, "defaultValue"))).append(" | ").append(escape(shortType(option)))
                    .append("\n");
        }
        doc.append("|===\n\n");
    }

    private static String join(JsonNode values) {
        List<String> all = new ArrayList<>();
        values.forEach(v -> all.add(v.asText()));
        return String.join(", ", all);
    }

    private static String shortType(JsonNode option) {
        String type = text(option, "javaType");
        return type.replaceAll("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.([A-Z])", "$2");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    /**
     * Replaces what stands between the markers in {@code doc} with the rendered tables, and the {@code :description:}
     * line with the catalog's.
     */
    static String splice(String doc, String tables, String description) {
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("the doc has no catalog-tables markers");
        }
        String spliced = doc.substring(0, start) + tables + doc.substring(end + END.length());
        return spliced.replaceFirst("(?m)^:description: .*$", java.util.regex.Matcher.quoteReplacement(description));
    }
}
