package io.github.camelopenrouter.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes {@code OpenRouterComponentConfiguration.java} from the component's catalog ({@code openrouter.json}), the way
 * Camel's own starters are generated: one property per component option, its description as the field's javadoc (the
 * Spring Boot configuration processor turns it into {@code spring-configuration-metadata.json}, which IDEs complete
 * from). {@link StarterMatchesCatalogTest} fails when the committed class differs; {@code -Dopenrouter.starter.update=true}
 * rewrites it.
 */
final class StarterSource {

    static final String CATALOG = "META-INF/io/github/camelopenrouter/openrouter.json";

    /** The whole configuration bean: its options are listed one by one instead. */
    private static final List<String> SKIPPED = List.of("configuration");

    private StarterSource() {
    }

    static JsonNode catalog() throws IOException {
        try (InputStream in = StarterSource.class.getClassLoader().getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG + " is not on the class path: build camel-openrouter first");
            }
            return new ObjectMapper().readTree(in);
        }
    }

    /** The component options the starter carries, in catalog order. */
    static List<Map.Entry<String, JsonNode>> options(JsonNode catalog) {
        List<Map.Entry<String, JsonNode>> options = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = catalog.get("componentProperties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            if (!SKIPPED.contains(option.getKey())) {
                options.add(option);
            }
        }
        return options;
    }

    static String render(JsonNode catalog) {
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        StringBuilder options = new StringBuilder();
        for (Map.Entry<String, JsonNode> option : options(catalog)) {
            String name = option.getKey();
            JsonNode spec = option.getValue();
            String type = javaType(spec);
            fields.append("    /**\n");
            for (String line : wrap(description(spec), 112)) {
                fields.append("     * ").append(line).append('\n');
            }
            fields.append("     */\n");
            fields.append("    private ").append(type).append(' ').append(name).append(";\n\n");
            String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            accessors.append("    public ").append(type).append(" get").append(cap).append("() {\n")
                    .append("        return ").append(name).append(";\n    }\n\n")
                    .append("    public void set").append(cap).append('(').append(type).append(' ').append(name)
                    .append(") {\n        this.").append(name).append(" = ").append(name).append(";\n    }\n\n");
            options.append("        put(options, \"").append(name).append("\", ").append(name).append(");\n");
        }
        return """
                package io.github.camelopenrouter.springboot;

                import java.time.Duration;
                import java.util.LinkedHashMap;
                import java.util.Map;

                import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
                import org.springframework.boot.context.properties.ConfigurationProperties;

                /**
                 * {@code camel.component.openrouter.*}: the options of the openrouter component, as Spring Boot binds them
                 * (relaxed names, environment variables such as {@code CAMEL_COMPONENT_OPENROUTER_APIKEY}). An unknown name
                 * fails the start. Options that take an object (an HttpClient, a ConversationStore, SSLContextParameters)
                 * take a reference to a bean, {@code #name}. Durations take {@code 30s}, {@code 5m} or milliseconds.
                 *
                 * <p>Generated from the component's catalog by StarterSource (tests of this module): do not edit; run
                 * {@code mvn -pl camel-openrouter-spring-boot-starter test -Dtest=StarterMatchesCatalogTest
                 * -Dopenrouter.starter.update=true} after adding an option.
                 */
                @ConfigurationProperties(prefix = "camel.component.openrouter", ignoreUnknownFields = false)
                public class OpenRouterComponentConfiguration extends ComponentConfigurationPropertiesCommon {

                %s%s    /** The options that were set, by their Camel names, durations in milliseconds. */
                    public Map<String, Object> options() {
                        Map<String, Object> options = new LinkedHashMap<>();
                %s        return options;
                    }

                    private static void put(Map<String, Object> options, String name, Object value) {
                        if (value instanceof Duration duration) {
                            options.put(name, duration.toMillis());
                        } else if (value != null) {
                            options.put(name, value);
                        }
                    }
                }
                """.formatted(fields, accessors, options);
    }

    private static String description(JsonNode spec) {
        String description = spec.path("description").asText().trim();
        if (!description.endsWith(".")) {
            description += ".";
        }
        if ("object".equals(spec.path("type").asText())) {
            description += " A reference to a bean of type " + spec.path("javaType").asText() + ", as #name.";
        }
        if (spec.has("enum")) {
            List<String> values = new ArrayList<>();
            spec.get("enum").forEach(v -> values.add(v.asText()));
            description += " One of: " + String.join(", ", values) + ".";
        }
        if (spec.hasNonNull("defaultValue") && !spec.path("defaultValue").asText().isEmpty()) {
            description += " Default: " + spec.path("defaultValue").asText()
                           + ("duration".equals(spec.path("type").asText()) ? " ms." : ".");
        }
        return description.replace("*/", "*&#47;");
    }

    private static String javaType(JsonNode spec) {
        String type = spec.path("type").asText();
        String javaType = spec.path("javaType").asText();
        return switch (type) {
            case "duration" -> "Duration";
            case "boolean" -> "Boolean";
            case "number" -> "Double";
            case "integer" -> "long".equals(javaType) || "java.lang.Long".equals(javaType) ? "Long" : "Integer";
            default -> "String"; // strings, enums, class names and #bean references
        };
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
