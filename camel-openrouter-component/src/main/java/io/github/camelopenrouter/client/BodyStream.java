package io.github.camelopenrouter.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The request body for one attempt; a failure to read its own source is told apart from a network failure, and so
 * is a source that changed size since the body's length was announced (a file another process truncates or appends
 * to): the JDK would report "too few bytes" as a connection failure, retried to fail the same way.
 */
final class BodyStream extends FilterInputStream {

    private final long expected;
    private long read;

    BodyStream(InputStream body, long expected) {
        super(body);
        this.expected = expected;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = super.read();
        } catch (IOException | UncheckedIOException e) {
            throw new RequestBodyException("Cannot read the request body: " + e.getMessage(), e);
        }
        counted(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException | UncheckedIOException e) {
            throw new RequestBodyException("Cannot read the request body: " + e.getMessage(), e);
        }
        counted(n);
        return n;
    }

    private void counted(int n) throws RequestBodyException {
        if (expected < 0) {
            return;
        }
        if (n > 0) {
            read += n;
        }
        if (read > expected || n < 0 && read < expected) {
            throw new RequestBodyException("The request body " + (read > expected ? "grew beyond" : "ended after " + read
                    + " of") + " the " + expected + " bytes announced: a file it is read from changed size while it"
                    + " was being sent (another process is writing or truncating it). Send a file once it is complete"
                    + " (for example with the file component's readLock or doneFileName options)", null);
        }
    }
}
