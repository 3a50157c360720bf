package io.github.camelopenrouter.examples.springboot;

import java.util.Map;

import io.github.camelopenrouter.OpenRouterComponent;
import io.github.camelopenrouter.OpenRouterConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How camel.component.openrouter.* reaches the component: relaxed names, every option, typos refused. */
class OpenRouterComponentPropertiesTest {

    @Test
    void propertiesAndEnvironmentVariablesSetTheComponentsOptions() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("camel.component.openrouter.api-key", "sk-or-v1-from-properties")
                .withProperty("camel.component.openrouter.baseUrl", "http://127.0.0.1:9/api/v1")
                .withProperty("camel.component.openrouter.max-file-size", "1048576")
                .withProperty("camel.component.openrouter.temperature", "0.2");
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("CAMEL_COMPONENT_OPENROUTER_PDFENGINE", "mistral-ocr")));

        OpenRouterConfiguration configuration = configure(environment).getConfiguration();

        assertThat(configuration.getApiKey()).isEqualTo("sk-or-v1-from-properties");
        assertThat(configuration.getBaseUrl()).isEqualTo("http://127.0.0.1:9/api/v1");
        assertThat(configuration.getMaxFileSize()).isEqualTo(1048576L);
        assertThat(configuration.getTemperature()).isEqualTo(0.2);
        assertThat(configuration.getPdfEngine()).isEqualTo("mistral-ocr");
    }

    @Test
    void aMisspelledOptionFailsInsteadOfBeingIgnored() {
        MockEnvironment environment = new MockEnvironment().withProperty("camel.component.openrouter.api-kye", "sk-or-x");

        assertThatThrownBy(() -> configure(environment)).hasStackTraceContaining("apiKye");
    }

    /** As in the application: the customizer is a bean in the registry, applied when Camel creates the component. */
    private static OpenRouterComponent configure(MockEnvironment environment) {
        ComponentCustomizer customizer = new OpenRouterComponentProperties().openRouterOptions(environment);
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("openRouterOptions", customizer);
        return context.getComponent("openrouter", OpenRouterComponent.class);
    }
}
