package io.github.camelopenrouter;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.activation.DataSource;

/** What a mail attachment looks like to Camel: bytes with a declared type and name. */
record InMemoryDataSource(byte[] bytes, String getContentType, String getName) implements DataSource {

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public OutputStream getOutputStream() {
        throw new UnsupportedOperationException("read-only");
    }
}
