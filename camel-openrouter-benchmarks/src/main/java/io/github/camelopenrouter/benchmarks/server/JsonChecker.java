package io.github.camelopenrouter.benchmarks.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks that a byte stream is one well-formed JSON object, fed in pieces as it arrives, without keeping it. Inside
 * strings it skips eight bytes at a time until a quote, backslash or control byte, so the base64 of a 50 MB file costs
 * a few milliseconds: the server must stay cheaper than the fastest client it measures. Numbers are checked loosely
 * (their characters, not their grammar); UTF-8 inside strings is not decoded.
 */
final class JsonChecker {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long SPACES = ONES * 0x20;

    private enum State {
        START, VALUE, ARRAY_FIRST, OBJECT_FIRST, KEY, COLON, AFTER_VALUE, STRING, ESCAPE, UNICODE, NUMBER, LITERAL, DONE
    }

    private State state = State.START;
    private byte[] containers = new byte[32];
    private int depth;
    private boolean inKey;
    private int hexLeft;
    private String literal;
    private int literalAt;
    private String problem;

    /** Feeds the next {@code length} bytes; stops looking once the document is known to be malformed. */
    void feed(byte[] data, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end && problem == null) {
            if (state == State.STRING) {
                i = skipPlainStringBytes(data, i, end);
                if (i == end) {
                    break;
                }
            }
            step(data[i]);
            i++;
        }
    }

    /** Null when the bytes fed so far are exactly one JSON object (and whitespace), else what is wrong. */
    String finish() {
        if (state == State.NUMBER) {
            state = depth == 0 ? State.DONE : State.AFTER_VALUE;
        }
        if (problem != null) {
            return problem;
        }
        return state == State.DONE ? null : "unexpected end of the document (" + state + ", depth " + depth + ")";
    }

    private static int skipPlainStringBytes(byte[] data, int i, int end) {
        while (i + 8 <= end) {
            long word = (long) LONGS.get(data, i);
            if (hasSpecial(word)) {
                break;
            }
            i += 8;
        }
        while (i < end) {
            byte b = data[i];
            if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
                return i;
            }
            i++;
        }
        return i;
    }

    /** Whether any byte of the word is a quote, a backslash or below 0x20 (bytes of 0x80 and above never count). */
    private static boolean hasSpecial(long word) {
        long quote = word ^ QUOTES;
        long backslash = word ^ BACKSLASHES;
        long zeroQuote = (quote - ONES) & ~quote;
        long zeroBackslash = (backslash - ONES) & ~backslash;
        long control = (word - SPACES) & ~word;
        return ((zeroQuote | zeroBackslash | control) & HIGHS) != 0;
    }

    private void step(byte b) {
        switch (state) {
            case START:
                if (!whitespace(b)) {
                    expect(b == '{', "the body must be a JSON object");
                    open((byte) '{', State.OBJECT_FIRST);
                }
                break;
            case VALUE:
                if (!whitespace(b)) {
                    value(b);
                }
                break;
            case ARRAY_FIRST:
                if (b == ']') {
                    close((byte) '[');
                } else if (!whitespace(b)) {
                    value(b);
                }
                break;
            case OBJECT_FIRST:
                if (b == '}') {
                    close((byte) '{');
                } else if (!whitespace(b)) {
                    key(b);
                }
                break;
            case KEY:
                if (!whitespace(b)) {
                    key(b);
                }
                break;
            case COLON:
                if (!whitespace(b)) {
                    expect(b == ':', "a colon after an object key");
                    state = State.VALUE;
                }
                break;
            case AFTER_VALUE:
                afterValue(b);
                break;
            case STRING:
                if (b == '"') {
                    state = inKey ? State.COLON : afterScalar();
                } else if (b == '\\') {
                    state = State.ESCAPE;
                } else {
                    fail("a control character inside a string");
                }
                break;
            case ESCAPE:
                if (b == 'u') {
                    hexLeft = 4;
                    state = State.UNICODE;
                } else {
                    expect("\"\\/bfnrt".indexOf(b) >= 0, "a valid escape sequence");
                    state = State.STRING;
                }
                break;
            case UNICODE:
                expect(Character.digit(b, 16) >= 0, "four hex digits after \\u");
                if (--hexLeft == 0) {
                    state = State.STRING;
                }
                break;
            case NUMBER:
                if (!(b >= '0' && b <= '9' || b == '.' || b == 'e' || b == 'E' || b == '+' || b == '-')) {
                    state = afterScalar();
                    step(b);
                }
                break;
            case LITERAL:
                expect(b == literal.charAt(literalAt), "the literal " + literal);
                if (++literalAt == literal.length()) {
                    state = afterScalar();
                }
                break;
            case DONE:
                expect(whitespace(b), "nothing after the closing brace");
                break;
            default:
                break;
        }
    }

    private void value(byte b) {
        if (b == '{') {
            open(b, State.OBJECT_FIRST);
        } else if (b == '[') {
            open(b, State.ARRAY_FIRST);
        } else if (b == '"') {
            inKey = false;
            state = State.STRING;
        } else if (b == '-' || b >= '0' && b <= '9') {
            state = State.NUMBER;
        } else if (b == 't' || b == 'f' || b == 'n') {
            literal = b == 't' ? "true" : b == 'f' ? "false" : "null";
            literalAt = 1;
            state = State.LITERAL;
        } else {
            fail("a JSON value, found '" + (char) b + "'");
        }
    }

    private void key(byte b) {
        expect(b == '"', "a quoted object key");
        inKey = true;
        state = State.STRING;
    }

    private void afterValue(byte b) {
        if (whitespace(b)) {
            return;
        }
        byte container = containers[depth - 1];
        if (b == ',') {
            state = container == '{' ? State.KEY : State.VALUE;
        } else if (b == '}' || b == ']') {
            close(b == '}' ? (byte) '{' : (byte) '[');
        } else {
            fail("a comma or the end of the " + (container == '{' ? "object" : "array"));
        }
    }

    private State afterScalar() {
        return depth == 0 ? State.DONE : State.AFTER_VALUE;
    }

    private void open(byte container, State next) {
        if (depth == containers.length) {
            containers = java.util.Arrays.copyOf(containers, depth * 2);
        }
        containers[depth++] = container;
        state = next;
    }

    private void close(byte container) {
        if (depth == 0 || containers[depth - 1] != container) {
            fail("a matching bracket");
            return;
        }
        depth--;
        state = afterScalar();
    }

    private static boolean whitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private void expect(boolean ok, String what) {
        if (!ok) {
            fail("expected " + what);
        }
    }

    /** The first problem is kept; the state machine may move on, but nothing more is read. */
    private void fail(String why) {
        if (problem == null) {
            problem = why;
        }
    }
}
