package io.github.camelopenrouter.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides what a binary body is. The order is the documented one: the {@code CamelOpenRouterMediaType} header, then the
 * content's own bytes (Tika's magic numbers), then the declared {@code Content-Type}, then the file name. A declaration
 * that contradicts the bytes (a text file named {@code .png}, a PNG without PNG bytes) is refused rather than sent as
 * something the model cannot read.
 */
public final class MediaTypeDetector {

    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final String PLAIN_TEXT = "text/plain";

    /** How many leading bytes the magic-number detection looks at. */
    public static final int HEAD_LENGTH = Math.min(TIKA.getMinLength(), 64 * 1024);

    private MediaTypeDetector() {
    }

    /** What the bytes say: a specific type, {@code text/plain} for text-like bytes, or {@code application/octet-stream}. */
    public static String fromBytes(byte[] head) {
        try {
            return TIKA.detect(new ByteArrayInputStream(head), new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a file name's extension says, or null when it says nothing. */
    public static String fromName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String type = TIKA.getMimeType(fileName).getType().getBaseType().toString();
        return OCTET_STREAM.equals(type) ? null : type;
    }

    /**
     * What a binary is, or why it cannot be sent: the detection never throws for an unsupported or unrecognised type,
     * the caller decides whether that fails the exchange (a single body) or skips the content (a mail attachment).
     *
     * @param  content  the content, with its first {@link #HEAD_LENGTH} bytes and what the exchange declares
     * @param  override the {@code CamelOpenRouterMediaType} header, or null
     * @param  what     how to name this content in an error message
     */
    public static Detection examine(BinaryContent content, String override, String what) {
        try {
            return new Detection(decide(override, content.head(), content.contentType(), content.fileName(), what), null,
                    null);
        } catch (OpenRouterInputException e) {
            return new Detection(null, e instanceof UnsupportedType u ? u.type : null, e.getMessage());
        }
    }

    /** The outcome of detection: the media to send, or the detected type and why it cannot be sent. */
    public record Detection(SupportedMedia media, String detectedType, String problem) {
    }

    private static SupportedMedia decide(String override, byte[] head, String contentType, String fileName, String what) {
        if (override != null && !override.isBlank()) {
            return SupportedMedia.of(override).orElseThrow(() -> unsupported(SupportedMedia.baseType(override), what,
                    " (from the " + OpenRouterConstants.MEDIA_TYPE + " header)"));
        }
        if (head.length == 0) {
            throw new OpenRouterInputException(what + " is empty (0 bytes): there is nothing to send");
        }
        String sniffed = fromBytes(head);
        boolean unknownBytes = OCTET_STREAM.equals(sniffed);
        boolean textBytes = PLAIN_TEXT.equals(sniffed);
        if (!unknownBytes && !textBytes) {
            String normalized = normalize(sniffed);
            SupportedMedia media = SupportedMedia.of(sniffed).or(() -> SupportedMedia.of(normalized))
                    .orElseThrow(() -> unsupported(sniffed, what, ""));
            return refinedContainer(media, contentType, fileName);
        }
        for (String declared : new String[] { usable(contentType), fromName(fileName) }) {
            if (declared == null) {
                continue;
            }
            SupportedMedia media = SupportedMedia.of(declared).or(() -> SupportedMedia.of(normalize(declared)))
                    .orElseThrow(() -> unsupported(SupportedMedia.baseType(declared), what, ""));
            if (media.kind() == MediaKind.TEXT && textBytes || media.kind() == MediaKind.AUDIO && unknownBytes) {
                return media;
            }
            // images, PDFs and videos all carry magic numbers: a declaration the bytes do not back is a mislabelled file
            throw new OpenRouterInputException(what + " is declared as " + SupportedMedia.baseType(declared)
                                               + " but its content is " + (textBytes ? "plain text" : "not recognisable as that type")
                                               + ": the file may be truncated, corrupt or mislabelled. Supported are "
                                               + SupportedMedia.SUPPORTED_LIST
                                               + "; set the " + OpenRouterConstants.MEDIA_TYPE + " header to force a type");
        }
        if (textBytes) {
            return SupportedMedia.of(PLAIN_TEXT).orElseThrow();
        }
        throw new UnsupportedType(OCTET_STREAM, what + " has a type that could not be recognised (" + OCTET_STREAM
                                                + "): supported are " + SupportedMedia.SUPPORTED_LIST + ". Set the "
                                                + OpenRouterConstants.MEDIA_TYPE + " header if you know the type");
    }

    /**
     * MP4, QuickTime and M4A share one container format, and the magic numbers cannot always tell them apart: within
     * the same kind (audio or video), a declared type refines what the bytes say.
     */
    private static SupportedMedia refinedContainer(SupportedMedia sniffed, String contentType, String fileName) {
        if (sniffed.kind() != MediaKind.VIDEO && sniffed.kind() != MediaKind.AUDIO) {
            return sniffed;
        }
        for (String declared : new String[] { usable(contentType), fromName(fileName) }) {
            SupportedMedia media = declared == null ? null : SupportedMedia.of(declared).orElse(null);
            if (media != null && media.kind() == sniffed.kind()) {
                return media;
            }
        }
        return sniffed;
    }

    private static String usable(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        String type = SupportedMedia.baseType(contentType);
        return OCTET_STREAM.equals(type) ? null : type;
    }

    private static String normalize(String type) {
        MediaType parsed = MediaType.parse(type);
        return parsed == null ? type : TIKA.getMediaTypeRegistry().normalize(parsed).toString();
    }

    private static UnsupportedType unsupported(String type, String what, String origin) {
        return new UnsupportedType(type, what + " of type " + type + origin + " cannot be sent: supported are "
                                         + SupportedMedia.SUPPORTED_LIST);
    }

    private static final class UnsupportedType extends OpenRouterInputException {
        private static final long serialVersionUID = 1L;
        private final String type;

        UnsupportedType(String type, String message) {
            super(message);
            this.type = type;
        }
    }
}
