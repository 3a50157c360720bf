package io.github.camelopenrouter.springboot;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelopenrouter.OpenRouterComponent;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The starter in a Spring Boot application, as a user runs one: properties (relaxed names, an environment variable)
 * reach the component, actuator's readiness over HTTP follows the producer health check, and the GenAI metrics are
 * in actuator's metrics. One application for the class (Spring Boot takes seconds to start); the misspelt property
 * starts a second, small one that must fail.
 */
class OpenRouterStarterTest {

    private static final String KEY = "sk-or-v1-starter-5ecret-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static OpenRouterSimulator simulator;
    private static ConfigurableApplicationContext application;
    private static int port;

    @BeforeAll
    static void start() {
        simulator = OpenRouterSimulator.start();
        Map<String, Object> properties = new HashMap<>();
        properties.put("camel.component.openrouter.base-url", simulator.baseUrl());
        properties.put("camel.component.openrouter.api-key", KEY);
        properties.put("camel.component.openrouter.maxRetries", "5"); // camelCase binds too
        properties.put("camel.component.openrouter.request-timeout", "45s");
        properties.put("camel.component.openrouter.health-check-interval", "200ms");
        properties.put("camel.health.producers-enabled", "true");
        properties.put("server.port", "0");
        properties.put("management.endpoints.web.exposure.include", "health,metrics");
        properties.put("management.endpoint.health.show-details", "always");
        properties.put("management.endpoint.health.probes.enabled", "true");
        properties.put("management.endpoint.health.group.readiness.include", "readinessState,camelHealth");
        // what Kubernetes sets as environment variables, bound by Spring's relaxed rules
        Map<String, Object> environment = Map.of("CAMEL_COMPONENT_OPENROUTER_APPTITLE", "Starter test",
                "CAMEL_COMPONENT_OPENROUTER_CONNECTTIMEOUT", "7s");
        application = new SpringApplicationBuilder(StarterTestApplication.class)
                .environment(environment(properties, environment)).run();
        port = ((WebServerApplicationContext) application).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
        simulator.close();
    }

    @Test
    void propertiesAndEnvironmentVariablesReachTheComponent() {
        CamelContext camel = application.getBean(CamelContext.class);
        OpenRouterComponent component = camel.getComponent("openrouter", OpenRouterComponent.class);

        assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(simulator.baseUrl());
        assertThat(component.getConfiguration().getMaxRetries()).isEqualTo(5);
        assertThat(component.getConfiguration().getRequestTimeout()).isEqualTo(45_000L);
        assertThat(component.getConfiguration().getConnectTimeout()).isEqualTo(7_000L);
        assertThat(component.getConfiguration().getAppTitle()).isEqualTo("Starter test");

        Exchange answered = camel.createProducerTemplate().request("direct:ask", e -> e.getMessage().setBody("hello"));

        assertThat(answered.getException()).isNull();
        assertThat(simulator.lastRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(simulator.lastRequest().header("X-OpenRouter-Title")).isEqualTo("Starter test");
    }

    @Test
    void actuatorReadinessFollowsTheCreditsAndComesBack() throws Exception {
        assertThat(awaitReadiness(200).path("status").asText()).isEqualTo("UP");

        simulator.setCredits(BigDecimal.ZERO);
        JsonNode down = awaitReadiness(503);
        assertThat(down.path("components").path("camelHealth").path("status").asText()).isEqualTo("DOWN");
        assertThat(down.toString()).contains("credits exhausted").doesNotContain(KEY);

        simulator.setCredits(new BigDecimal("10"));
        assertThat(awaitReadiness(200).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theGenAiMetricsAreInActuatorsMetrics() throws Exception {
        application.getBean(CamelContext.class).createProducerTemplate().request("direct:ask",
                e -> e.getMessage().setBody("count me"));

        HttpResponse<String> reply = get("/actuator/metrics/gen_ai.client.operation.duration"
                                         + "?tag=gen_ai.request.model:google/gemini-2.5-flash");

        assertThat(reply.statusCode()).isEqualTo(200);
        JsonNode metric = JSON.readTree(reply.body());
        assertThat(metric.path("baseUnit").asText()).isEqualTo("seconds");
        assertThat(metric.path("measurements").get(0).path("statistic").asText()).isEqualTo("COUNT");
        assertThat(metric.path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(get("/actuator/metrics/openrouter.client.cost").statusCode()).isEqualTo(200);
    }

    @Test
    void aMisspeltPropertyFailsTheStart() {
        Map<String, Object> properties = Map.of("camel.component.openrouter.api-kee", KEY,
                "camel.component.openrouter.base-url", simulator.baseUrl());

        assertThatThrownBy(() -> new SpringApplicationBuilder(StarterTestApplication.class)
                .web(WebApplicationType.NONE).environment(environment(properties, Map.of())).run().close())
                .hasStackTraceContaining("camel.component.openrouter.api-kee");
    }

    private static StandardEnvironment environment(Map<String, Object> properties, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    private static JsonNode awaitReadiness(int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get("/actuator/health/readiness");
            if (last.statusCode() == status) {
                return JSON.readTree(last.body());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("readiness never answered " + status + "; last: "
                                 + (last == null ? null : last.statusCode() + " " + last.body()));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
