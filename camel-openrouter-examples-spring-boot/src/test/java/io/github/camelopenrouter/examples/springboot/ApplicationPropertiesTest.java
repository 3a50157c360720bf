package io.github.camelopenrouter.examples.springboot;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring ignores a property nobody binds, so a misnamed one fails silently: the shipped
 * {@code camel.springboot.main-run-controller} (Camel 3's name) let the application exit at once, processing nothing.
 * Every {@code camel.*} key the application ships must be one camel-spring-boot documents in its configuration
 * metadata; the {@code camel.component.openrouter.*} options are in camel-openrouter-spring-boot-starter's.
 */
class ApplicationPropertiesTest {

    @Test
    void everyCamelPropertyTheApplicationShipsIsOneCamelSpringBootReads() throws Exception {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        Set<String> known = camelSpringBootProperties();

        List<String> unknown = new ArrayList<>();
        for (String key : shipped.stringPropertyNames()) {
            if (key.startsWith("camel.") && !known.contains(key)) {
                unknown.add(key);
            }
        }

        assertThat(unknown).as("camel.* properties that camel-spring-boot does not read").isEmpty();
        assertThat(shipped.getProperty("camel.main.run-controller")).as("keeps the application running").isEqualTo("true");
    }

    private static Set<String> camelSpringBootProperties() throws Exception {
        Set<String> names = new HashSet<>();
        Enumeration<java.net.URL> files = ApplicationPropertiesTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json");
        while (files.hasMoreElements()) {
            try (InputStream in = files.nextElement().openStream()) {
                for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                    names.add(property.path("name").asText());
                }
            }
        }
        assertThat(names).as("camel-spring-boot's metadata is on the class path").contains("camel.main.name");
        return names;
    }
}
