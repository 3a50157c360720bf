package io.github.camelopenrouter.request;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.wire.Sampling;
import io.github.camelopenrouter.wire.Tracking;
import io.github.camelopenrouter.wire.WireJson;

/**
 * The pass-through for request fields OpenRouter adds before the component models them: the
 * {@code additionalBodyProperty.*} options and the {@code CamelOpenRouterRequestExtras} header (which wins per key),
 * merged at the top level of the request. A field a typed option or header sets in this request is refused, naming
 * that option, so there is never a question which of the two values went out.
 */
public record RequestExtras(Map<String, Object> properties) {

    static RequestExtras read(SettingReader in, RequestSettings typed) {
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Object> options = in.options().getAdditionalBodyProperty();
        if (options != null) {
            options.forEach((key, value) -> properties.put(key, optionValue(key, value)));
        }
        Object header = in.header(OpenRouterConstants.REQUEST_EXTRAS);
        if (header != null) {
            if (!(header instanceof Map<?, ?> map)) {
                throw new OpenRouterInputException("Header " + OpenRouterConstants.REQUEST_EXTRAS + " must be a Map of"
                                                   + " request field names to values, got a " + header.getClass().getName());
            }
            map.forEach((key, value) -> properties.put(String.valueOf(key), value));
        }
        if (properties.isEmpty()) {
            return new RequestExtras(null);
        }
        Map<String, String> setByTyped = typedFields(typed);
        for (String key : properties.keySet()) {
            if (key.isBlank()) {
                throw new OpenRouterInputException("A request extra (additionalBodyProperty.* or "
                                                   + OpenRouterConstants.REQUEST_EXTRAS + ") has an empty name");
            }
            if ("stream".equals(key) || "stream_options".equals(key)) {
                throw new OpenRouterInputException("The request extra '" + key + "' is refused: the component reads"
                                                   + " the reply as the stream option says (use stream or streamTo)");
            }
            String owner = setByTyped.get(key);
            if (owner != null) {
                throw new OpenRouterInputException("The request extra '" + key + "' (additionalBodyProperty." + key + " or "
                                                   + OpenRouterConstants.REQUEST_EXTRAS + ") is already set by " + owner
                                                   + ": use that, or unset it to send your own value");
            }
        }
        return new RequestExtras(properties);
    }

    /**
     * A URI or property value is text: JSON (a number, true/false, an object, an array, a quoted string) is sent as
     * that JSON, anything else as a string - so {@code additionalBodyProperty.top_a=0.5} sends a number and
     * {@code additionalBodyProperty.service_tier=flex} a string.
     */
    private static Object optionValue(String key, Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        try {
            return WireJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    /** The top-level fields the typed settings put in this request, each with the option or header that sets it. */
    static Map<String, String> typedFields(RequestSettings s) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("messages", "the message body (with the prompt and systemMessage options)");
        put(fields, "model", s.model(), "the model option / " + OpenRouterConstants.MODEL + " header");
        put(fields, "models", s.routing().fallbackModels(), "the fallbackModels option / "
                                                            + OpenRouterConstants.FALLBACK_MODELS + " header");
        put(fields, "plugins", Plugins.of(s), "the pdfEngine, webSearch and responseHealing options");
        put(fields, "provider", s.routing().provider(), "the provider options (providerOrder, providerSort, ...) / "
                                                        + OpenRouterConstants.PROVIDER_PREFERENCES + " header");
        put(fields, "reasoning", s.reasoning().wire(), "the reasoningEffort, reasoningMaxTokens and reasoningExclude options");
        put(fields, "cache_control", s.cache().wire(), "the cacheControl option / " + OpenRouterConstants.CACHE_CONTROL
                                                       + " header");
        put(fields, "response_format", s.output().responseFormat(), "the responseFormat, jsonSchema and outputClass"
                                                                     + " options");
        put(fields, "temperature", s.sampling().temperature(), "the temperature option");
        put(fields, "max_tokens", s.sampling().maxTokens(), "the maxTokens option");
        Sampling p = s.sampling().parameters();
        if (p != null) {
            put(fields, "top_p", p.topP(), "the topP option");
            put(fields, "top_k", p.topK(), "the topK option");
            put(fields, "min_p", p.minP(), "the minP option");
            put(fields, "seed", p.seed(), "the seed option");
            put(fields, "stop", p.stop(), "the stop option");
            put(fields, "frequency_penalty", p.frequencyPenalty(), "the frequencyPenalty option");
            put(fields, "presence_penalty", p.presencePenalty(), "the presencePenalty option");
            put(fields, "repetition_penalty", p.repetitionPenalty(), "the repetitionPenalty option");
        }
        Tracking t = s.tracking().wire();
        if (t != null) {
            put(fields, "user", t.user(), "the user option / " + OpenRouterConstants.USER + " header");
            put(fields, "session_id", t.sessionId(), "the " + OpenRouterConstants.SESSION_ID + " header (or "
                                                     + OpenRouterConstants.CONVERSATION_ID + ")");
            put(fields, "metadata", t.metadata(), "the " + OpenRouterConstants.METADATA + " header");
        }
        return fields;
    }

    private static void put(Map<String, String> fields, String key, Object value, String owner) {
        if (value != null) {
            fields.put(key, owner);
        }
    }
}
