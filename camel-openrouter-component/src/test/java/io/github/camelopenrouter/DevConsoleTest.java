package io.github.camelopenrouter;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelopenrouter.simulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The openrouter dev console ({@code camel get openrouter}, the dev console's page): its JSON after real calls. */
class DevConsoleTest extends OpenRouterTestSupport {

    private static final String CHAT = "openrouter:chat?model=google/gemini-2.5-flash&retryInitialDelay=1&retryMaxDelay=5";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setDevConsole(true);
        return context;
    }

    @Test
    void showsPerEndpointOperationModelBaseUrlRequestsFailuresRetriesTokensAndCost() throws Exception {
        Exchange first = sendOk(CHAT, "one");
        simulator.enqueue(Fault.error(503, "Overloaded"));
        Exchange second = sendOk(CHAT, "two");
        simulator.enqueue(Fault.error(401, "User not found."));
        assertThat(send(CHAT, "three").getException()).isInstanceOf(OpenRouterApiException.class);
        sendOk("openrouter:credits", null);

        JsonNode chat = endpoint(json(), "openrouter://chat");
        assertThat(chat.path("operation").asText()).isEqualTo("chat");
        assertThat(chat.path("model").asText()).isEqualTo("google/gemini-2.5-flash");
        assertThat(chat.path("baseUrl").asText()).isEqualTo(simulator.baseUrl());
        assertThat(chat.path("requests").asLong()).isEqualTo(3);
        assertThat(chat.path("failures").asLong()).isEqualTo(1);
        assertThat(chat.path("retries").asLong()).isEqualTo(1);
        assertThat(chat.path("lastErrorType").asText()).isEqualTo("unauthorized");
        assertThat(chat.path("inputTokens").asLong()).isEqualTo(sum(first, second, OpenRouterConstants.PROMPT_TOKENS));
        assertThat(chat.path("outputTokens").asLong()).isEqualTo(sum(first, second, OpenRouterConstants.COMPLETION_TOKENS));
        assertThat(chat.path("cost").asDouble()).isCloseTo(
                first.getMessage().getHeader(OpenRouterConstants.COST, Double.class)
                + second.getMessage().getHeader(OpenRouterConstants.COST, Double.class), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(chat.path("inFlight").asInt()).isZero();
        assertThat(chat.path("waitingRetry").asInt()).isZero();

        JsonNode credits = endpoint(json(), "openrouter://credits");
        assertThat(credits.path("requests").asLong()).isEqualTo(1);
        assertThat(credits.path("failures").asLong()).isZero();

        String text = (String) console().call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("openrouter://chat?model=google/gemini-2.5-flash")
                .contains("requests: 3  failures: 1  retries: 1");
        assertThat(text + json()).doesNotContain(API_KEY);
    }

    @Test
    void showsWhatIsInFlight() throws Exception {
        simulator.setLatency(Duration.ofSeconds(2));
        CompletableFuture<Exchange> reply = template.asyncSend(CHAT, e -> e.getMessage().setBody("slow"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (endpoint(json(), "openrouter://chat").path("inFlight").asInt() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(endpoint(json(), "openrouter://chat").path("inFlight").asInt()).isEqualTo(1);
        JsonNode component = json().path("components").get(0);
        assertThat(component.path("name").asText()).isEqualTo("openrouter");
        assertThat(component.path("inFlight").asInt()).isEqualTo(1);
        assertThat(component.path("queued").asInt()).isZero();
        assertThat(component.path("concurrencyLimit").asInt()).isPositive();

        assertThat(reply.get().getException()).isNull();
        assertThat(endpoint(json(), "openrouter://chat").path("inFlight").asInt()).isZero();
    }

    private DevConsole console() {
        return context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class).getConsole("openrouter")
                .orElseThrow(() -> new AssertionError("no openrouter dev console"));
    }

    private JsonNode json() throws Exception {
        Object json = console().call(DevConsole.MediaType.JSON);
        return JSON.readTree(Jsoner.serialize(json));
    }

    private static JsonNode endpoint(JsonNode json, String uriPrefix) {
        for (JsonNode endpoint : json.path("endpoints")) {
            if (endpoint.path("uri").asText().startsWith(uriPrefix)) {
                return endpoint;
            }
        }
        throw new AssertionError("no endpoint " + uriPrefix + " in " + json);
    }

    private static long sum(Exchange a, Exchange b, String header) {
        return a.getMessage().getHeader(header, Long.class) + b.getMessage().getHeader(header, Long.class);
    }
}
