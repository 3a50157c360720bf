package io.github.camelopenrouter.operation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.client.ApiCall;
import io.github.camelopenrouter.client.ApiOutcome;
import io.github.camelopenrouter.client.RetryingSender;
import io.github.camelopenrouter.wire.ModelInfo;
import io.github.camelopenrouter.wire.ModelList;
import org.apache.camel.Exchange;

/**
 * {@code openrouter:models}: {@code GET /models} with the endpoint's filters ({@code input_modalities},
 * {@code output_modalities}, {@code supported_parameters}); the body is the {@code List<ModelInfo>}, from the
 * component's cache while it is fresh.
 */
public final class ModelsOperation extends ApiOperation<List<ModelInfo>> {

    private final ModelsCache cache;
    private final ApiCall<List<ModelInfo>> call;

    public ModelsOperation(RetryingSender sender, OpenRouterConfiguration configuration, ModelsCache cache) {
        super(sender, configuration);
        this.cache = cache;
        this.call = call(configuration.getInputModalities(), configuration.getOutputModalities(),
                configuration.getSupportedParameter());
    }

    /** {@code GET /models} with these filters (each null for none). */
    static ApiCall<List<ModelInfo>> call(String inputModalities, String outputModalities, String supportedParameters) {
        List<String> query = new ArrayList<>();
        add(query, "input_modalities", inputModalities);
        add(query, "output_modalities", outputModalities);
        add(query, "supported_parameters", supportedParameters);
        String path = "/models" + (query.isEmpty() ? "" : "?" + String.join("&", query));
        ApiCall.Decoder<ModelList> list = Json.decoder(ModelList.class);
        return ApiCall.get(path, (status, headers, body) -> {
            List<ModelInfo> models = list.decode(status, headers, body).data();
            return models == null ? List.of() : List.copyOf(models);
        });
    }

    /** Every model, whatever it outputs: what checkModalities looks models up in. */
    static CompletableFuture<ApiOutcome<List<ModelInfo>>> all(RetryingSender sender, ModelsCache cache, long ttl) {
        ApiCall<List<ModelInfo>> all = call(null, "all", null);
        return cache.get(all.path(), ttl, () -> sender.send(all));
    }

    @Override
    protected ApiCall<List<ModelInfo>> call(Exchange exchange) {
        return call;
    }

    @Override
    protected CompletableFuture<ApiOutcome<List<ModelInfo>>> send(ApiCall<List<ModelInfo>> call) {
        return cache.get(call.path(), configuration.getModelsCacheTtl(), () -> sender.send(call));
    }

    @Override
    protected void complete(Exchange exchange, List<ModelInfo> models) {
        exchange.getMessage().setBody(models);
    }

    private static void add(List<String> query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.add(name + "=" + URLEncoder.encode(value.replace(" ", ""), StandardCharsets.UTF_8).replace("%2C", ","));
        }
    }
}
