package io.github.camelopenrouter;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every component test talks to the OpenRouter simulator over a real loopback socket; the component under test is the
 * real one, configured as a user would (component-level apiKey and baseUrl).
 */
public abstract class OpenRouterTestSupport extends CamelTestSupport {

    protected static final String API_KEY = "sk-or-v1-test-5ecret-0123456789abcdef";
    protected static final ObjectMapper JSON = new ObjectMapper();

    protected static OpenRouterSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = OpenRouterSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void resetSimulator() {
        simulator.reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        OpenRouterComponent component = new OpenRouterComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        context.addComponent("openrouter", component);
        return context;
    }

    protected Exchange send(String uri, Object body) {
        return send(uri, body, Map.of());
    }

    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().getHeaders().putAll(headers);
        });
    }

    /** Sends and asserts success, returning the exchange the route got back. */
    protected Exchange sendOk(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = send(uri, body, headers);
        if (exchange.getException() != null) {
            throw new AssertionError("exchange failed: " + exchange.getException(), exchange.getException());
        }
        return exchange;
    }

    protected Exchange sendOk(String uri, Object body) {
        return sendOk(uri, body, Map.of());
    }

    /** The JSON document the simulator received last. */
    protected static JsonNode sentJson() {
        return simulator.lastRequest().json();
    }

    /** The content of the last message the simulator received. */
    protected static JsonNode sentUserContent() {
        JsonNode messages = sentJson().get("messages");
        return messages.get(messages.size() - 1).get("content");
    }

    protected static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Asserts an exchange failed with {@link OpenRouterInputException} whose message contains each fragment, and that nothing was sent. */
    protected static void assertRefusedBeforeSending(Exchange exchange, String... fragments) {
        assertThat(exchange.getException()).isInstanceOf(OpenRouterInputException.class);
        for (String fragment : fragments) {
            assertThat(exchange.getException().getMessage()).contains(fragment);
        }
        assertThat(simulator.requestCount()).as("requests the simulator received").isZero();
    }
}
