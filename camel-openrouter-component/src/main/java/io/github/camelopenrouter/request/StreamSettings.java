package io.github.camelopenrouter.request;

import io.github.camelopenrouter.OpenRouterConstants;

/**
 * Whether the answer is streamed, and where its text deltas go. A {@code streamTo} turns streaming on: asking for the
 * deltas to go somewhere while asking for no stream would be a contradiction, not a choice.
 *
 * @param streamTo an endpoint URI, or null when the deltas go nowhere (the exchange still gets the whole answer)
 */
public record StreamSettings(boolean stream, String streamTo) {

    static StreamSettings read(SettingReader in) {
        String streamTo = in.text(OpenRouterConstants.STREAM_TO, in.options().getStreamTo());
        boolean stream = Boolean.TRUE.equals(in.bool(OpenRouterConstants.STREAM, in.options().isStream()));
        return new StreamSettings(stream || streamTo != null, streamTo);
    }
}
