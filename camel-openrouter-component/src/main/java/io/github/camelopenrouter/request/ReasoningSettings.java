package io.github.camelopenrouter.request;

import java.util.Set;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.wire.Reasoning;

/**
 * How much the model thinks before it answers: an effort level or a token budget, and whether the reasoning text
 * comes back. The {@code CamelOpenRouterReasoningEffort} header beats the reasoningEffort option and, being an
 * effort, also the reasoningMaxTokens budget (OpenRouter takes one or the other).
 */
public record ReasoningSettings(String effort, Integer maxTokens, Boolean exclude) {

    /** {@code ChatRequestEffort} of the SDK. */
    static final Set<String> EFFORTS = Set.of("none", "minimal", "low", "medium", "high", "xhigh", "max");

    static ReasoningSettings read(SettingReader in) {
        String optionEffort = blankToNull(in.options().getReasoningEffort());
        Integer maxTokens = in.options().getReasoningMaxTokens();
        if (optionEffort != null && maxTokens != null) {
            throw new OpenRouterInputException("reasoningEffort (" + optionEffort + ") and reasoningMaxTokens (" + maxTokens
                                               + ") are both set: OpenRouter takes one of them, set only one");
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new OpenRouterInputException("reasoningMaxTokens " + maxTokens
                                               + " is not positive: use a whole number of 1 or more");
        }
        String headerEffort = in.text(OpenRouterConstants.REASONING_EFFORT, null);
        String effort = SettingReader.oneOf(headerEffort != null ? headerEffort : optionEffort, EFFORTS,
                in.what("reasoningEffort", OpenRouterConstants.REASONING_EFFORT));
        if (headerEffort != null) {
            maxTokens = null;
        }
        return new ReasoningSettings(effort, maxTokens, in.options().getReasoningExclude());
    }

    /** The {@code reasoning} object, or null when nothing about reasoning is set (the model's default applies). */
    public Reasoning wire() {
        return effort == null && maxTokens == null && exclude == null ? null : new Reasoning(effort, maxTokens, exclude);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
