package io.github.camelopenrouter.request;

import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import org.apache.camel.Exchange;

/**
 * The settings of one exchange's request, one small type per feature ({@link MediaSettings}, {@link SamplingSettings},
 * ...): each header, when present, beats the endpoint option of the same name. A feature's options and headers are
 * read and checked in its own type, by the same code at endpoint start (options only) and per exchange.
 */
public record RequestSettings(
        String model,
        String prompt,
        String systemMessage,
        String conversationId,
        String conversationTurnId,
        MediaSettings media,
        SamplingSettings sampling,
        RoutingSettings routing,
        ReasoningSettings reasoning,
        CacheSettings cache,
        WebSearchSettings web,
        TrackingSettings tracking,
        OutputSettings output,
        StreamSettings streaming,
        RequestExtras extras) {

    /** The settings without an endpoint schema: for operations other than chat, which only read some of them. */
    public static RequestSettings resolve(Exchange exchange, OpenRouterConfiguration config) {
        return resolve(exchange, config, null);
    }

    /** @param outputSchema the endpoint's schema (jsonSchema or outputClass option), or null */
    public static RequestSettings resolve(Exchange exchange, OpenRouterConfiguration config, OutputSchema outputSchema) {
        return read(new SettingReader(exchange, config), outputSchema);
    }

    /**
     * Checks the endpoint's own option values once, when it starts: a misconfigured route should not start and then
     * fail every message. Header values are checked per exchange in {@link #resolve}.
     */
    public static void validateOptions(OpenRouterConfiguration config, OutputSchema outputSchema) {
        read(new SettingReader(null, config), outputSchema);
    }

    private static RequestSettings read(SettingReader in, OutputSchema outputSchema) {
        String conversationId = in.text(OpenRouterConstants.CONVERSATION_ID, null);
        String turnId = conversationTurnId(in, conversationId);
        RequestSettings typed = new RequestSettings(
                in.text(OpenRouterConstants.MODEL, in.options().getModel()),
                in.text(OpenRouterConstants.PROMPT, in.options().getPrompt()),
                in.text(OpenRouterConstants.SYSTEM_MESSAGE, in.options().getSystemMessage()),
                conversationId,
                turnId,
                MediaSettings.read(in),
                SamplingSettings.read(in),
                RoutingSettings.read(in),
                ReasoningSettings.read(in),
                CacheSettings.read(in),
                WebSearchSettings.read(in),
                TrackingSettings.read(in, conversationId),
                OutputSettings.read(in, outputSchema),
                StreamSettings.read(in),
                null);
        // the pass-through last: it must know what the typed settings already send
        return typed.withExtras(RequestExtras.read(in, typed));
    }

    private RequestSettings withExtras(RequestExtras value) {
        return new RequestSettings(model, prompt, systemMessage, conversationId, conversationTurnId, media, sampling,
                routing, reasoning, cache, web, tracking, output, streaming, value);
    }

    /** What stores can key a turn by: bounded, and meaningless without the conversation it belongs to. */
    static final int MAX_TURN_ID = 255;

    private static String conversationTurnId(SettingReader in, String conversationId) {
        String turnId = in.text(OpenRouterConstants.CONVERSATION_TURN_ID, null);
        if (turnId == null) {
            return null;
        }
        if (conversationId == null) {
            throw new OpenRouterInputException("Header " + OpenRouterConstants.CONVERSATION_TURN_ID + " is set without "
                                               + OpenRouterConstants.CONVERSATION_ID + ": a turn id names a question"
                                               + " within a conversation; set both, or neither");
        }
        if (turnId.length() > MAX_TURN_ID) {
            throw new OpenRouterInputException("Header " + OpenRouterConstants.CONVERSATION_TURN_ID + " has "
                                               + turnId.length() + " characters; it takes at most " + MAX_TURN_ID);
        }
        return turnId;
    }
}
