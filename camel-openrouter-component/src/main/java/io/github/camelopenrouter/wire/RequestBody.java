package io.github.camelopenrouter.wire;

import java.io.InputStream;

/** The bytes of a request body, pulled as the socket takes them and opened afresh for each attempt. */
public interface RequestBody {

    InputStream open();

    /** Bytes it will produce, or -1 when unknown (it is then sent chunked). */
    long contentLength();

    /** Whether {@link #open()} may be called again, for a retry. */
    boolean isRepeatable();
}
