package io.github.camelopenrouter.request;

import java.util.List;

import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.wire.Sampling;

/**
 * How the model samples its answer: temperature, the token limit, and the other sampling parameters, each checked
 * against the range OpenRouter's API reference documents for it.
 */
public record SamplingSettings(Double temperature, Integer maxTokens, Sampling parameters) {

    static final int MAX_STOP_SEQUENCES = 4;

    static SamplingSettings read(SettingReader in) {
        Double temperature = SettingReader.range(
                in.number(OpenRouterConstants.TEMPERATURE, Double.class, in.options().getTemperature()), 0, 2, "Temperature");
        Integer maxTokens = in.number(OpenRouterConstants.MAX_TOKENS, Integer.class, in.options().getMaxTokens());
        if (maxTokens != null && maxTokens < 1) {
            throw new OpenRouterInputException("maxTokens " + maxTokens + " is not positive: use a whole number of 1 or more");
        }
        return new SamplingSettings(temperature, maxTokens, parameters(in.options()));
    }

    private static Sampling parameters(OpenRouterConfiguration o) {
        Integer topK = o.getTopK();
        if (topK != null && topK < 0) {
            throw new OpenRouterInputException("topK " + topK + " is out of range: use a whole number of 0 or more");
        }
        Double repetition = o.getRepetitionPenalty();
        if (repetition != null && (repetition.isNaN() || repetition <= 0 || repetition > 2)) {
            throw new OpenRouterInputException("repetitionPenalty " + repetition + " is out of range: use a number above 0,"
                                               + " at most 2 (1 means no penalty)");
        }
        List<String> stop = SettingReader.split(o.getStop());
        if (stop != null && stop.size() > MAX_STOP_SEQUENCES) {
            throw new OpenRouterInputException("stop has " + stop.size() + " sequences (" + String.join(", ", stop)
                                               + "): OpenRouter takes at most " + MAX_STOP_SEQUENCES);
        }
        Sampling sampling = new Sampling(
                SettingReader.range(o.getTopP(), 0, 1, "topP"),
                topK,
                SettingReader.range(o.getMinP(), 0, 1, "minP"),
                o.getSeed(),
                stop,
                SettingReader.range(o.getFrequencyPenalty(), -2, 2, "frequencyPenalty"),
                SettingReader.range(o.getPresencePenalty(), -2, 2, "presencePenalty"),
                repetition);
        return sampling.equals(new Sampling(null, null, null, null, null, null, null, null)) ? null : sampling;
    }
}
