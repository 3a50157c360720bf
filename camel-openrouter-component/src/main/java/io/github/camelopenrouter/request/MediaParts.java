package io.github.camelopenrouter.request;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.media.BinaryContent;
import io.github.camelopenrouter.media.BinaryContents;
import io.github.camelopenrouter.media.MediaCompleteness;
import io.github.camelopenrouter.media.MediaTypeDetector;
import io.github.camelopenrouter.media.MediaTypeDetector.Detection;
import io.github.camelopenrouter.media.SupportedMedia;
import io.github.camelopenrouter.wire.ContentPart;
import io.github.camelopenrouter.wire.Payload;
import org.apache.camel.util.IOHelper;

/**
 * One binary to one content part, the single path for bodies and attachments: detect the type, check the file is
 * complete, build the part OpenRouter documents for its kind. What cannot be sent comes back as an {@link Outcome}
 * with the reason; a single body then fails the exchange, a mail attachment is skipped.
 */
final class MediaParts {

    static final String DEFAULT_PDF_NAME = "document.pdf";

    private MediaParts() {
    }

    /**
     * @param part        the part to send, or null when the content cannot be sent
     * @param skippedType what the content was found to be when it cannot be sent ("image/bmp", "incomplete image/png")
     * @param problem     why it cannot be sent, a message for the user
     */
    record Outcome(ContentPart part, String skippedType, String problem) {

        /** The part, or an {@link OpenRouterInputException} with the problem. */
        ContentPart required() {
            if (part == null) {
                throw new OpenRouterInputException(problem);
            }
            return part;
        }
    }

    /**
     * @param override the {@code CamelOpenRouterMediaType} header (a forced type is not checked for completeness), or
     *                 null
     * @param what     how to name the content in a message
     */
    static Outcome of(BinaryContent content, String override, String what, MediaSettings settings) {
        Detection detection = MediaTypeDetector.examine(content, override, what);
        SupportedMedia media = detection.media();
        if (media == null) {
            return new Outcome(null, detection.detectedType() != null ? detection.detectedType() : "unusable",
                    detection.problem());
        }
        if (override == null) {
            try {
                MediaCompleteness.check(media, content, what);
            } catch (OpenRouterInputException incomplete) {
                return new Outcome(null, "incomplete " + media.wireType(), incomplete.getMessage());
            }
        }
        return new Outcome(part(media, content, settings), null, null);
    }

    private static ContentPart part(SupportedMedia media, BinaryContent content, MediaSettings settings) {
        switch (media.kind()) {
            case IMAGE:
                return new ContentPart.ImageUrl(new ContentPart.ImageUrl.Image(
                        Payload.dataUrl(media.wireType(), content.source()), settings.imageDetail()));
            case PDF:
                return new ContentPart.File(new ContentPart.File.FileData(
                        content.fileName() != null ? content.fileName() : DEFAULT_PDF_NAME,
                        Payload.dataUrl(media.wireType(), content.source())));
            case AUDIO:
                return new ContentPart.InputAudio(
                        new ContentPart.InputAudio.Audio(Payload.rawBase64(content.source()), media.format()));
            case VIDEO:
                return new ContentPart.VideoUrl(
                        new ContentPart.VideoUrl.Video(Payload.dataUrl(media.wireType(), content.source())));
            default:
                return new ContentPart.Text(new String(BinaryContents.readAll(content.source()),
                        charset(content.contentType(), settings.charset())));
        }
    }

    /** The Content-Type's own charset, else Camel's charset of the exchange, else UTF-8 (the wire's encoding). */
    static Charset charset(String contentType, Charset exchangeCharset) {
        String name = contentType == null ? null : IOHelper.getCharsetNameFromContentType(contentType);
        if (name != null && !name.isBlank()) {
            try {
                return Charset.forName(IOHelper.normalizeCharset(name));
            } catch (IllegalArgumentException e) {
                // an unknown charset label falls back to the exchange's charset or UTF-8
            }
        }
        return exchangeCharset != null ? exchangeCharset : StandardCharsets.UTF_8;
    }
}
