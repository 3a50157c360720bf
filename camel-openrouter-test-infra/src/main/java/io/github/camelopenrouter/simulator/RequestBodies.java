package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies: whole (to record and validate them) or skimmed (to discard them cheaply). */
final class RequestBodies {

    private static final int DISCARD_BUFFER = 64 * 1024;

    private RequestBodies() {
    }

    /**
     * Reads the whole body. With a Content-Length the array is allocated once at its final size: for a
     * 50 MB body that avoids the doubling copies of a growing buffer. Chunked bodies have no length and
     * are read the ordinary way.
     */
    static byte[] readAll(InputStream in, String contentLength) throws IOException {
        long length = parseLength(contentLength);
        if (length < 0 || length > Integer.MAX_VALUE - 16) {
            return in.readAllBytes();
        }
        byte[] body = new byte[(int) length];
        int read = in.readNBytes(body, 0, body.length);
        if (read < body.length) {
            throw new IOException("Request body ended after " + read + " of " + length + " bytes");
        }
        return body;
    }

    /**
     * Streams through the body without keeping it: counts its bytes and picks the top-level
     * {@code model}, {@code models[0]} and {@code stream} fields with Jackson's streaming parser, which
     * skips over string values it is not asked for, so a 50 MB base64 string costs no memory.
     */
    static Skim skim(InputStream raw) throws IOException {
        CountingInputStream in = new CountingInputStream(raw);
        String model = null;
        String firstOfModels = null;
        boolean stream = false;
        String problem = null;
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(in)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problem = "Request body must be a JSON object";
            } else {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("model".equals(field) && value == JsonToken.VALUE_STRING) {
                        model = parser.getText();
                    } else if ("stream".equals(field)) {
                        stream = value == JsonToken.VALUE_TRUE;
                    } else if ("models".equals(field) && value == JsonToken.START_ARRAY) {
                        if (parser.nextToken() == JsonToken.VALUE_STRING) {
                            firstOfModels = parser.getText();
                        }
                        if (parser.currentToken() != JsonToken.END_ARRAY) {
                            parser.skipChildren();
                            skipRestOfArray(parser);
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        } catch (JacksonException e) {
            problem = "Request body is not valid JSON: " + e.getOriginalMessage();
        }
        discard(in);
        return new Skim(in.count(), firstOfModels != null ? firstOfModels : model, stream, problem);
    }

    /** Discards a body nobody needs, e.g. of a 404. */
    static long discard(InputStream in) throws IOException {
        long total = 0;
        byte[] buffer = new byte[DISCARD_BUFFER];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
        }
        return total;
    }

    private static void skipRestOfArray(JsonParser parser) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
        }
    }

    private static long parseLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** What a skimmed body told: its size, the model that would serve it, whether it asked to stream. */
    record Skim(long bytes, String model, boolean stream, String problem) {
    }

    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
