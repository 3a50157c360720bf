package io.github.camelopenrouter.simulator;

import java.time.Duration;

/**
 * How the simulator streams an answer ({@code "stream": true}); set with {@link OpenRouterSimulator#setStreamShape}.
 *
 * @param deltas          content deltas to send: 0 for as many as the reply text needs; more makes a long answer
 *                        whose pieces cycle through the reply text's (so its text is known: the pieces, in order)
 * @param pieceChars      the most characters per delta (the reply text is cut into pieces of this size)
 * @param commentInterval a {@code : OPENROUTER PROCESSING} comment is sent when this long passed without one (while
 *                        waiting for a slow first token, and between paced deltas); zero: only the one at the start
 * @param deltaInterval   pause before each content delta after the first; zero: as fast as the socket takes them
 */
public record StreamShape(int deltas, int pieceChars, Duration commentInterval, Duration deltaInterval) {

    public static final int DEFAULT_PIECE_CHARS = 24;

    public StreamShape {
        if (deltas < 0) {
            throw new IllegalArgumentException("deltas must be 0 or more, got " + deltas);
        }
        if (pieceChars < 1) {
            throw new IllegalArgumentException("pieceChars must be at least 1, got " + pieceChars);
        }
        if (commentInterval == null || commentInterval.isNegative() || deltaInterval == null
            || deltaInterval.isNegative()) {
            throw new IllegalArgumentException("intervals must be zero or positive, got " + commentInterval + " and "
                                               + deltaInterval);
        }
    }

    /** The text's own pieces of {@value #DEFAULT_PIECE_CHARS} characters, unpaced, one comment at the start. */
    public static StreamShape defaults() {
        return new StreamShape(0, DEFAULT_PIECE_CHARS, Duration.ZERO, Duration.ZERO);
    }

    public StreamShape withDeltas(int count) {
        return new StreamShape(count, pieceChars, commentInterval, deltaInterval);
    }

    public StreamShape withPieceChars(int chars) {
        return new StreamShape(deltas, chars, commentInterval, deltaInterval);
    }

    public StreamShape withCommentInterval(Duration interval) {
        return new StreamShape(deltas, pieceChars, interval, deltaInterval);
    }

    public StreamShape withDeltaInterval(Duration interval) {
        return new StreamShape(deltas, pieceChars, commentInterval, interval);
    }
}
