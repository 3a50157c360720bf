package io.github.camelopenrouter.examples.pickmodel;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import io.github.camelopenrouter.wire.ModelInfo;

/**
 * Chooses, from the models {@code openrouter:models} returned, the one with the lowest price per prompt token (an
 * attachment is mostly prompt: a PDF page is hundreds of tokens), then per completion token. {@code :free} variants
 * are left out: they are rate-limited to a few requests a minute and a batch would stall on them.
 */
public final class CheapestModel {

    private static final Comparator<ModelInfo> CHEAPEST = Comparator
            .comparing((ModelInfo model) -> price(model.promptPrice()))
            .thenComparing(model -> price(model.completionPrice()))
            .thenComparing(ModelInfo::id);

    private CheapestModel() {
    }

    /** The id of the cheapest model; fails, naming the filter's outcome, when there is none to choose from. */
    public static String id(List<ModelInfo> models) {
        return models.stream()
                .filter(model -> model.id() != null && !model.id().endsWith(":free"))
                .min(CHEAPEST)
                .map(ModelInfo::id)
                .orElseThrow(() -> new IllegalStateException("No model to choose from: of the " + models.size()
                                                             + " model(s) OpenRouter listed, none is a paid one"
                                                             + " (:free variants are left out)"));
    }

    /** An unknown price sorts last: a model without pricing is not known to be cheap. */
    private static BigDecimal price(BigDecimal perToken) {
        return perToken == null ? BigDecimal.valueOf(Long.MAX_VALUE) : perToken;
    }
}
