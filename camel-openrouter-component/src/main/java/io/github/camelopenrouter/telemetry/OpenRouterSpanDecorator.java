package io.github.camelopenrouter.telemetry;

import java.net.URI;

import io.github.camelopenrouter.OpenRouterComponent;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;

/**
 * The span of an {@code openrouter:} call in OpenTelemetry's GenAI conventions: named {@code "chat <model>"}, with
 * {@code gen_ai.operation.name}, {@code gen_ai.provider.name}, {@code gen_ai.request.model} when it starts and the model
 * that answered, the tokens, the finish reason, the response id and OpenRouter's cost once it ends. Found by Camel's
 * telemetry SPI (camel-opentelemetry2 and the other tracers on camel-telemetry) through
 * {@code META-INF/services/org.apache.camel.telemetry.SpanDecorator}; without camel-telemetry this class is never
 * loaded. Attributes come from the exchange's headers, which never hold the key.
 */
public class OpenRouterSpanDecorator extends AbstractSpanDecorator {

    @Override
    public String getComponent() {
        return "openrouter";
    }

    @Override
    public String getComponentClassName() {
        return OpenRouterComponent.class.getName();
    }

    /** {@code "{gen_ai.operation.name} {gen_ai.request.model}"}, as the conventions name client spans. */
    @Override
    public String getOperationName(Exchange exchange, Endpoint endpoint) {
        String operation = operation(endpoint);
        String model = requestModel(exchange, endpoint);
        return model == null ? operation : operation + " " + model;
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        span.setTag("gen_ai.operation.name", operation(endpoint));
        span.setTag("gen_ai.provider.name", "openrouter");
        String model = requestModel(exchange, endpoint);
        if (model != null) {
            span.setTag("gen_ai.request.model", model);
        }
        if (endpoint instanceof OpenRouterEndpoint openrouter) {
            URI base = URI.create(openrouter.getConfiguration().getBaseUrl());
            if (base.getHost() != null) {
                span.setTag("server.address", base.getHost());
            }
            Object temperature = exchange.getMessage().getHeader(OpenRouterConstants.TEMPERATURE,
                    openrouter.getConfiguration().getTemperature());
            if (temperature != null) {
                span.setTag("gen_ai.request.temperature", String.valueOf(temperature));
            }
        }
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        Message out = exchange.getMessage();
        tag(span, "gen_ai.response.model", out.getHeader(OpenRouterConstants.RESPONSE_MODEL));
        tag(span, "gen_ai.response.id", out.getHeader(OpenRouterConstants.RESPONSE_ID));
        tag(span, "gen_ai.usage.input_tokens", out.getHeader(OpenRouterConstants.PROMPT_TOKENS));
        tag(span, "gen_ai.usage.output_tokens", out.getHeader(OpenRouterConstants.COMPLETION_TOKENS));
        Object finish = out.getHeader(OpenRouterConstants.FINISH_REASON);
        if (finish != null) {
            // an array in the conventions; Camel's span API carries strings, so a one-element JSON-like list
            span.setTag("gen_ai.response.finish_reasons", "[\"" + finish + "\"]");
        }
        tag(span, "openrouter.cost", out.getHeader(OpenRouterConstants.COST));
        tag(span, "openrouter.provider", out.getHeader(OpenRouterConstants.PROVIDER));
        tag(span, "openrouter.attempts", out.getHeader(OpenRouterConstants.ATTEMPTS));
        if (exchange.isFailed()) {
            tag(span, "error.type", exchange.getProperty(OpenRouterConstants.ERROR_TYPE));
        }
    }

    private static String operation(Endpoint endpoint) {
        return endpoint instanceof OpenRouterEndpoint openrouter
                ? openrouter.getConfiguration().getOperation().name() : stripSchemeAndOptions(endpoint);
    }

    private static String requestModel(Exchange exchange, Endpoint endpoint) {
        String model = exchange.getMessage().getHeader(OpenRouterConstants.MODEL, String.class);
        if ((model == null || model.isBlank()) && endpoint instanceof OpenRouterEndpoint openrouter) {
            model = openrouter.getConfiguration().getModel();
        }
        return model == null || model.isBlank() ? null : model;
    }

    private static void tag(Span span, String name, Object value) {
        if (value != null) {
            span.setTag(name, String.valueOf(value));
        }
    }
}
