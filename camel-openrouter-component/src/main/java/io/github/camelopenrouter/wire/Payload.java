package io.github.camelopenrouter.wire;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.camelopenrouter.media.MediaSource;

/**
 * The value of a media field ({@code url}, {@code file_data}, {@code data}): either a literal string (a URL sent by
 * reference) or base64 of a {@link MediaSource} behind a prefix such as {@code data:image/png;base64,}, which is encoded
 * while the request is written and never held in memory as a whole.
 */
@JsonSerialize(using = PayloadSerializer.class)
public sealed interface Payload {

    /** Bytes this payload adds to the request body, or -1 when the source's size is unknown. */
    long encodedLength();

    record Literal(String value) implements Payload {
        @Override
        public long encodedLength() {
            return value.length();
        }
    }

    record Base64Data(String prefix, MediaSource source) implements Payload {
        @Override
        public long encodedLength() {
            long size = source.size();
            return size < 0 ? -1 : prefix.length() + 4 * ((size + 2) / 3);
        }
    }

    static Payload literal(String value) {
        return new Literal(value);
    }

    static Payload dataUrl(String mimeType, MediaSource source) {
        return new Base64Data("data:" + mimeType + ";base64,", source);
    }

    static Payload rawBase64(MediaSource source) {
        return new Base64Data("", source);
    }
}
