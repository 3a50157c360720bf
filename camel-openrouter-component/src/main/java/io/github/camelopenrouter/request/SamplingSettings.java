package io.github.camelopenrouter.request;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;

/** How the model samples its answer: temperature and the token limit. */
public record SamplingSettings(Double temperature, Integer maxTokens) {

    static SamplingSettings read(SettingReader in) {
        Double temperature = SettingReader.range(
                in.number(OpenRouterConstants.TEMPERATURE, Double.class, in.options().getTemperature()), 0, 2, "Temperature");
        Integer maxTokens = in.number(OpenRouterConstants.MAX_TOKENS, Integer.class, in.options().getMaxTokens());
        if (maxTokens != null && maxTokens < 1) {
            throw new OpenRouterInputException("maxTokens " + maxTokens + " is not positive: use a whole number of 1 or more");
        }
        return new SamplingSettings(temperature, maxTokens);
    }
}
