package io.github.camelopenrouter.media;

import java.io.IOException;
import java.io.InputStream;

/** Where the bytes of one attachment come from; read only when the request body is written. */
public interface MediaSource {

    /** Size in bytes, or -1 when unknown until read. */
    long size();

    InputStream open() throws IOException;

    /** Whether {@link #open()} may be called again (needed to retry or to remember the file in a conversation). */
    boolean isRepeatable();

    /** What this is, for error messages: a file name or the body type, never content. */
    String description();
}
