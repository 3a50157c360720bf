package io.github.camelopenrouter;

import java.time.Duration;

import io.github.camelopenrouter.simulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The onException pattern docs/reliability.md recommends, in Java and in YAML, on real routes: final failures reach
 * the dead-letter endpoint once, with the original body, the error type and the number of attempts; bad input goes to
 * its own endpoint; answers go on.
 */
class DeadLetterPatternTest extends OpenRouterTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the component has already retried transient failures: what arrives here is final
                onException(OpenRouterInputException.class)
                        .handled(true)
                        .setHeader("reason", simple("${exception.message}"))
                        .to("mock:rejected");
                onException(Exception.class)
                        .handled(true)
                        .setHeader("errorType", exchangeProperty(OpenRouterConstants.ERROR_TYPE))
                        .setHeader("reason", simple("${exception.message}"))
                        .to("mock:dead-letters");

                from("direct:ask")
                        .to("openrouter:chat?maxRetries=1&retryInitialDelay=10&requestTimeout=1000")
                        .to("mock:answers");
            }
        };
    }

    @Test
    void javaRoute() throws Exception {
        checkThePattern(context, template);
    }

    @Test
    void yamlRoute() throws Exception {
        try (DefaultCamelContext yaml = new DefaultCamelContext()) {
            OpenRouterComponent component = new OpenRouterComponent();
            component.getConfiguration().setApiKey(API_KEY);
            component.getConfiguration().setBaseUrl(simulator.baseUrl());
            yaml.addComponent("openrouter", component);
            PluginHelper.getRoutesLoader(yaml).loadRoutes(ResourceHelper.resolveResource(yaml, "classpath:routes/dead-letter.yaml"));
            yaml.start();
            checkThePattern(yaml, yaml.createProducerTemplate());
        }
    }

    private static void checkThePattern(CamelContext camel, ProducerTemplate producer) throws Exception {
        MockEndpoint answers = MockEndpoint.resolve(camel, "mock:answers");
        MockEndpoint deadLetters = MockEndpoint.resolve(camel, "mock:dead-letters");
        MockEndpoint rejected = MockEndpoint.resolve(camel, "mock:rejected");
        answers.expectedBodiesReceived("Received 1 text part, 0 images, 0 files, 0 audio, 0 video. Text: \"recovers\"");
        deadLetters.expectedBodiesReceived("keeps failing", "too slow");
        rejected.expectedMessageCount(1);

        // 503 once: retried inside the component, the route never sees it
        simulator.enqueue(Fault.error(503, "overloaded"));
        producer.sendBody("direct:ask", "recovers");
        // 503 twice: retries exhausted, a dead letter with the original body
        simulator.enqueue(Fault.error(503, "down 1"), Fault.error(503, "down 2"));
        producer.sendBody("direct:ask", "keeps failing");
        // replies slower than requestTimeout, twice
        simulator.enqueue(Fault.delay(Duration.ofSeconds(3)), Fault.delay(Duration.ofSeconds(3)));
        producer.sendBody("direct:ask", "too slow");
        // nothing to send: refused before any request
        producer.sendBody("direct:ask", new byte[0]);

        MockEndpoint.assertIsSatisfied(camel);
        var exhausted = deadLetters.getExchanges().get(0).getMessage();
        assertThat(exhausted.getHeader("errorType")).isEqualTo("provider_error");
        assertThat(exhausted.getHeader("reason", String.class))
                .isEqualTo("OpenRouter returned HTTP 503: down 2 (gave up after 2 attempts)");
        assertThat(exhausted.getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(2);
        var slow = deadLetters.getExchanges().get(1).getMessage();
        assertThat(slow.getHeader("errorType")).isEqualTo("timeout");
        assertThat(slow.getHeader("reason", String.class)).contains("within requestTimeout (1000 ms)");
        var refused = rejected.getExchanges().get(0).getMessage();
        assertThat(refused.getHeader("reason", String.class)).contains("is empty (0 bytes)");
        assertThat(refused.getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(0);
        assertThat(simulator.requestCount()).isEqualTo(2 + 2 + 2);
    }
}
