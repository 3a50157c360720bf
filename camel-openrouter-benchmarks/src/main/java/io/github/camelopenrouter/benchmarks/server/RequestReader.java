package io.github.camelopenrouter.benchmarks.server;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads HTTP/1.1 requests from the bytes of one connection as they arrive: the head is kept (it is small), the body
 * (fixed length or chunked) only passes through a {@link JsonChecker}. The clients measured do not pipeline, so bytes
 * after a complete request are not expected; they are treated as the start of the next one all the same.
 */
final class RequestReader {

    private static final int MAX_HEAD = 64 * 1024;

    /** A request read in full: its body is gone, what the server needs to know about it stays. */
    record Request(String method, String path, boolean authorized, boolean closeConnection, long bodyBytes,
                   String jsonProblem) {
    }

    private enum Phase { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER }

    private Phase phase = Phase.HEAD;
    private byte[] head = new byte[1024];
    private int headLength;
    private String method;
    private String path;
    private boolean authorized;
    private boolean closeConnection;
    private boolean expectContinue;
    private boolean continueSent = true;
    private long remaining;
    private long bodyBytes;
    private final StringBuilder line = new StringBuilder();
    private JsonChecker checker;

    /**
     * @return the request completed by these bytes, or null when more are needed. A second request in the same bytes
     *         is refused: the peers measured wait for each answer before they send again.
     */
    Request feed(byte[] data, int offset, int length) {
        int end = offset + length;
        int i = offset;
        Request done = null;
        while (i < end) {
            if (done != null) {
                throw new IllegalStateException("pipelined requests are not supported");
            }
            switch (phase) {
                case HEAD -> i = readHead(data, i, end);
                case BODY -> {
                    int n = (int) Math.min(remaining, end - i);
                    body(data, i, n);
                    i += n;
                    remaining -= n;
                }
                case CHUNK_SIZE, CHUNK_END, TRAILER -> i = readLine(data, i, end);
                case CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, end - i);
                    body(data, i, n);
                    i += n;
                    remaining -= n;
                    if (remaining == 0) {
                        phase = Phase.CHUNK_END;
                    }
                }
            }
            if (phase == Phase.BODY && remaining == 0 || phase == null) {
                done = complete();
            }
        }
        if (done == null && phase == Phase.BODY && remaining == 0) {
            done = complete();
        }
        return done;
    }

    /** True once, right after a head that asked for {@code Expect: 100-continue}. */
    boolean wantsContinue() {
        if (!continueSent) {
            continueSent = true;
            return true;
        }
        return false;
    }

    private void body(byte[] data, int offset, int n) {
        checker.feed(data, offset, n);
        bodyBytes += n;
    }

    private int readHead(byte[] data, int i, int end) {
        while (i < end) {
            if (headLength == head.length) {
                if (head.length >= MAX_HEAD) {
                    throw new IllegalStateException("request head larger than " + MAX_HEAD + " bytes");
                }
                head = Arrays.copyOf(head, head.length * 2);
            }
            head[headLength++] = data[i++];
            if (headLength >= 4 && head[headLength - 1] == '\n' && head[headLength - 2] == '\r'
                && head[headLength - 3] == '\n' && head[headLength - 4] == '\r') {
                parseHead();
                return i;
            }
        }
        return i;
    }

    private void parseHead() {
        String[] lines = new String(head, 0, headLength - 4, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        method = requestLine[0];
        path = requestLine.length > 1 ? requestLine[1] : "/";
        authorized = false;
        closeConnection = false;
        boolean chunked = false;
        long contentLength = 0;
        for (int k = 1; k < lines.length; k++) {
            int colon = lines[k].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[k].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[k].substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "authorization" -> authorized = value.startsWith("Bearer ") && value.length() > 7;
                case "connection" -> closeConnection = value.toLowerCase(Locale.ROOT).contains("close");
                case "expect" -> continueSent = !value.toLowerCase(Locale.ROOT).contains("100-continue");
                default -> {
                }
            }
        }
        headLength = 0;
        bodyBytes = 0;
        checker = new JsonChecker();
        if (chunked) {
            phase = Phase.CHUNK_SIZE;
        } else {
            phase = Phase.BODY;
            remaining = contentLength;
        }
    }

    private int readLine(byte[] data, int i, int end) {
        while (i < end) {
            byte b = data[i++];
            if (b == '\n') {
                lineDone(line.toString().trim());
                line.setLength(0);
                return i;
            }
            line.append((char) b);
        }
        return i;
    }

    private void lineDone(String text) {
        switch (phase) {
            case CHUNK_SIZE -> {
                int semicolon = text.indexOf(';');
                remaining = Long.parseLong(semicolon < 0 ? text : text.substring(0, semicolon), 16);
                phase = remaining == 0 ? Phase.TRAILER : Phase.CHUNK_DATA;
            }
            case CHUNK_END -> phase = Phase.CHUNK_SIZE;
            case TRAILER -> {
                if (text.isEmpty()) {
                    phase = null;
                }
            }
            default -> throw new IllegalStateException(phase.toString());
        }
    }

    private Request complete() {
        Request request = new Request(method, path, authorized, closeConnection, bodyBytes,
                "POST".equals(method) ? checker.finish() : null);
        phase = Phase.HEAD;
        checker = null;
        return request;
    }
}
