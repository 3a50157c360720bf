package io.github.camelopenrouter.examples.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelopenrouter.OpenRouterComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Applies {@code camel.component.openrouter.*} from the Spring environment (application.properties, environment
 * variables, command line) to the openrouter component, as Camel's Spring Boot starters do for the components they
 * ship. The component has no starter of its own (yet), and camel-spring-boot binds component options only through
 * starters, so without this class those properties would be silently ignored.
 * <p>
 * Every option binds, in relaxed form ({@code api-key}, {@code apiKey}, {@code CAMEL_COMPONENT_OPENROUTER_APIKEY}),
 * through the component's generated configurer; an unknown option fails the start, like a typo under Camel Main.
 */
@Configuration(proxyBeanMethods = false)
public class OpenRouterComponentProperties {

    static final String PREFIX = "camel.component.openrouter";

    @Bean
    ComponentCustomizer openRouterOptions(Environment environment) {
        Map<String, String> configured = Binder.get(environment)
                .bind(PREFIX, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        Map<String, Object> options = new LinkedHashMap<>();
        configured.forEach((name, value) -> options.put(StringHelper.dashToCamelCase(name), value));
        return ComponentCustomizer.forType(OpenRouterComponent.class, component -> PropertyBindingSupport.build()
                .withCamelContext(component.getCamelContext())
                .withTarget(component)
                // the generated configurer knows the options (they live on the component's configuration)
                .withConfigurer(component.getComponentPropertyConfigurer())
                .withProperties(new LinkedHashMap<>(options))
                .withIgnoreCase(true)
                .withMandatory(true)
                .bind());
    }
}
