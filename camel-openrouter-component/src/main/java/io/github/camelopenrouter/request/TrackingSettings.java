package io.github.camelopenrouter.request;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.wire.Tracking;

/**
 * Who and what a request belongs to, for OpenRouter's activity log, abuse isolation and sticky routing: the end user,
 * the session (by default the conversation, so its turns stay on one provider and hit its prompt cache) and metadata.
 */
public record TrackingSettings(String user, String sessionId, Map<String, String> metadata) {

    static final int MAX_SESSION_ID = 256;
    static final int MAX_METADATA_PAIRS = 16;
    static final int MAX_METADATA_KEY = 64;
    static final int MAX_METADATA_VALUE = 512;

    static TrackingSettings read(SettingReader in, String conversationId) {
        String user = in.text(OpenRouterConstants.USER, in.options().getUser());
        String sessionId = in.text(OpenRouterConstants.SESSION_ID, conversationId);
        if (sessionId != null && sessionId.length() > MAX_SESSION_ID) {
            throw new OpenRouterInputException("The session id has " + sessionId.length() + " characters; OpenRouter takes"
                                               + " at most " + MAX_SESSION_ID + ": set a shorter "
                                               + OpenRouterConstants.SESSION_ID + " header (it defaults to "
                                               + OpenRouterConstants.CONVERSATION_ID + ")");
        }
        return new TrackingSettings(user, sessionId, metadata(in.header(OpenRouterConstants.METADATA)));
    }

    private static Map<String, String> metadata(Object header) {
        if (header == null) {
            return null;
        }
        String name = OpenRouterConstants.METADATA;
        if (!(header instanceof Map<?, ?> map)) {
            throw new OpenRouterInputException("Header " + name + " must be a Map of String keys and values, got a "
                                               + header.getClass().getName());
        }
        if (map.size() > MAX_METADATA_PAIRS) {
            throw new OpenRouterInputException("Header " + name + " has " + map.size() + " pairs; OpenRouter takes at most "
                                               + MAX_METADATA_PAIRS);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (key.length() > MAX_METADATA_KEY) {
                throw new OpenRouterInputException("Header " + name + " has a key of " + key.length() + " characters ('"
                                                   + key.substring(0, 20) + "...'); OpenRouter takes at most "
                                                   + MAX_METADATA_KEY);
            }
            if (value == null || value instanceof Map || value instanceof Collection || value.getClass().isArray()) {
                throw new OpenRouterInputException("Header " + name + " has " + key + "=" + value
                                                   + ": values must be strings (or numbers and booleans, sent as text)");
            }
            String text = value.toString();
            if (text.length() > MAX_METADATA_VALUE) {
                throw new OpenRouterInputException("Header " + name + " has a value of " + text.length()
                                                   + " characters for the key '" + key + "'; OpenRouter takes at most "
                                                   + MAX_METADATA_VALUE);
            }
            metadata.put(key, text);
        }
        return metadata.isEmpty() ? null : metadata;
    }

    /** The tracking fields, or null when none is set. */
    public Tracking wire() {
        return user == null && sessionId == null && metadata == null ? null : new Tracking(user, sessionId, metadata);
    }
}
