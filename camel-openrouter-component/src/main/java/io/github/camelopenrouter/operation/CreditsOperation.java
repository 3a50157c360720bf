package io.github.camelopenrouter.operation;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.client.ApiCall;
import io.github.camelopenrouter.client.RetryingSender;
import io.github.camelopenrouter.wire.Credits;
import io.github.camelopenrouter.wire.DataEnvelope;
import org.apache.camel.Exchange;

/** {@code openrouter:credits}: {@code GET /credits}; the body is the {@link Credits}, the header what remains. */
public final class CreditsOperation extends ApiOperation<Credits> {

    private static final TypeReference<DataEnvelope<Credits>> TYPE = new TypeReference<>() {
    };

    public CreditsOperation(RetryingSender sender, OpenRouterConfiguration configuration) {
        super(sender, configuration);
    }

    @Override
    protected ApiCall<Credits> call(Exchange exchange) {
        ApiCall.Decoder<DataEnvelope<Credits>> decoder = Json.decoder(TYPE);
        return ApiCall.get("/credits", (status, headers, body) -> decoder.decode(status, headers, body).data());
    }

    @Override
    protected void complete(Exchange exchange, Credits credits) {
        exchange.getMessage().setBody(credits);
        setIfPresent(exchange.getMessage(), OpenRouterConstants.CREDITS_REMAINING,
                credits.remaining() == null ? null : credits.remaining().doubleValue());
    }
}
