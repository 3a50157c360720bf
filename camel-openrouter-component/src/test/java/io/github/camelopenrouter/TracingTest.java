package io.github.camelopenrouter;

import java.util.List;

import io.github.camelopenrouter.simulator.Fault;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** camel-opentelemetry2 traces a route; the openrouter span carries the GenAI attributes, read from an in-memory exporter. */
class TracingTest extends OpenRouterTestSupport {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private SdkTracerProvider provider;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
        context.getRegistry().bind("tracer", provider.get("camel-openrouter-test"));
        context.getRegistry().bind("propagators", ContextPropagators.noop());
        OpenTelemetryTracer tracer = new OpenTelemetryTracer();
        tracer.init(context);
        return context;
    }

    @AfterEach
    void closeProvider() {
        provider.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ask").routeId("ask").to("openrouter:chat?model=google/gemini-2.5-flash&temperature=0.2");
            }
        };
    }

    @Test
    void theOpenRouterSpanCarriesModelsTokensFinishReasonAndCost() {
        Exchange exchange = sendOk("direct:ask", "Describe the weather");

        SpanData span = openRouterSpan();
        assertThat(span.getName()).isEqualTo("chat google/gemini-2.5-flash");
        assertThat(attribute(span, "gen_ai.operation.name")).isEqualTo("chat");
        assertThat(attribute(span, "gen_ai.provider.name")).isEqualTo("openrouter");
        assertThat(attribute(span, "gen_ai.request.model")).isEqualTo("google/gemini-2.5-flash");
        assertThat(attribute(span, "server.address")).isEqualTo("127.0.0.1");
        assertThat(attribute(span, "gen_ai.response.model"))
                .isEqualTo(exchange.getMessage().getHeader(OpenRouterConstants.RESPONSE_MODEL));
        assertThat(attribute(span, "gen_ai.response.id"))
                .isEqualTo(exchange.getMessage().getHeader(OpenRouterConstants.RESPONSE_ID));
        assertThat(attribute(span, "gen_ai.usage.input_tokens"))
                .isEqualTo(String.valueOf(exchange.getMessage().getHeader(OpenRouterConstants.PROMPT_TOKENS)));
        assertThat(attribute(span, "gen_ai.usage.output_tokens"))
                .isEqualTo(String.valueOf(exchange.getMessage().getHeader(OpenRouterConstants.COMPLETION_TOKENS)));
        assertThat(attribute(span, "gen_ai.response.finish_reasons")).isEqualTo("[\"stop\"]");
        assertThat(attribute(span, "openrouter.cost"))
                .isEqualTo(String.valueOf(exchange.getMessage().getHeader(OpenRouterConstants.COST)));
        assertThat(attribute(span, "gen_ai.request.temperature")).isEqualTo("0.2");
        assertThat(attribute(span, "openrouter.provider"))
                .isEqualTo(exchange.getMessage().getHeader(OpenRouterConstants.PROVIDER)).isNotNull();
        assertThat(attribute(span, "openrouter.attempts")).isEqualTo("1");
        assertThat(span.toString()).doesNotContain(API_KEY);
    }

    @Test
    void aRetriedCallCountsItsAttemptsOnTheSpan() {
        simulator.enqueue(Fault.error(503, "No provider available"));
        sendOk("direct:ask", "Describe the weather");

        assertThat(attribute(openRouterSpan(), "openrouter.attempts")).isEqualTo("2");
    }

    @Test
    void aFailedCallMarksTheSpanWithItsErrorType() {
        simulator.enqueue(Fault.error(401, "User not found."));

        Exchange exchange = send("direct:ask", "hello");

        assertThat(exchange.getException()).isInstanceOf(OpenRouterApiException.class);
        SpanData span = openRouterSpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attribute(span, "error.type")).isEqualTo("unauthorized");
        assertThat(attribute(span, "gen_ai.usage.input_tokens")).isNull();
        assertThat(span.toString()).doesNotContain(API_KEY);
    }

    private SpanData openRouterSpan() {
        List<SpanData> spans = exporter.getFinishedSpanItems().stream()
                .filter(s -> "chat".equals(attribute(s, "gen_ai.operation.name"))).toList();
        assertThat(spans).as("openrouter spans among %s", exporter.getFinishedSpanItems()).hasSize(1);
        return spans.get(0);
    }

    private static String attribute(SpanData span, String name) {
        return span.getAttributes().get(AttributeKey.stringKey(name));
    }
}
