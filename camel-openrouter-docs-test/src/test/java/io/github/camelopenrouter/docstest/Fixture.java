package io.github.camelopenrouter.docstest;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a long-running documented command needs to run here (the server it talks to, the arguments pointing it there)
 * and how to tell it works. Named in the marker: {@code <!-- docs-test: run:ftp -->}.
 */
interface Fixture extends AutoCloseable {

    /** Environment variables for the command (the simulator's URL as Camel's component property, say). */
    default Map<String, String> environment() {
        return Map.of();
    }

    /** Appended to the documented {@code mvn ... exec:java} line: later {@code -D}s win, pointing it at our servers. */
    default String mavenArguments() {
        return "";
    }

    /** Called before the command starts, in the fresh copy it runs in. */
    default void before(Path copy) throws Exception {
    }

    /**
     * Polled while the command runs: true once it did what the doc says it does. May throw an AssertionError when the
     * work came out wrong (an answer with the wrong text), rather than wait for the timeout.
     */
    boolean done(Path copy, String output) throws Exception;

    /** What {@link #done} waits for, for the failure message. */
    String expectation();

    @Override
    default void close() throws Exception {
    }
}
