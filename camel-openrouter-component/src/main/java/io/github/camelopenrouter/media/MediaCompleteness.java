package io.github.camelopenrouter.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;

/**
 * A cheap look at the end of an image or PDF whose type was detected from its first bytes: a file cut short (a partial
 * download, an interrupted upload) still starts with valid magic numbers, and sending it costs a request that the
 * provider refuses or, worse, answers about half a picture. Only the last few KB are read, whatever the file's size.
 *
 * <ul>
 *   <li>PNG must end with its IEND chunk.</li>
 *   <li>GIF must end with its trailer byte (0x3B).</li>
 *   <li>WebP must be at least as long as its RIFF header says.</li>
 *   <li>PDF must have {@code %%EOF} in its last 1024 bytes, where PDF readers look for it.</li>
 *   <li>JPEG must have its end-of-image marker (FFD9). A large JPEG whose tail is other data (a phone's "motion photo"
 *       appends a video) is accepted; one whose tail is still compressed image data was cut short.</li>
 * </ul>
 * Setting the {@code CamelOpenRouterMediaType} header skips the check: the caller then vouches for the content.
 */
public final class MediaCompleteness {

    static final int TAIL = 8 * 1024;
    private static final int PDF_EOF_WINDOW = 1024;
    private static final byte[] PNG_IEND = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82 };
    private static final byte[] PDF_EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    private MediaCompleteness() {
    }

    /**
     * @param  head                    the first bytes, as read for type detection
     * @param  what                    how to name the content in the message
     * @throws OpenRouterInputException when the content is visibly incomplete
     */
    /** {@link #check(SupportedMedia, MediaSource, byte[], String)} for a {@link BinaryContent}. */
    public static void check(SupportedMedia media, BinaryContent content, String what) {
        check(media, content.source(), content.head(), what);
    }

    public static void check(SupportedMedia media, MediaSource source, byte[] head, String what) {
        String type = media.wireType();
        String problem = null;
        if ("image/webp".equals(type)) {
            problem = webp(source, head);
        } else if (Set.of("image/png", "image/gif", "application/pdf", "image/jpeg").contains(type)) {
            byte[] end = withoutPadding(tail(source, head));
            // a tail of nothing but padding says nothing about the file before it: reading further would not be cheap
            problem = end.length == 0 ? null : switch (type) {
                case "image/png" -> endsWith(end, PNG_IEND) ? null : "does not end with the PNG IEND chunk";
                case "image/gif" -> end[end.length - 1] == (byte) 0x3B ? null : "does not end with the GIF trailer (0x3B)";
                case "application/pdf" -> contains(last(end, PDF_EOF_WINDOW), PDF_EOF) ? null
                        : "has no %%EOF marker in its last " + PDF_EOF_WINDOW + " bytes";
                default -> jpeg(end, source.size() >= 0 && source.size() <= Math.max(TAIL, head.length));
            };
        }
        if (problem != null) {
            throw new OpenRouterInputException(what + " (" + type + ") is incomplete: it " + problem
                                               + ". It was probably cut short (a partial download or upload), or"
                                               + " other data was appended to it (a polyglot file). Send the complete"
                                               + " file, or set the " + OpenRouterConstants.MEDIA_TYPE
                                               + " header to send it as it is");
        }
    }

    /** Trailing NUL bytes and whitespace, which some tools pad files with, are not part of the format. */
    private static byte[] withoutPadding(byte[] tail) {
        int end = tail.length;
        while (end > 0 && (tail[end - 1] == 0 || tail[end - 1] == ' ' || tail[end - 1] == '\n' || tail[end - 1] == '\r'
                           || tail[end - 1] == '\t')) {
            end--;
        }
        return end == tail.length ? tail : Arrays.copyOf(tail, end);
    }

    private static String webp(MediaSource source, byte[] head) {
        long size = source.size();
        if (head.length < 12 || size < 0) {
            return head.length < 12 ? "is shorter than a RIFF header" : null;
        }
        long declared = 8 + (ByteBuffer.wrap(head, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL);
        return declared > size ? "is " + size + " bytes long but its RIFF header declares " + declared : null;
    }

    /** @param wholeFileSeen whether {@code tail} is the whole file, not just its end */
    private static String jpeg(byte[] tail, boolean wholeFileSeen) {
        if (containsEndOfImage(tail)) {
            return null;
        }
        if (wholeFileSeen || looksLikeScanData(tail)) {
            return "ends without the JPEG end-of-image marker (FFD9)";
        }
        // something else follows the image (a motion photo's video, padding): not ours to judge
        return null;
    }

    private static boolean containsEndOfImage(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == (byte) 0xFF && bytes[i + 1] == (byte) 0xD9) {
                return true;
            }
        }
        return false;
    }

    /**
     * In entropy-coded JPEG data a 0xFF byte is always followed by 0x00 (a stuffed byte), a restart marker (D0-D7) or
     * another 0xFF (fill). Other data has 0xFF followed by anything; a run of zeros has none at all.
     */
    private static boolean looksLikeScanData(byte[] bytes) {
        boolean stuffed = false;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] != (byte) 0xFF) {
                continue;
            }
            int next = bytes[i + 1] & 0xFF;
            if (next == 0x00) {
                stuffed = true;
            } else if (next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                return false;
            }
        }
        return stuffed;
    }

    /** The last {@link #TAIL} bytes (or the whole content when it is shorter). */
    static byte[] tail(MediaSource source, byte[] head) {
        long size = source.size();
        if (size >= 0 && size <= head.length) {
            return head;
        }
        try {
            if (source instanceof BytesSource bytes) {
                return Arrays.copyOfRange(bytes.bytes(), Math.max(0, bytes.bytes().length - TAIL), bytes.bytes().length);
            }
            if (source instanceof PathSource file) {
                try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
                    long from = Math.max(0, channel.size() - TAIL);
                    ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - from));
                    while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
                        // read until full
                    }
                    return Arrays.copyOf(buffer.array(), buffer.position());
                }
            }
            try (InputStream in = source.open()) {
                if (size > TAIL) {
                    in.skipNBytes(size - TAIL);
                    return in.readAllBytes();
                }
                return last(in.readAllBytes(), TAIL);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the end of " + source.description(), e);
        }
    }

    private static byte[] last(byte[] bytes, int count) {
        return bytes.length <= count ? bytes : Arrays.copyOfRange(bytes, bytes.length - count, bytes.length);
    }

    private static boolean endsWith(byte[] bytes, byte[] suffix) {
        return bytes.length >= suffix.length
               && Arrays.equals(bytes, bytes.length - suffix.length, bytes.length, suffix, 0, suffix.length);
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
