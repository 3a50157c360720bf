package io.github.camelopenrouter;

import java.util.List;

import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key and the other header values are checked when the endpoint starts, and the key is removed from every error
 * text built out of a reply that echoed it - over a real socket to the simulator, looking at what the route and the
 * logs get.
 */
class SecretsTest {

    private static final String KEY = "sk-or-v1-LEAKCANARY-9d8c7b6a5f4e3d2c1b0a99887766554433";
    /** Any 12 characters of the key would be a leak; these are its start and its end. */
    private static final String KEY_START = "sk-or-v1-LEAK";
    private static final String KEY_END = "99887766554433";

    private static OpenRouterSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = OpenRouterSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    private static DefaultCamelContext camel(String key, String options) throws Exception {
        return camel(key, null, null, options);
    }

    private static DefaultCamelContext camel(String key, String appTitle, String appUrl, String options) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        OpenRouterComponent component = new OpenRouterComponent();
        component.getConfiguration().setApiKey(key);
        component.getConfiguration().setAppTitle(appTitle);
        component.getConfiguration().setAppUrl(appUrl);
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        component.setEnvironment(name -> null);
        camel.addComponent("openrouter", component);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("openrouter:chat?maxRetries=0" + options);
            }
        });
        return camel;
    }

    @Test
    void aHeaderValueWithAnIllegalCharacterStopsTheEndpointAtStartNamingTheCharacterNotTheValue() throws Exception {
        record Case(String key, String appTitle, String appUrl, String expected) {
        }
        List<Case> cases = List.of(
                new Case("\uFEFF" + KEY, null, null, "The API key (apiKey option or OPENROUTER_API_KEY) contains a character that"
                                              + " cannot be sent in an HTTP header: U+FEFF (zero width no-break space) at position 1"),
                new Case(KEY.substring(0, 20) + "\u200B" + KEY.substring(20), null, null, "U+200B (zero width space) at position 21"),
                new Case(KEY + "\nsk-or-v1-second-line-of-a-pasted-file", null, null, "U+000A (line feed (lf)) at position"),
                new Case(KEY, "Invoice bot\r\nX-Injected: 1", null, "The appTitle option contains a character that cannot"
                                                                        + " be sent in an HTTP header: U+000D"),
                new Case(KEY, null, "https://example.com/caf\u00e9", "The appUrl option contains a character that cannot"
                                                                      + " be sent in an HTTP header: U+00E9"));
        for (Case c : cases) {
            try (LogCapture logs = LogCapture.everything(); DefaultCamelContext camel = camel(c.key(), c.appTitle(), c.appUrl(), "")) {
                assertThatThrownBy(camel::start).as(c.expected()).rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(c.expected())
                        .hasMessageContaining("the value is not shown")
                        .hasMessageNotContaining(KEY_START).hasMessageNotContaining(KEY_END)
                        .hasMessageNotContaining("Invoice bot").hasMessageNotContaining("example.com");
                assertThat(logs.text()).doesNotContain(KEY_START).doesNotContain(KEY_END);
            }
        }
        assertThat(simulator.requestCount()).as("requests sent").isZero();
    }

    @Test
    void aKeyWithSurroundingWhitespaceIsTrimmedAndStillWorks() throws Exception {
        try (DefaultCamelContext camel = camel("  " + KEY + "\n", "")) {
            camel.start();
            Exchange exchange = camel.createProducerTemplate().request("direct:in", e -> e.getMessage().setBody("Hi"));
            assertThat(exchange.getException()).isNull();
        }
        assertThat(simulator.lastRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void anErrorReplyEchoingTheAuthorizationHeaderReachesTheRouteAndTheLogsWithoutTheKey() throws Exception {
        String echoed = "{\"error\":{\"code\":401,\"message\":\"Invalid header Authorization: Bearer " + KEY + "\","
                        + "\"metadata\":{\"request_headers\":{\"authorization\":\"Bearer " + KEY + "\"},\""
                        + KEY + "\":[\"" + KEY + "\"]}}}";
        // a proxy's page quoting the request, the key straddling the 200-character excerpt cut
        String page = "<html><body><pre>" + "x".repeat(170) + " Authorization: Bearer " + KEY + "</pre></body></html>";
        // a 200 whose error echoes the key
        String inBody = "{\"error\":{\"code\":502,\"message\":\"Upstream refused key " + KEY + "\"}}";
        List<String> shown = new java.util.ArrayList<>();
        String logs;
        try (LogCapture capture = LogCapture.everything(); DefaultCamelContext camel = camel(KEY, "")) {
            camel.start();
            for (Fault fault : new Fault[] { Fault.status(401, echoed), Fault.status(400, page), Fault.status(200, inBody) }) {
                simulator.enqueue(fault);
                Exchange exchange = camel.createProducerTemplate().request("direct:in", e -> e.getMessage().setBody("Hi"));
                OpenRouterApiException failure = exchange.getException(OpenRouterApiException.class);
                assertThat(failure).as(fault.toString()).isNotNull();
                shown.add(failure.getMessage());
                shown.add(String.valueOf(failure.getErrorMessage()));
                shown.add(String.valueOf(failure.getResponseExcerpt()));
                shown.add(String.valueOf(failure.getMetadata()));
                java.io.StringWriter trace = new java.io.StringWriter();
                failure.printStackTrace(new java.io.PrintWriter(trace));
                shown.add(trace.toString());
            }
            logs = capture.text();
        }
        assertThat(shown).noneSatisfy(text -> assertThat(text).containsAnyOf(KEY_START, KEY_END));
        assertThat(String.join("\n", shown)).contains(
                "OpenRouter returned HTTP 401: Invalid header Authorization: Bearer [redacted API key]",
                "{\"request_headers\":{\"authorization\":\"Bearer [redacted API key]\"},\"[redacted API key]\":[\"[redacted API key]\"]}",
                "OpenRouter returned HTTP 400 with a non-JSON body (application/json): <html><body><pre>xxx",
                "Upstream refused key [redacted API key]");
        assertThat(logs).contains("OpenRouter returned HTTP 401").doesNotContain(KEY_START).doesNotContain(KEY_END);
        assertThat(simulator.requests()).hasSize(3)
                .allSatisfy(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY));
    }
}
