package io.github.camelopenrouter.stream;

/**
 * Where the text deltas of a stream go while it is read. Called on the HTTP client's threads, so it must not block:
 * it queues, and tells the reader when to stop reading the socket until it has room again (back-pressure).
 */
public interface DeltaSink {

    /** One text delta, in order. */
    void delta(String text, String responseId);

    /**
     * Whether the reader may read on. When not, the sink keeps {@code resume} and runs it once, as soon as it has room
     * again; when it has room, {@code resume} is dropped.
     */
    boolean hasRoom(Runnable resume);
}
