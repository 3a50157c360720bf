package io.github.camelopenrouter.media;

/** What OpenRouter accepts, each sent as its own kind of content part. */
public enum MediaKind {
    IMAGE,
    PDF,
    AUDIO,
    VIDEO,
    TEXT
}
