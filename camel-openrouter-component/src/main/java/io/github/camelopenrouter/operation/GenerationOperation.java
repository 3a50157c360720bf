package io.github.camelopenrouter.operation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.client.ApiCall;
import io.github.camelopenrouter.client.RetryingSender;
import io.github.camelopenrouter.wire.DataEnvelope;
import io.github.camelopenrouter.wire.Generation;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code openrouter:generation}: {@code GET /generation?id=} for the id in {@code CamelOpenRouterResponseId} (what chat
 * sets) or the body. OpenRouter makes the record readable a moment after the call, so a 404 is asked again every 250
 * ms for up to {@code generationWait}.
 */
public final class GenerationOperation extends ApiOperation<Generation> {

    private static final TypeReference<DataEnvelope<Generation>> TYPE = new TypeReference<>() {
    };

    public GenerationOperation(RetryingSender sender, OpenRouterConfiguration configuration) {
        super(sender, configuration);
        if (configuration.getGenerationWait() < 0) {
            throw new IllegalArgumentException("generationWait must be 0 or more milliseconds, got "
                                               + configuration.getGenerationWait());
        }
    }

    @Override
    protected ApiCall<Generation> call(Exchange exchange) {
        String id = exchange.getMessage().getHeader(OpenRouterConstants.RESPONSE_ID, String.class);
        if ((id == null || id.isBlank()) && exchange.getMessage().getBody() instanceof String body) {
            id = body.strip();
        }
        if (id == null || id.isBlank()) {
            throw new OpenRouterInputException("generation needs a generation id (gen-...): set the "
                                               + OpenRouterConstants.RESPONSE_ID + " header (chat sets it) or send the"
                                               + " id as the body");
        }
        ApiCall.Decoder<DataEnvelope<Generation>> decoder = Json.decoder(TYPE);
        return ApiCall.get("/generation?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8),
                (status, headers, body) -> decoder.decode(status, headers, body).data())
                .retryingNotFoundFor(Duration.ofMillis(configuration.getGenerationWait()));
    }

    @Override
    protected void complete(Exchange exchange, Generation generation) {
        Message out = exchange.getMessage();
        out.setBody(generation);
        setIfPresent(out, OpenRouterConstants.COST, generation.totalCost() == null ? null : generation.totalCost().doubleValue());
        setIfPresent(out, OpenRouterConstants.LATENCY, generation.latency() == null ? null : Math.round(generation.latency()));
        setIfPresent(out, OpenRouterConstants.PROMPT_TOKENS, generation.tokensPrompt());
        setIfPresent(out, OpenRouterConstants.COMPLETION_TOKENS, generation.tokensCompletion());
        setIfPresent(out, OpenRouterConstants.NATIVE_PROMPT_TOKENS, generation.nativeTokensPrompt());
        setIfPresent(out, OpenRouterConstants.NATIVE_COMPLETION_TOKENS, generation.nativeTokensCompletion());
        setIfPresent(out, OpenRouterConstants.PROVIDER, generation.providerName());
        setIfPresent(out, OpenRouterConstants.RESPONSE_MODEL, generation.model());
    }
}
