package io.github.camelopenrouter.request;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;
import java.util.Set;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.media.MediaKind;
import io.github.camelopenrouter.media.SupportedMedia;
import io.github.camelopenrouter.wire.ContentPart;
import io.github.camelopenrouter.wire.Payload;

/**
 * URLs are sent by reference and never downloaded here: OpenRouter (or the provider) fetches them. Only http and https
 * are accepted, so a URL in a message can never make the component read a local file.
 */
final class UrlReferences {

    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mpeg", "mpg", "mov", "webm");
    private static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "mp3", "flac", "ogg", "oga", "aac", "m4a", "aif", "aiff");

    private UrlReferences() {
    }

    /** Whether a String body is meant as a URL: one token starting with http:// or https://. */
    static boolean looksLikeUrl(String text) {
        String s = text.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://")) && s.chars().noneMatch(Character::isWhitespace);
    }

    static ContentPart fromString(String text, String mediaType, String imageDetail) {
        String s = text.strip();
        try {
            return fromUri(new URI(s), mediaType, imageDetail);
        } catch (URISyntaxException e) {
            throw new OpenRouterInputException("The body looks like a URL but is malformed (" + e.getReason()
                                               + "): send a valid absolute http(s) URL, or text");
        }
    }

    static ContentPart fromUrl(URL url, String mediaType, String imageDetail) {
        try {
            return fromUri(url.toURI(), mediaType, imageDetail);
        } catch (URISyntaxException e) {
            throw new OpenRouterInputException("The URL body is malformed (" + e.getReason() + "): send a valid absolute"
                                               + " http(s) URL");
        }
    }

    static ContentPart fromUri(URI uri, String mediaType, String imageDetail) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OpenRouterInputException("URL scheme '" + (scheme.isEmpty() ? "(none)" : scheme) + "' is not"
                                               + " accepted: only absolute http and https URLs are sent (by reference);"
                                               + " a URL body never makes the component read local files or other"
                                               + " schemes. Send the file itself (File, Path, byte[]) instead");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new OpenRouterInputException("URL '" + redacted(uri) + "' has no host: send an absolute http(s) URL");
        }
        String url = uri.toASCIIString();
        String fileName = lastSegment(uri);
        switch (kind(uri, fileName, mediaType)) {
            case PDF:
                return new ContentPart.File(new ContentPart.File.FileData(
                        fileName != null ? fileName : MediaParts.DEFAULT_PDF_NAME, Payload.literal(url)));
            case VIDEO:
                return new ContentPart.VideoUrl(new ContentPart.VideoUrl.Video(Payload.literal(url)));
            default:
                return new ContentPart.ImageUrl(new ContentPart.ImageUrl.Image(Payload.literal(url), imageDetail));
        }
    }

    private static MediaKind kind(URI uri, String fileName, String mediaType) {
        MediaKind kind;
        if (mediaType != null) {
            kind = SupportedMedia.of(mediaType).map(SupportedMedia::kind).orElseThrow(() -> new OpenRouterInputException(
                    "Media type " + mediaType + " (from the " + OpenRouterConstants.MEDIA_TYPE + " header) cannot be sent"
                    + " by URL: URLs are sent as images, PDFs or videos"));
        } else {
            String extension = extension(fileName);
            kind = "pdf".equals(extension) ? MediaKind.PDF
                    : VIDEO_EXTENSIONS.contains(extension) ? MediaKind.VIDEO
                    : AUDIO_EXTENSIONS.contains(extension) ? MediaKind.AUDIO : MediaKind.IMAGE;
        }
        if (kind == MediaKind.AUDIO || kind == MediaKind.TEXT) {
            throw new OpenRouterInputException("URL '" + redacted(uri) + "' points to " + kind.name().toLowerCase(Locale.ROOT)
                                               + ", which OpenRouter cannot take by reference (URLs are sent as images,"
                                               + " PDFs or videos): download it first and send the bytes");
        }
        return kind;
    }

    private static String lastSegment(URI uri) {
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return null;
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A URL for an error message, without query or user info (they may hold signed tokens). */
    private static String redacted(URI uri) {
        return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + (uri.getHost() == null ? "" : uri.getHost())
               + (uri.getPath() == null ? "" : uri.getPath());
    }
}
