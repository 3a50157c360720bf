package io.github.camelopenrouter.springboot;

import java.util.LinkedHashMap;

import io.github.camelopenrouter.OpenRouterComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.PropertyBindingSupport;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Applies {@code camel.component.openrouter.*} to the openrouter component when Camel creates it, as Camel's own
 * starters do for theirs: through the component's generated configurer, so every option of the catalog binds and a
 * value of the wrong type fails the start with Camel's message. {@code camel.component.openrouter.enabled=false} turns
 * the binding off.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnProperty(prefix = "camel.component.openrouter", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(OpenRouterComponentConfiguration.class)
public class OpenRouterComponentAutoConfiguration {

    @Bean
    public ComponentCustomizer configureOpenRouterComponent(OpenRouterComponentConfiguration configuration) {
        return ComponentCustomizer.builder(OpenRouterComponent.class).build(component -> PropertyBindingSupport.build()
                .withCamelContext(component.getCamelContext())
                .withTarget(component)
                // the options live on the component and its configuration: the generated configurer knows both
                .withConfigurer(component.getComponentPropertyConfigurer())
                .withProperties(new LinkedHashMap<>(configuration.options()))
                .withMandatory(true)
                .bind());
    }
}
