package io.github.camelopenrouter.springboot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's properties class is the catalog's component options, rendered: an option added to the component and
 * not to the starter fails here. {@code -Dopenrouter.starter.update=true} rewrites the class instead.
 */
class StarterMatchesCatalogTest {

    static final Path SOURCE = Path.of("src/main/java/io/github/camelopenrouter/springboot/OpenRouterComponentConfiguration.java");

    @Test
    void thePropertiesClassIsTheCatalogRendered() throws Exception {
        String expected = StarterSource.render(StarterSource.catalog());
        if (Boolean.getBoolean("openrouter.starter.update")) {
            Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SOURCE, StandardCharsets.UTF_8))
                .as("%s is not the catalog rendered: run mvn -pl camel-openrouter-spring-boot-starter test"
                    + " -Dtest=StarterMatchesCatalogTest -Dopenrouter.starter.update=true", SOURCE)
                .isEqualTo(expected);
    }
}
