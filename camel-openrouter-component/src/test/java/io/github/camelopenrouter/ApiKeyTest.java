package io.github.camelopenrouter;

import org.apache.camel.Exchange;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyTest extends OpenRouterTestSupport {

    private static DefaultCamelContext contextWith(OpenRouterComponent component) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.addComponent("openrouter", component);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("openrouter:chat?baseUrl=" + simulator.baseUrl());
            }
        });
        return camel;
    }

    @Test
    void withoutKeyOrEnvironmentVariableTheEndpointRefusesToStartAndSaysHow() throws Exception {
        OpenRouterComponent component = new OpenRouterComponent();
        component.setEnvironment(name -> null);
        try (DefaultCamelContext camel = contextWith(component)) {
            assertThatThrownBy(camel::start).isInstanceOf(FailedToStartRouteException.class)
                    .rootCause().hasMessageContaining("No OpenRouter API key")
                    .hasMessageContaining("set the apiKey option")
                    .hasMessageContaining("OPENROUTER_API_KEY");
        }
    }

    @Test
    void theEnvironmentVariableIsUsedWhenNoKeyIsSet() throws Exception {
        OpenRouterComponent component = new OpenRouterComponent();
        component.setEnvironment(name -> "OPENROUTER_API_KEY".equals(name) ? "sk-or-from-env" : null);
        try (DefaultCamelContext camel = contextWith(component)) {
            camel.start();
            Exchange exchange = camel.createProducerTemplate().request("direct:in", e -> e.getMessage().setBody("Hi"));
            assertThat(exchange.getException()).isNull();
            assertThat(simulator.lastRequest().header("Authorization")).isEqualTo("Bearer sk-or-from-env");
        }
    }

    @Test
    void theOptionBeatsTheEnvironmentVariable() {
        sendOk("openrouter:chat", "Hi");
        assertThat(simulator.lastRequest().header("Authorization")).isEqualTo("Bearer " + API_KEY);
    }

    @Test
    void theKeyIsAbsentFromEndpointDumps() {
        OpenRouterEndpoint endpoint = context.getEndpoint("openrouter:chat?apiKey=sk-or-secret-in-uri&model=a/b",
                OpenRouterEndpoint.class);

        assertThat(endpoint.toString()).doesNotContain("sk-or-secret-in-uri");
        assertThat(context.getEndpoints().toString()).doesNotContain("sk-or-secret-in-uri");
    }

    @Test
    void anInvalidKeyGivesTheServersMessageWithoutTheKey() {
        Exchange exchange = send("openrouter:chat?apiKey=sk-or-invalid", "Hi");

        assertThat(exchange.getException()).isInstanceOf(OpenRouterApiException.class)
                .hasMessage("OpenRouter returned HTTP 401: User not found.");
        assertThat(((OpenRouterApiException) exchange.getException()).isRetryable()).isFalse();
    }
}
