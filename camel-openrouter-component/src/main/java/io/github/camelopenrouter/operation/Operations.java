package io.github.camelopenrouter.operation;

import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterOperation;
import io.github.camelopenrouter.client.RetryingSender;

/** The operation behind an endpoint's URI path, other than chat (which the producer runs itself). */
public final class Operations {

    private Operations() {
    }

    /** @return the operation, or null for chat */
    public static ApiOperation<?> create(OpenRouterOperation operation, RetryingSender sender,
            OpenRouterConfiguration configuration, ModelsCache models) {
        return switch (operation) {
            case chat -> null;
            case files -> new FilesOperation(sender, configuration);
            case models -> new ModelsOperation(sender, configuration, models);
            case embeddings -> new EmbeddingsOperation(sender, configuration);
            case generation -> new GenerationOperation(sender, configuration);
            case credits -> new CreditsOperation(sender, configuration);
            case key -> new KeyOperation(sender, configuration);
        };
    }
}
