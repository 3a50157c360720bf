package io.github.camelopenrouter;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.SimulatorSettings;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer health check as Kubernetes sees it: Camel Main's management server over HTTP, readiness DOWN with the
 * reason when the key is rejected, the credits run out or OpenRouter cannot be reached, and UP again once it recovers.
 * One Camel Main for the whole class (it takes a second or two to start).
 */
class HealthCheckTest {

    private static final String KEY = "sk-or-v1-health-5ecret-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static OpenRouterSimulator simulator;
    private static Main main;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        simulator = OpenRouterSimulator.start();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ask").to("openrouter:chat?model=google/gemini-2.5-flash");
                // probed once an hour: what changes its health within a test is what its calls meet
                // a key that may not read the credits (not a management key): its limit is checked instead
                from("direct:limited").to("openrouter:chat?model=limited-model&apiKey=RAW(sk-or-v1-not-a-management-key)");
                from("direct:hourly").to("openrouter:chat?model=hourly-model&healthCheckInterval=3600000");
            }
        });
        main.addInitialProperty("camel.component.openrouter.api-key", KEY);
        main.addInitialProperty("camel.component.openrouter.base-url", simulator.baseUrl());
        main.addInitialProperty("camel.component.openrouter.health-check-interval", "100");
        main.addInitialProperty("camel.health.enabled", "true");
        main.addInitialProperty("camel.health.producersEnabled", "true");
        main.addInitialProperty("camel.health.exposureLevel", "full");
        main.addInitialProperty("camel.management.enabled", "true");
        main.addInitialProperty("camel.management.port", String.valueOf(port));
        main.addInitialProperty("camel.management.healthCheckEnabled", "true");
        main.start();
    }

    @AfterAll
    static void stop() {
        if (main != null) {
            main.stop();
        }
        simulator.close();
    }

    @BeforeEach
    void healthy() throws Exception {
        simulator.setApiFaultPolicy(null);
        simulator.reset();
        awaitReadiness(200, body -> check(body, "chat") != null && "UP".equals(check(body, "chat").path("status").asText()));
    }

    @Test
    void readyWhileTheAccountHasCredits() throws Exception {
        JsonNode body = awaitReadiness(200, b -> true);

        JsonNode check = check(body, "chat");
        assertThat(check.path("status").asText()).isEqualTo("UP");
        assertThat(check.path("data").path("openrouter.checked.with").asText()).isEqualTo("GET /credits");
        assertThat(check.path("data").path("openrouter.credits.remaining").asText()).isEqualTo("10");
        assertThat(check.path("data").path("openrouter.base.url").asText()).isEqualTo(simulator.baseUrl());
        assertThat(body.toString()).doesNotContain(KEY);
    }

    @Test
    void notReadyWhileTheKeyIsRejectedAndReadyAgainWhenItIsAccepted() throws Exception {
        simulator.setApiFaultPolicy(i -> Fault.error(401, "User not found."));

        JsonNode body = awaitReadiness(503, b -> true);

        JsonNode check = check(body, "chat");
        assertThat(check.path("status").asText()).isEqualTo("DOWN");
        assertThat(reason(check))
                .isEqualTo("OpenRouter rejected the API key (401: User not found.); check camel.component.openrouter.api-key"
                           + " or OPENROUTER_API_KEY");
        assertThat(check.path("data").path("http.response.code").asInt()).isEqualTo(401);
        assertThat(body.toString()).doesNotContain(KEY);

        simulator.setApiFaultPolicy(null);
        assertThat(check(awaitReadiness(200, b -> true), "chat").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void notReadyWhenTheCreditsAreExhaustedAndReadyAgainWhenCreditsAreAdded() throws Exception {
        simulator.setCredits(BigDecimal.ZERO);

        // wait for the check that saw the 402: on a loaded machine a 503 of the start-up check may be read first
        JsonNode check = check(awaitReadiness(503, b -> check(b, "chat") != null
                && check(b, "chat").path("data").path("openrouter.reason").asText().startsWith("credits exhausted")), "chat");
        assertThat(reason(check))
                .isEqualTo("credits exhausted: 0 of 0 USD used; add credits at https://openrouter.ai/settings/credits");
        assertThat(check.path("data").path("openrouter.credits.remaining").asText()).isEqualTo("0");

        simulator.setCredits(new BigDecimal("25"));
        assertThat(check(awaitReadiness(200, b -> true), "chat").path("data").path("openrouter.credits.remaining")
                .asText()).isEqualTo("25");
    }

    @Test
    void aKeyThatCannotReadTheCreditsIsCheckedAgainstItsOwnLimit() throws Exception {
        JsonNode check = check(awaitReadiness(200, b -> true), "limited-model");
        assertThat(check.path("data").path("openrouter.checked.with").asText()).isEqualTo("GET /key");
        assertThat(check.path("data").path("openrouter.credits.remaining").asText()).isEqualTo("5");

        simulator.setKeyLimit(BigDecimal.ZERO);

        check = check(awaitReadiness(503, b -> "DOWN".equals(check(b, "limited-model").path("status").asText())),
                "limited-model");
        assertThat(reason(check)).isEqualTo("the key's spending limit is reached (0 USD); raise it at"
                                            + " https://openrouter.ai/settings/keys");
        assertThat(check.toString()).doesNotContain("not-a-management-key");
    }

    @Test
    void notReadyOn402() throws Exception {
        simulator.setApiFaultPolicy(i -> Fault.error(402, "Insufficient credits"));

        // wait for the check that saw the 402: on a loaded machine a 503 of the start-up check may be read first
        JsonNode check = check(awaitReadiness(503, b -> check(b, "chat") != null
                && check(b, "chat").path("data").path("openrouter.reason").asText().startsWith("credits exhausted")), "chat");
        assertThat(reason(check))
                .isEqualTo("credits exhausted (402: Insufficient credits); add credits at https://openrouter.ai/settings/credits");

        simulator.setApiFaultPolicy(null);
        check = check(awaitReadiness(200, b -> true), "chat");
        assertThat(check.path("status").asText()).isEqualTo("UP");
        assertThat(check.path("data").path("openrouter.credits.remaining").asText()).isEqualTo("10");
    }

    @Test
    void aCallRefusedWith401MarksTheProducerDownAtOnceAndTheNextSuccessBringsItBack() throws Exception {
        awaitReadiness(200, b -> "UP".equals(check(b, "hourly-model").path("status").asText()));
        simulator.enqueue(Fault.error(401, "User not found."));

        main.getCamelContext().createProducerTemplate().send("direct:hourly", e -> e.getMessage().setBody("hello"));

        JsonNode check = check(awaitReadiness(503, b -> true), "hourly-model");
        assertThat(check.path("status").asText()).isEqualTo("DOWN");
        assertThat(check.path("data").path("openrouter.checked.with").asText()).isEqualTo("a call");
        assertThat(reason(check)).startsWith("OpenRouter rejected the API key (401: User not found.)");

        main.getCamelContext().createProducerTemplate().send("direct:hourly", e -> e.getMessage().setBody("hello"));

        check = check(awaitReadiness(200, b -> true), "hourly-model");
        assertThat(check.path("status").asText()).isEqualTo("UP");
        assertThat(reason(check)).isEqualTo("a call succeeded");
    }

    @Test
    void notReadyWhileOpenRouterIsUnreachableAndReadyAgainWhenItAnswers() throws Exception {
        // a producer whose OpenRouter cannot be reached, for this test only; later an OpenRouter answers on that port
        int openRouterPort = closedPort();
        main.getCamelContext().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:nowhere").routeId("nowhere")
                        .to("openrouter:chat?baseUrl=http://127.0.0.1:" + openRouterPort + "/api/v1");
            }
        });
        try {
            JsonNode body = awaitReadiness(503, b -> check(b, "127.0.0.1") != null
                    && "DOWN".equals(check(b, "127.0.0.1").path("status").asText()));
            JsonNode check = check(body, "127.0.0.1");
            assertThat(reason(check)).startsWith("OpenRouter unreachable at http://127.0.0.1:")
                    .contains("connection_failed");
            assertThat(check(body, "chat?model").path("status").asText()).isEqualTo("UP");

            try (OpenRouterSimulator reachable = OpenRouterSimulator.start(SimulatorSettings.defaults(), openRouterPort)) {
                body = awaitReadiness(200, b -> check(b, "127.0.0.1") != null
                        && "UP".equals(check(b, "127.0.0.1").path("status").asText()));
                assertThat(check(body, "127.0.0.1").path("data").path("openrouter.base.url").asText())
                        .isEqualTo(reachable.baseUrl());
            }
        } finally {
            main.getCamelContext().getRouteController().stopRoute("nowhere");
            main.getCamelContext().removeRoute("nowhere");
        }
        assertThat(check(awaitReadiness(200, b -> true), "127.0.0.1")).isNull();
    }

    @Test
    void healthRequestsNeverCallOpenRouter() throws Exception {
        // the monitor's own schedule is 100 ms here; what matters is that polling readiness adds nothing
        int before = creditsRequests();
        long started = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            readiness();
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        int probes = creditsRequests() - before;
        assertThat(probes).isLessThanOrEqualTo((int) (elapsedMillis / 100) + 2);
    }

    @Test
    void exchangesNeverCallOpenRouterForHealth() throws Exception {
        // the monitor's schedule (100 ms here) alone decides how often the account is read, not the traffic
        int before = creditsRequests();
        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            main.getCamelContext().createProducerTemplate().sendBody("direct:ask", "hello " + i);
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        int probes = creditsRequests() - before;
        assertThat(simulator.requestCount()).as("chat requests").isGreaterThanOrEqualTo(40);
        assertThat(probes).as("account reads during %d exchanges in %d ms", 40, elapsedMillis)
                .isLessThanOrEqualTo((int) (elapsedMillis / 100) + 2);
    }

    /**
     * The DOWN reason, from the check's data: Camel's JSON escapes the slashes of its "message" twice
     * ({@code http:\\/\\/...}), the data values once, as JSON should.
     */
    private static String reason(JsonNode check) {
        if (check.has("message")) {
            assertThat(check.path("message").asText()).startsWith(check.path("data").path("openrouter.reason").asText()
                    .substring(0, 12));
        }
        return check.path("data").path("openrouter.reason").asText();
    }

    private static int creditsRequests() {
        return (int) simulator.apiRequests().stream().filter(r -> r.path().endsWith("/credits")).count();
    }

    /** The check of the endpoint whose URI contains {@code uriPart}, or null. */
    private static JsonNode check(JsonNode body, String uriPart) {
        for (JsonNode check : body.path("checks")) {
            if (check.path("name").asText().startsWith("producer:openrouter-")
                    && check.path("data").path("endpoint.uri").asText().contains(uriPart)) {
                return check;
            }
        }
        return null;
    }

    private static JsonNode awaitReadiness(int status, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = readiness();
            JsonNode body = OpenRouterTestSupport.JSON.readTree(last.body());
            if (last.statusCode() == status && condition.test(body)) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("readiness never answered " + status + "; last: " + (last == null ? null
                : last.statusCode() + " " + last.body()));
    }

    private static HttpResponse<String> readiness() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health/ready?data=true"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
