package io.github.camelopenrouter.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What the Files API accepts, decided from the bytes only, as OpenRouter documents it: "The file type is determined
 * from the file contents - not the filename or the declared content type - and must be a PDF, a PNG/JPEG/GIF/WebP
 * image, a DOCX/XLSX/PPTX document, an MP3/WAV/FLAC/OGG audio file, or UTF-8 text."
 */
final class FileTypes {

    static final String ACCEPTED = "a PDF, a PNG/JPEG/GIF/WebP image, a DOCX/XLSX/PPTX document,"
            + " an MP3/WAV/FLAC/OGG audio file, or UTF-8 text";

    private FileTypes() {
    }

    /** @return the media type, or null when the content is none of the accepted kinds */
    static String detect(byte[] bytes) {
        if (startsWith(bytes, 0, "%PDF-")) {
            return "application/pdf";
        }
        if (startsWith(bytes, 0, "\u0089PNG\r\n\u001a\n")) {
            return "image/png";
        }
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (startsWith(bytes, 0, "GIF87a") || startsWith(bytes, 0, "GIF89a")) {
            return "image/gif";
        }
        if (startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WEBP")) {
            return "image/webp";
        }
        if (startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WAVE")) {
            return "audio/wav";
        }
        if (startsWith(bytes, 0, "ID3") || bytes.length > 1 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xe0) == 0xe0) {
            return "audio/mpeg";
        }
        if (startsWith(bytes, 0, "fLaC")) {
            return "audio/flac";
        }
        if (startsWith(bytes, 0, "OggS")) {
            return "audio/ogg";
        }
        if (startsWith(bytes, 0, "PK\u0003\u0004")) {
            return office(bytes);
        }
        return text(bytes);
    }

    private static String office(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        if (head.contains("word/")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (head.contains("xl/")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (head.contains("ppt/")) {
            return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        }
        return null;
    }

    private static String text(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (text.indexOf('\u0000') >= 0) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                Json.MAPPER.readTree(trimmed);
                return "application/json";
            } catch (Exception e) {
                // not JSON after all: plain text
            }
        }
        if (trimmed.startsWith("#")) {
            return "text/markdown";
        }
        return "text/plain";
    }

    private static boolean startsWith(byte[] bytes, int offset, String magic) {
        if (bytes.length < offset + magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if ((bytes[offset + i] & 0xff) != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
