package io.github.camelopenrouter.media;

/**
 * One binary attachment before its type is decided: where its bytes are, its first bytes for detection, and what the
 * exchange declares about it.
 */
public record BinaryContent(MediaSource source, byte[] head, String fileName, String contentType) {

    public String describe() {
        return fileName != null ? fileName : source.description();
    }
}
