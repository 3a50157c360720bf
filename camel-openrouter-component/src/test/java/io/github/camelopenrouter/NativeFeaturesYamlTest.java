package io.github.camelopenrouter;

import io.github.camelopenrouter.sdkcheck.OpenRouterSdk;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The features' options from a YAML route and camel.component.openrouter.* properties, as Camel Main reads them. */
class NativeFeaturesYamlTest {

    @Test
    void yamlParametersAndComponentPropertiesReachTheRequest() throws Exception {
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start()) {
            simulator.setUnavailableModels("acme/first");
            Main main = new Main();
            main.configure().withRoutesIncludePattern("classpath:routes/native-features.yaml");
            main.addInitialProperty("camel.component.openrouter.api-key", "sk-or-yaml-key");
            main.addInitialProperty("camel.component.openrouter.base-url", simulator.baseUrl());
            main.addInitialProperty("camel.component.openrouter.provider-sort", "price");
            main.addInitialProperty("camel.component.openrouter.cache-control", "1h");
            main.addInitialProperty("camel.component.openrouter.app-categories", "cli-agent");
            main.start();
            try {
                Exchange exchange = main.getCamelContext().createProducerTemplate().request("direct:ask",
                        e -> e.getMessage().setBody("Hi"));

                assertThat(exchange.getException()).isNull();
                assertThat(simulator.lastRequest().json()).isEqualTo(OpenRouterTestSupport.json("""
                        {"model":"acme/first","models":["acme/first","acme/second"],
                         "messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}],
                         "plugins":[{"id":"web","max_results":1}],
                         "provider":{"order":["anthropic"],"sort":"price"},
                         "reasoning":{"effort":"low"},"cache_control":{"type":"ephemeral","ttl":"1h"},
                         "top_p":0.9,"stop":["END"],"user":"yaml-user","service_tier":"flex"}"""));
                OpenRouterSdk.shared().assertOutbound("ChatRequest", simulator.lastRequest().body());
                assertThat(simulator.lastRequest().header("X-OpenRouter-Categories")).isEqualTo("cli-agent");
                assertThat(exchange.getMessage().getHeader(OpenRouterConstants.RESPONSE_MODEL)).isEqualTo("acme/second");
                assertThat(exchange.getMessage().getHeader(OpenRouterConstants.PROVIDER)).isEqualTo("anthropic");
                assertThat(exchange.getMessage().getHeader(OpenRouterConstants.REASONING, String.class)).contains("effort low");
                assertThat(exchange.getMessage().getHeader(OpenRouterConstants.CITATIONS, java.util.List.class)).hasSize(1);
                assertThat(exchange.getMessage().getHeader(OpenRouterConstants.CACHE_WRITE_TOKENS, Integer.class)).isPositive();
            } finally {
                main.stop();
            }
        }
    }
}
