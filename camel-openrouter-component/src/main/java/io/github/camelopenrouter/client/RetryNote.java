package io.github.camelopenrouter.client;

/**
 * How retrying ended ("gave up after 3 attempts"), attached as the first suppressed exception of a failure the
 * component did not create itself ({@link java.net.ConnectException}, {@link javax.net.ssl.SSLHandshakeException},
 * ...). Adding the note to the message would mean building a new exception, and a copy cannot keep the class of every
 * exception the JDK may throw - {@code onException(SSLException.class)} and {@code instanceof} checks must keep
 * matching as without retries. {@link io.github.camelopenrouter.OpenRouterApiException} carries the note in its
 * message instead.
 */
public final class RetryNote extends Exception {

    private static final long serialVersionUID = 1L;

    public RetryNote(String note) {
        // no stack trace: it would only show the retry machinery, not where the failure happened
        super(note, null, false, false);
    }
}
