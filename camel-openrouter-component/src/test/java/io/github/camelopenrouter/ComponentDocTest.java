package io.github.camelopenrouter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.spi.Metadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component doc's options and headers tables are rendered from the generated catalog JSON: when an option or header
 * changes and the doc does not, this test fails. {@code -Dopenrouter.docs.update=true} rewrites both doc copies.
 */
class ComponentDocTest {

    private static final Path SOURCE_DOC = Path.of("src/main/docs/openrouter-component.adoc");
    private static final Path PUBLISHED_DOC = Path.of("../docs/openrouter-component.adoc");

    @Test
    void optionsAndHeadersTablesMatchTheCatalog() throws Exception {
        JsonNode catalog = CatalogDocRenderer.catalog();
        String tables = CatalogDocRenderer.render(catalog);
        String doc = Files.readString(SOURCE_DOC);
        String expected = CatalogDocRenderer.splice(doc, tables, CatalogDocRenderer.description(catalog));
        if (Boolean.getBoolean("openrouter.docs.update")) {
            Files.writeString(SOURCE_DOC, expected);
            Files.writeString(PUBLISHED_DOC, expected);
            doc = expected;
        }
        assertThat(doc).as("src/main/docs/openrouter-component.adoc is stale: run the build with"
                           + " -Dopenrouter.docs.update=true").isEqualTo(expected);
        assertThat(Files.readString(PUBLISHED_DOC)).as("docs/openrouter-component.adoc must equal the component's doc")
                .isEqualTo(doc);
    }

    @Test
    void everyOptionAndHeaderHasADescriptionAndAppearsInTheDoc() throws Exception {
        JsonNode catalog = CatalogDocRenderer.catalog();
        String doc = Files.readString(SOURCE_DOC);
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            for (Iterator<String> names = catalog.get(section).fieldNames(); names.hasNext();) {
                String name = names.next();
                assertThat(catalog.get(section).get(name).path("description").asText()).as(name).isNotBlank();
                assertThat(doc).contains("| *" + name + "*");
            }
        }
    }

    @Test
    void theDocDescribesTheComponentAsTheCatalogDoes() throws Exception {
        assertThat(Files.readString(SOURCE_DOC)).contains("\n" + CatalogDocRenderer.description(CatalogDocRenderer.catalog()) + "\n");
    }

    /** A name the component uses is documented: a header (catalog) or an exchange property (its own table). */
    @Test
    void everyConstantIsAHeaderOrAnExchangePropertyAndAppearsInTheDoc() throws Exception {
        String doc = Files.readString(SOURCE_DOC);
        for (Field field : OpenRouterConstants.class.getFields()) {
            if (field.getType() != String.class || !Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            assertThat(field.isAnnotationPresent(Metadata.class) || field.isAnnotationPresent(ExchangeProperty.class))
                    .as("%s needs @Metadata (a header) or @ExchangeProperty", field.getName()).isTrue();
            assertThat(doc).as(field.getName()).contains("| *" + field.get(null) + "*");
        }
        assertThat(doc).contains("| *CamelOpenRouterResponse*", "| *CamelOpenRouterErrorType*");
    }

    @Test
    void apiKeyIsASecretInTheCatalog() throws Exception {
        JsonNode catalog = CatalogDocRenderer.catalog();
        assertThat(catalog.get("properties").get("apiKey").get("secret").asBoolean()).isTrue();
        assertThat(catalog.get("componentProperties").get("apiKey").get("secret").asBoolean()).isTrue();
    }
}
