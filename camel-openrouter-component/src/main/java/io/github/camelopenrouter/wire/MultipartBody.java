package io.github.camelopenrouter.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.github.camelopenrouter.media.MediaSource;

/**
 * A {@code multipart/form-data} body with one part, {@code file}, as {@code POST /files} takes it: a small header, the
 * file's bytes streamed from their source as the socket pulls them (never copied into memory), a closing boundary.
 * Its length is exact when the source's size is known; it can be sent again when the source can be read again.
 */
public final class MultipartBody implements RequestBody {

    private final String boundary = "camel-openrouter-" + UUID.randomUUID();
    private final byte[] head;
    private final byte[] tail;
    private final MediaSource source;

    public MultipartBody(MediaSource source, String filename, String mediaType) {
        this.source = source;
        this.head = ("--" + boundary + "\r\n"
                     + "Content-Disposition: form-data; name=\"file\"; filename=\"" + quoted(filename) + "\"\r\n"
                     + "Content-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The request's Content-Type, with its boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    @Override
    public InputStream open() {
        InputStream content;
        try {
            content = source.open();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source.description(), e);
        }
        return new SequenceInputStream(java.util.Collections.enumeration(
                List.of(new ByteArrayInputStream(head), content, new ByteArrayInputStream(tail))));
    }

    @Override
    public long contentLength() {
        long size = source.size();
        return size < 0 ? -1 : head.length + size + tail.length;
    }

    @Override
    public boolean isRepeatable() {
        return source.isRepeatable();
    }

    /** RFC 7578: a file name is a quoted string; quotes and line breaks cannot appear in it as they are. */
    private static String quoted(String filename) {
        return filename.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
