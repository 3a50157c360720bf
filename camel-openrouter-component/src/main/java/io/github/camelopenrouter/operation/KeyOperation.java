package io.github.camelopenrouter.operation;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.client.ApiCall;
import io.github.camelopenrouter.client.RetryingSender;
import io.github.camelopenrouter.wire.DataEnvelope;
import io.github.camelopenrouter.wire.KeyInfo;
import org.apache.camel.Exchange;

/** {@code openrouter:key}: {@code GET /key}; the body is the {@link KeyInfo}, the header what remains of its limit. */
public final class KeyOperation extends ApiOperation<KeyInfo> {

    private static final TypeReference<DataEnvelope<KeyInfo>> TYPE = new TypeReference<>() {
    };

    public KeyOperation(RetryingSender sender, OpenRouterConfiguration configuration) {
        super(sender, configuration);
    }

    @Override
    protected ApiCall<KeyInfo> call(Exchange exchange) {
        ApiCall.Decoder<DataEnvelope<KeyInfo>> decoder = Json.decoder(TYPE);
        return ApiCall.get("/key", (status, headers, body) -> decoder.decode(status, headers, body).data());
    }

    @Override
    protected void complete(Exchange exchange, KeyInfo key) {
        exchange.getMessage().setBody(key);
        setIfPresent(exchange.getMessage(), OpenRouterConstants.KEY_LIMIT_REMAINING,
                key.limitRemaining() == null ? null : key.limitRemaining().doubleValue());
    }
}
