package io.github.camelopenrouter.stream;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Server-sent events as the HTML standard defines them, byte by byte as they arrive: lines end in CRLF, LF or CR (also
 * when split across buffers); a line starting with {@code :} is a comment ({@code : OPENROUTER PROCESSING}) and is
 * skipped; {@code data:} lines (one optional space after the colon dropped) are joined with LF; a blank line dispatches
 * the event; other fields ({@code event}, {@code id}, {@code retry}) are ignored, as OpenRouter gives them no meaning.
 * An event left incomplete when the stream ends is discarded, as the standard says.
 *
 * <p>The data stays bytes (UTF-8 JSON for OpenRouter): the JSON reader takes them as they are, no String is built. Memory
 * is one line plus one event (and a 4 KiB slice of a direct buffer), however long the stream.
 */
public final class SseParser {

    /** Receives each event's data; the array is reused after the call returns. */
    @FunctionalInterface
    public interface Listener {
        void event(byte[] data, int length);
    }

    private static final byte[] DATA = { 'd', 'a', 't', 'a' };

    private final Listener listener;
    private final byte[] scratch = new byte[4096];
    private byte[] line = new byte[256];
    private int lineLength;
    private byte[] data = new byte[1024];
    private int dataLength;
    private boolean hasData;
    private boolean afterCr;

    public SseParser(Listener listener) {
        this.listener = listener;
    }

    public void feed(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            int start = buffer.arrayOffset() + buffer.position();
            feed(buffer.array(), start, start + buffer.remaining());
            buffer.position(buffer.limit());
            return;
        }
        // a direct buffer: copied out in slices, since reading it a byte at a time costs several times the scan
        while (buffer.hasRemaining()) {
            int n = Math.min(scratch.length, buffer.remaining());
            buffer.get(scratch, 0, n);
            feed(scratch, 0, n);
        }
    }

    private void feed(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            if (afterCr) {
                afterCr = false;
                if (bytes[i] == '\n') {
                    i++; // the LF of a CRLF
                    continue;
                }
            }
            int end = i;
            while (end < to && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            append(bytes, i, end - i);
            if (end == to) {
                return;
            }
            afterCr = bytes[end] == '\r';
            endOfLine();
            i = end + 1;
        }
    }

    private void append(byte[] bytes, int from, int length) {
        if (length == 0) {
            return;
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        System.arraycopy(bytes, from, line, lineLength, length);
        lineLength += length;
    }

    private void endOfLine() {
        int length = lineLength;
        lineLength = 0;
        if (length == 0) {
            dispatch();
            return;
        }
        if (line[0] == ':') {
            return;
        }
        int colon = indexOfColon(length);
        int nameEnd = colon < 0 ? length : colon;
        if (!isData(nameEnd)) {
            return;
        }
        int valueStart = colon < 0 ? length : colon + 1;
        if (valueStart < length && line[valueStart] == ' ') {
            valueStart++;
        }
        int valueLength = length - valueStart;
        ensureData(valueLength + 1);
        if (hasData) {
            data[dataLength++] = '\n';
        }
        System.arraycopy(line, valueStart, data, dataLength, valueLength);
        dataLength += valueLength;
        hasData = true;
    }

    private void dispatch() {
        if (!hasData) {
            return;
        }
        int length = dataLength;
        hasData = false;
        dataLength = 0;
        listener.event(data, length);
    }

    private int indexOfColon(int length) {
        for (int i = 0; i < length; i++) {
            if (line[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    private boolean isData(int nameLength) {
        return nameLength == DATA.length && Arrays.equals(line, 0, nameLength, DATA, 0, DATA.length);
    }

    private void ensureData(int more) {
        if (dataLength + more > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, dataLength + more));
        }
    }

    /** Whether the event's data is OpenRouter's (and OpenAI's) end marker {@code [DONE]}. */
    public static boolean isDone(byte[] data, int length) {
        return length == 6 && data[0] == '[' && data[1] == 'D' && data[2] == 'O' && data[3] == 'N' && data[4] == 'E'
               && data[5] == ']';
    }
}
