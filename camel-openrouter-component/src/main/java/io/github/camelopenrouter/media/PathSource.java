package io.github.camelopenrouter.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file on disk, streamed from disk each time the body is written. */
public record PathSource(Path path, long size) implements MediaSource {

    public static PathSource of(Path path) throws IOException {
        return new PathSource(path, Files.size(path));
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public String description() {
        return String.valueOf(path.getFileName());
    }
}
