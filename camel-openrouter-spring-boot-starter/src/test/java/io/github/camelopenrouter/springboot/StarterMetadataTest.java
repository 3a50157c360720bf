package io.github.camelopenrouter.springboot;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an IDE completes {@code camel.component.openrouter.} from: the jar's spring-configuration-metadata.json has every
 * option of the catalog, under its Spring name, with its description and type.
 */
class StarterMetadataTest {

    @Test
    void everyComponentOptionIsInTheMetadataWithItsDescription() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json in the starter's jar").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.path("properties").forEach(p -> properties.put(p.path("name").asText(), p));

        for (Map.Entry<String, JsonNode> option : StarterSource.options(StarterSource.catalog())) {
            String name = "camel.component.openrouter." + kebab(option.getKey());
            assertThat(properties).as("metadata of %s", name).containsKey(name);
            String description = properties.get(name).path("description").asText();
            String catalogStart = option.getValue().path("description").asText().split("\\s+", 6).length > 5
                    ? String.join(" ", java.util.Arrays.copyOf(option.getValue().path("description").asText().split("\\s+"), 5))
                    : option.getValue().path("description").asText();
            assertThat(description).as("description of %s", name).startsWith(catalogStart);
            assertThat(properties.get(name).path("sourceType").asText()).isEqualTo(OpenRouterComponentConfiguration.class.getName());
        }
        assertThat(properties.get("camel.component.openrouter.request-timeout").path("type").asText())
                .isEqualTo("java.time.Duration");
        assertThat(properties.get("camel.component.openrouter.api-key").path("type").asText()).isEqualTo("java.lang.String");
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
