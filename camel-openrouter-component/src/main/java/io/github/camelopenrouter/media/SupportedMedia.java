package io.github.camelopenrouter.media;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

/**
 * A media type OpenRouter accepts, with the type it is sent as ({@code wireType}) and, for audio, the {@code format}
 * value of {@code input_audio}. Aliases seen in the wild (Tika's names, mail clients' names) map to the same entry.
 */
public record SupportedMedia(MediaKind kind, String wireType, String format) {

    public static final String SUPPORTED_LIST = "images (png, jpeg, webp, gif), PDF, audio (wav, mp3, flac, ogg, aac, m4a, aiff),"
                                                + " video (mp4, mpeg, mov, webm), text (text/*, JSON, XML, CSV, Markdown, YAML)";

    private static final Map<String, SupportedMedia> BY_TYPE = Map.ofEntries(
            image("image/png", "image/png"),
            image("image/jpeg", "image/jpeg"), image("image/jpg", "image/jpeg"), image("image/pjpeg", "image/jpeg"),
            image("image/webp", "image/webp"), image("image/gif", "image/gif"),
            entry("application/pdf", new SupportedMedia(MediaKind.PDF, "application/pdf", null)),
            entry("application/x-pdf", new SupportedMedia(MediaKind.PDF, "application/pdf", null)),
            audio("audio/wav", "wav"), audio("audio/x-wav", "wav"), audio("audio/vnd.wave", "wav"), audio("audio/wave", "wav"),
            audio("audio/mpeg", "mp3"), audio("audio/mp3", "mp3"), audio("audio/mpeg3", "mp3"),
            audio("audio/flac", "flac"), audio("audio/x-flac", "flac"),
            audio("audio/ogg", "ogg"), audio("application/ogg", "ogg"), audio("audio/vorbis", "ogg"), audio("audio/opus", "ogg"),
            audio("audio/aac", "aac"), audio("audio/x-aac", "aac"), audio("audio/aacp", "aac"),
            audio("audio/mp4", "m4a"), audio("audio/x-m4a", "m4a"), audio("audio/m4a", "m4a"),
            audio("audio/aiff", "aiff"), audio("audio/x-aiff", "aiff"),
            video("video/mp4", "video/mp4"), video("video/x-m4v", "video/mp4"),
            video("video/mpeg", "video/mpeg"),
            video("video/quicktime", "video/mov"), video("video/mov", "video/mov"),
            video("video/webm", "video/webm"),
            text("application/json"), text("application/xml"), text("application/yaml"), text("application/x-yaml"),
            text("application/csv"), text("application/x-ndjson"));

    /** The entry for a MIME type such as {@code image/png; charset=x}, or empty when OpenRouter cannot take it. */
    public static Optional<SupportedMedia> of(String mimeType) {
        if (mimeType == null) {
            return Optional.empty();
        }
        String type = baseType(mimeType);
        SupportedMedia known = BY_TYPE.get(type);
        if (known != null) {
            return Optional.of(known);
        }
        if (type.startsWith("text/")
                || type.startsWith("application/") && (type.endsWith("+json") || type.endsWith("+xml"))) {
            return Optional.of(new SupportedMedia(MediaKind.TEXT, type, null));
        }
        return Optional.empty();
    }

    /** {@code Image/PNG; charset=x} becomes {@code image/png}. */
    public static String baseType(String mimeType) {
        int semicolon = mimeType.indexOf(';');
        String type = semicolon < 0 ? mimeType : mimeType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    private static Map.Entry<String, SupportedMedia> image(String type, String wireType) {
        return entry(type, new SupportedMedia(MediaKind.IMAGE, wireType, null));
    }

    private static Map.Entry<String, SupportedMedia> audio(String type, String format) {
        return entry(type, new SupportedMedia(MediaKind.AUDIO, "audio/" + format, format));
    }

    private static Map.Entry<String, SupportedMedia> video(String type, String wireType) {
        return entry(type, new SupportedMedia(MediaKind.VIDEO, wireType, null));
    }

    private static Map.Entry<String, SupportedMedia> text(String type) {
        return entry(type, new SupportedMedia(MediaKind.TEXT, type, null));
    }
}
