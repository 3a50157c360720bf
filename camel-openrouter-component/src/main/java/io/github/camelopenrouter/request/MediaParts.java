package io.github.camelopenrouter.request;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.github.camelopenrouter.media.BinaryContents;
import io.github.camelopenrouter.media.MediaSource;
import io.github.camelopenrouter.media.SupportedMedia;
import io.github.camelopenrouter.wire.ContentPart;
import io.github.camelopenrouter.wire.Payload;

/** Builds the content part OpenRouter documents for each kind of media. */
final class MediaParts {

    static final String DEFAULT_PDF_NAME = "document.pdf";

    private MediaParts() {
    }

    static ContentPart of(SupportedMedia media, MediaSource source, String fileName, String contentType, String imageDetail) {
        switch (media.kind()) {
            case IMAGE:
                return new ContentPart.ImageUrl(new ContentPart.ImageUrl.Image(
                        Payload.dataUrl(media.wireType(), source), imageDetail));
            case PDF:
                return new ContentPart.File(new ContentPart.File.FileData(
                        fileName != null ? fileName : DEFAULT_PDF_NAME, Payload.dataUrl(media.wireType(), source)));
            case AUDIO:
                return new ContentPart.InputAudio(new ContentPart.InputAudio.Audio(Payload.rawBase64(source), media.format()));
            case VIDEO:
                return new ContentPart.VideoUrl(new ContentPart.VideoUrl.Video(Payload.dataUrl(media.wireType(), source)));
            default:
                return new ContentPart.Text(new String(BinaryContents.readAll(source), charset(contentType)));
        }
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            int at = contentType.toLowerCase().indexOf("charset=");
            if (at >= 0) {
                String name = contentType.substring(at + 8).split("[;\\s]")[0].replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    // an unknown charset label falls back to UTF-8, the wire's own encoding
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
