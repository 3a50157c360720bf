package io.github.camelopenrouter.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body as it streams in (RFC 7578): one 64 KB window, each part's content kept
 * up to a limit and counted beyond it, so an oversized upload costs no more memory than the limit.
 */
final class MultipartReader {

    private static final int WINDOW = 64 * 1024;

    /** One part; {@code content} is null when the part was larger than the limit (its size is still counted). */
    record Part(String name, String filename, String contentType, byte[] content, long size, String sha256) {
        boolean tooLarge() {
            return content == null;
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[WINDOW];
    private int position;
    private int limit;
    private boolean eof;

    private MultipartReader(InputStream in) {
        this.in = in;
        // the first delimiter has no CRLF before it: pretend it had, so every delimiter reads the same
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /** @return the boundary of a multipart/form-data content type, or null when it is not one */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = p.substring(9);
                return value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    static List<Part> read(InputStream in, String boundary, long maxPartBytes) throws IOException, InvalidRequestException {
        return new MultipartReader(in).parts(("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), maxPartBytes);
    }

    private List<Part> parts(byte[] delimiter, long maxPartBytes) throws IOException, InvalidRequestException {
        if (!skipTo(delimiter, null)) {
            throw new InvalidRequestException("multipart body: no part starts with the boundary of its Content-Type");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            String after = line();
            if (after.startsWith("--")) {
                return parts;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
                }
            }
            String disposition = headers.getOrDefault("content-disposition", "");
            Sink sink = new Sink(maxPartBytes);
            if (!skipTo(delimiter, sink)) {
                throw new InvalidRequestException("multipart body: it ends inside a part (no closing boundary)");
            }
            parts.add(new Part(parameter(disposition, "name"), parameter(disposition, "filename"),
                    headers.get("content-type"), sink.tooLarge ? null : sink.bytes.toByteArray(), sink.size, sink.hash()));
        }
    }

    /** Copies everything before the next delimiter to the sink (or drops it) and consumes the delimiter. */
    private boolean skipTo(byte[] delimiter, Sink sink) throws IOException {
        while (true) {
            fill(delimiter.length);
            int available = limit - position;
            if (available < delimiter.length) {
                write(sink, position, available);
                position = limit;
                return false;
            }
            int found = indexOf(delimiter);
            if (found >= 0) {
                write(sink, position, found - position);
                position = found + delimiter.length;
                return true;
            }
            int safe = limit - delimiter.length + 1;
            write(sink, position, safe - position);
            position = safe;
        }
    }

    private String line() throws IOException, InvalidRequestException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            fill(2);
            if (limit - position < 2) {
                throw new InvalidRequestException("multipart body: it ends inside the headers of a part");
            }
            if (buffer[position] == '\r' && buffer[position + 1] == '\n') {
                position += 2;
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(buffer[position++]);
            if (line.size() > 8192) {
                throw new InvalidRequestException("multipart body: a part header line is longer than 8 KB");
            }
        }
    }

    private int indexOf(byte[] delimiter) {
        int last = limit - delimiter.length;
        byte first = delimiter[0];
        outer:
        for (int i = position; i <= last; i++) {
            if (buffer[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void fill(int wanted) throws IOException {
        if (limit - position >= wanted || eof) {
            return;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        do {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        } while (!eof && limit - position < wanted);
    }

    private void write(Sink sink, int from, int length) {
        if (sink != null && length > 0) {
            sink.write(buffer, from, length);
        }
    }

    private static String parameter(String header, String name) {
        for (String piece : header.split(";")) {
            String p = piece.trim();
            if (p.regionMatches(true, 0, name + "=", 0, name.length() + 1)) {
                String value = p.substring(name.length() + 1);
                return value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    private static final class Sink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final long max;
        final MessageDigest digest;
        long size;
        boolean tooLarge;

        Sink(long max) {
            this.max = max;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void write(byte[] b, int off, int len) {
            size += len;
            digest.update(b, off, len);
            if (size > max) {
                tooLarge = true;
                bytes.reset();
            } else {
                bytes.write(b, off, len);
            }
        }

        String hash() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
