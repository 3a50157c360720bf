package io.github.camelopenrouter.docstest;

import java.nio.file.Path;

/**
 * One fenced block of a doc: where it is (for the failure message), its language and the marker its author put before
 * it (null when there is none), and its text.
 */
record CodeBlock(Path file, int line, String language, String marker, String text) {

    /** The marker's kind: the first word after {@code docs-test:} ({@code run:ftp} gives {@code run}). */
    String kind() {
        return marker == null ? null : marker.split("[:\\s]", 2)[0];
    }

    /** What follows {@code run:}, naming the server a command needs ({@code ftp}), or null. */
    String fixture() {
        return marker != null && marker.startsWith("run:") ? marker.substring(4).trim() : null;
    }

    String where() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        return where() + " (" + (language.isEmpty() ? "no language" : language) + ", " + marker + ")";
    }
}
