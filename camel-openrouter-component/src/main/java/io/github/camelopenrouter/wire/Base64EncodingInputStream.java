package io.github.camelopenrouter.wire;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/**
 * Base64 of another stream, produced as it is read: the JDK offers only the encoding OutputStream, and the HTTP client
 * pulls. Reads whole 3-byte groups so no padding appears before the end.
 */
final class Base64EncodingInputStream extends InputStream {

    private static final int CHUNK = 3 * 16 * 1024;

    private final InputStream source;
    private final Base64.Encoder encoder = Base64.getEncoder();
    private final byte[] raw = new byte[CHUNK];
    private final byte[] encoded = new byte[4 * CHUNK / 3];
    private int position;
    private int limit;
    private boolean finished;

    Base64EncodingInputStream(InputStream source) {
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return encoded[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(encoded, position, b, off, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        if (finished) {
            return false;
        }
        int n = source.readNBytes(raw, 0, CHUNK);
        if (n < CHUNK) {
            finished = true;
        }
        if (n == 0) {
            return false;
        }
        byte[] chunk = n == CHUNK ? raw : java.util.Arrays.copyOf(raw, n);
        limit = encoder.encode(chunk, encoded);
        position = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
