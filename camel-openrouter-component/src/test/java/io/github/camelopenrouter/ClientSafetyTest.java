package io.github.camelopenrouter;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ways the key could leave that the component does not control: a user's HttpClient that follows a redirect to
 * another host or has an Authenticator (refused at start), a plain-http base URL (a warning at start).
 */
class ClientSafetyTest {

    private static final String KEY = "sk-or-v1-test-redirect-0123456789";

    private static OpenRouterSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = OpenRouterSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static DefaultCamelContext camel(HttpClient http, String baseUrl) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        OpenRouterComponent component = new OpenRouterComponent();
        component.getConfiguration().setApiKey(KEY);
        component.getConfiguration().setBaseUrl(baseUrl);
        component.getConfiguration().setHttpClient(http);
        camel.addComponent("openrouter", component);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("openrouter:chat?maxRetries=0");
            }
        });
        return camel;
    }

    @Test
    void aUserClientThatFollowsRedirectsIsRefusedSoARedirectCannotTakeTheKeyElsewhere() throws Exception {
        AtomicReference<String> authorization = new AtomicReference<>();
        try (HostileServer elsewhere = HostileServer.start((request, out) -> {
            authorization.set(request.header("Authorization"));
            out.write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n".getBytes());
        })) {
            simulator.reset();
            simulator.enqueue(Fault.status(307, "{}").withHeader("Location", elsewhere.baseUrl() + "/chat/completions"));
            HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
            try (DefaultCamelContext camel = camel(following, simulator.baseUrl())) {
                assertThatThrownBy(() -> {
                    camel.start();
                    camel.createProducerTemplate().request("direct:in", e -> e.getMessage().setBody("Hi"));
                }).rootCause().isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("The httpClient of openrouter://chat follows redirects (Redirect.ALWAYS): a"
                                              + " redirect would send the request, with the API key in its Authorization"
                                              + " header, to whatever host the reply names")
                        .hasMessageContaining("followRedirects(HttpClient.Redirect.NEVER)");
            }
            assertThat(elsewhere.connections()).as("requests that reached the other host").isZero();
            assertThat(authorization.get()).isNull();
        }
    }

    @Test
    void aUserClientWithAnAuthenticatorIsRefusedBecauseItWouldDropTheKey() throws Exception {
        HttpClient authenticating = HttpClient.newBuilder().authenticator(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication("proxy-user", "proxy-password".toCharArray());
            }
        }).build();
        simulator.reset();
        try (DefaultCamelContext camel = camel(authenticating, simulator.baseUrl())) {
            assertThatThrownBy(camel::start).rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has an Authenticator: the JDK then drops the Authorization header the API key"
                                          + " travels in, so every request would be refused with 401");
        }
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void aPlainHttpBaseUrlWarnsAtStartExceptOnLoopback() throws Exception {
        simulator.reset();
        String logs;
        try (LogCapture capture = LogCapture.everything()) {
            try (DefaultCamelContext camel = camel(null, "http://gateway.example.net:8080/api/v1")) {
                camel.start();
            }
            try (DefaultCamelContext camel = camel(null, simulator.baseUrl())) {
                camel.start();
                assertThat(camel.createProducerTemplate().request("direct:in", e -> e.getMessage().setBody("Hi"))
                        .getException()).isNull();
            }
            logs = capture.text();
        }
        assertThat(logs).contains("WARN", "openrouter://chat sends to http://gateway.example.net:8080: the API key and every"
                                          + " request travel unencrypted over the network. Use https://")
                .doesNotContain("sends to http://127.0.0.1").doesNotContain(KEY);
    }
}
