package io.github.camelopenrouter.media;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

public record BytesSource(byte[] bytes, String description) implements MediaSource {

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }
}
