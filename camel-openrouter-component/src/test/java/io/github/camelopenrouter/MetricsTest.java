package io.github.camelopenrouter;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelopenrouter.simulator.Fault;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GenAI client metrics, read from a real Micrometer registry (Prometheus's, as a scrape sees it) after calls through
 * the simulator.
 */
class MetricsTest extends OpenRouterTestSupport {

    private static final String CHAT = "openrouter:chat?model=google/gemini-2.5-flash";

    private PrometheusMeterRegistry registry;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        context.getRegistry().bind("prometheusMeterRegistry", registry);
        return context;
    }

    @Test
    void aChatCallRecordsDurationTokensAndCostWithTheGenAiAttributes() {
        Exchange exchange = sendOk(CHAT, "Describe the weather");
        Map<String, Object> headers = exchange.getMessage().getHeaders();

        Timer duration = registry.get("gen_ai.client.operation.duration").tag("gen_ai.operation.name", "chat")
                .tag("gen_ai.provider.name", "openrouter").tag("gen_ai.request.model", "google/gemini-2.5-flash")
                .tag("gen_ai.response.model", (String) headers.get(OpenRouterConstants.RESPONSE_MODEL))
                .tag("server.address", "127.0.0.1").tag("server.port", String.valueOf(simulator.port()))
                .tag("error.type", "").timer();
        assertThat(duration.count()).isEqualTo(1);
        assertThat(duration.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();

        DistributionSummary input = registry.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "input").summary();
        DistributionSummary output = registry.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "output").summary();
        assertThat(input.totalAmount()).isEqualTo(((Number) headers.get(OpenRouterConstants.PROMPT_TOKENS)).doubleValue());
        assertThat(output.totalAmount())
                .isEqualTo(((Number) headers.get(OpenRouterConstants.COMPLETION_TOKENS)).doubleValue());
        Counter cost = registry.get("openrouter.client.cost").tag("gen_ai.request.model", "google/gemini-2.5-flash")
                .counter();
        assertThat(cost.count()).isEqualTo(((Number) headers.get(OpenRouterConstants.COST)).doubleValue());
    }

    @Test
    void aFailedCallRecordsItsErrorType() {
        simulator.enqueue(Fault.error(401, "User not found."));

        Exchange exchange = send(CHAT, "hello");

        assertThat(exchange.getException()).isInstanceOf(OpenRouterApiException.class);
        Timer failed = registry.get("gen_ai.client.operation.duration").tag("error.type", "unauthorized").timer();
        assertThat(failed.count()).isEqualTo(1);
        assertThat(registry.find("gen_ai.client.token.usage").summaries()).isEmpty();
    }

    @Test
    void retriesAreCounted() {
        simulator.enqueue(Fault.error(503, "Overloaded"), Fault.error(503, "Overloaded"));

        sendOk(CHAT + "&retryInitialDelay=1&retryMaxDelay=5", "hello");

        assertThat(registry.get("openrouter.client.retries").counter().count()).isEqualTo(2);
        assertThat(registry.get("gen_ai.client.operation.duration").timer().count()).isEqualTo(1);
    }

    @Test
    void requestsUnderWayAreAGauge() throws Exception {
        simulator.setLatency(Duration.ofSeconds(2));
        CompletableFuture<Exchange> reply = template.asyncSend(CHAT, e -> e.getMessage().setBody("hello"));
        Gauge active = registry.get("openrouter.client.requests.active").gauge();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (active.value() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(active.value()).isEqualTo(1);
        assertThat(registry.get("openrouter.client.requests.waiting_retry").gauge().value()).isZero();
        // the component's limiter: one slot taken, none queued, its limit the configured maxConcurrentRequests
        OpenRouterComponent component = context.getComponent("openrouter", OpenRouterComponent.class);
        assertThat(registry.get("openrouter.client.requests.in_flight").gauge().value()).isEqualTo(1);
        assertThat(registry.get("openrouter.client.requests.queued").gauge().value()).isZero();
        assertThat(registry.get("openrouter.client.concurrency.limit").gauge().value())
                .isEqualTo(component.getConcurrencyLimit()).isPositive();
        assertThat(registry.get("openrouter.client.load_refusals").functionCounter().count()).isZero();

        assertThat(reply.get().getException()).isNull();
        assertThat(active.value()).isZero();
    }

    @Test
    void embeddingsAreAGenAiOperationTooAndAccountCallsAreNot() {
        sendOk("openrouter:embeddings?model=openai/text-embedding-3-small", "a text");
        sendOk("openrouter:credits", null);

        assertThat(registry.get("gen_ai.client.operation.duration").tag("gen_ai.operation.name", "embeddings").timer()
                .count()).isEqualTo(1);
        assertThat(registry.find("gen_ai.client.operation.duration").tag("gen_ai.operation.name", "credits").timers())
                .isEmpty();
    }

    @Test
    void aPrometheusScrapeShowsTheConventionsNames() {
        sendOk(CHAT, "hello");

        String scrape = registry.scrape();

        assertThat(scrape).contains("# TYPE gen_ai_client_operation_duration_seconds summary")
                .containsPattern("gen_ai_client_operation_duration_seconds_count\\{error_type=\"\",gen_ai_operation_name="
                                 + "\"chat\",gen_ai_provider_name=\"openrouter\",gen_ai_request_model="
                                 + "\"google/gemini-2.5-flash\",gen_ai_response_model=\"[^\"]+\",server_address="
                                 + "\"127.0.0.1\",server_port=\"\\d+\"} 1")
                .contains("gen_ai_client_token_usage_tokens_count{", "gen_ai_token_type=\"input\"")
                .contains("openrouter_client_cost_usd_total{")
                .doesNotContain(API_KEY);
        System.out.println(scrape);
    }
}
