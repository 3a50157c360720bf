package io.github.camelopenrouter.simulator;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Naive PDF reading, enough for test documents: the page count and the text shown by the
 * {@code Tj}, {@code TJ} and {@code '} operators of uncompressed content streams. Compressed streams
 * (any stream whose dictionary has a /Filter) are skipped, so scans and real-world PDFs yield
 * {@value #NO_TEXT}. Runs in linear time, whatever bytes it is given.
 */
final class PdfText {

    static final String NO_TEXT = "[no text layer]";

    /** "/Type /Page" but not "/Type /Pages" (the page tree). */
    private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![A-Za-z])");

    /** A literal string longer than this is taken for binary noise, not text. */
    private static final int MAX_STRING = 4096;

    private PdfText() {
    }

    /** @return the number of page objects, at least 1 */
    static int pageCount(byte[] pdf) {
        Matcher matcher = PAGE.matcher(latin1(pdf));
        int pages = 0;
        while (matcher.find()) {
            pages++;
        }
        return Math.max(1, pages);
    }

    /** @return the shown strings, in stream order, separated by single spaces; {@value #NO_TEXT} when none */
    static String extract(byte[] pdf) {
        String text = latin1(pdf);
        StringBuilder out = new StringBuilder();
        int position = 0;
        while (true) {
            int keyword = text.indexOf("stream", position);
            if (keyword < 0) {
                break;
            }
            if (keyword >= 3 && text.startsWith("end", keyword - 3)) {
                position = keyword + 6;
                continue;
            }
            int start = skipLineBreak(text, keyword + 6);
            int end = text.indexOf("endstream", start);
            if (end < 0) {
                break;
            }
            int object = text.lastIndexOf("obj", keyword);
            String dictionary = text.substring(Math.max(object, Math.max(0, keyword - 2048)), keyword);
            if (!dictionary.contains("/Filter")) {
                new ContentScanner(text, start, end, out).scan();
            }
            position = end + 9;
        }
        String result = out.toString().replaceAll("\\s+", " ").trim();
        return result.isEmpty() ? NO_TEXT : result;
    }

    private static int skipLineBreak(String text, int index) {
        if (text.startsWith("\r\n", index)) {
            return index + 2;
        }
        return index < text.length() && (text.charAt(index) == '\n' || text.charAt(index) == '\r') ? index + 1 : index;
    }

    private static String latin1(byte[] pdf) {
        // ISO-8859-1 maps every byte to one char, so offsets stay byte offsets
        return new String(pdf, StandardCharsets.ISO_8859_1);
    }

    /** Finds "(string) Tj", "(string) '" and "[(a) -20 (b)] TJ" in one content stream. */
    private static final class ContentScanner {
        private final String text;
        private final int end;
        private final StringBuilder out;
        private int i;

        ContentScanner(String text, int start, int end, StringBuilder out) {
            this.text = text;
            this.i = start;
            this.end = end;
            this.out = out;
        }

        void scan() {
            while (i < end) {
                char c = text.charAt(i);
                if (c == '(') {
                    String shown = literal();
                    if (shown != null && followedBy("Tj", "'")) {
                        append(shown);
                    }
                } else if (c == '[') {
                    String shown = array();
                    if (shown != null && followedBy("TJ")) {
                        append(shown);
                    }
                } else {
                    i++;
                }
            }
        }

        private void append(String shown) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(shown);
        }

        /** Reads "[(a) 12 (b)]" at i; null (and i moved on) when it is not an array of strings and numbers. */
        private String array() {
            StringBuilder shown = new StringBuilder();
            i++;
            while (i < end) {
                char c = text.charAt(i);
                if (c == ']') {
                    i++;
                    return shown.toString();
                } else if (c == '(') {
                    String piece = literal();
                    if (piece == null) {
                        return null;
                    }
                    shown.append(piece);
                } else if (Character.isWhitespace(c) || c == '-' || c == '.' || Character.isDigit(c)) {
                    i++;
                } else {
                    return null;
                }
            }
            return null;
        }

        /** Reads a literal string at i with its escapes and balanced parentheses; null when it never ends. */
        private String literal() {
            int limit = Math.min(end, i + MAX_STRING);
            StringBuilder value = new StringBuilder();
            int depth = 0;
            int j = i + 1;
            while (j < limit) {
                char c = text.charAt(j);
                if (c == '\\' && j + 1 < limit) {
                    j = escape(j + 1, value);
                    continue;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (depth == 0) {
                        i = j + 1;
                        return value.toString();
                    }
                    depth--;
                }
                value.append(c);
                j++;
            }
            // unterminated: move past the whole window, which keeps the scan linear on binary data
            i = limit;
            return null;
        }

        /** Appends the escaped character at j; returns the index after the escape. */
        private int escape(int j, StringBuilder value) {
            char c = text.charAt(j);
            switch (c) {
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case '\r', '\n' -> {
                    // a backslash before a line break continues the string on the next line
                    return c == '\r' && j + 1 < end && text.charAt(j + 1) == '\n' ? j + 2 : j + 1;
                }
                default -> {
                    if (c >= '0' && c <= '7') {
                        int k = j;
                        int code = 0;
                        while (k < j + 3 && k < end && text.charAt(k) >= '0' && text.charAt(k) <= '7') {
                            code = code * 8 + (text.charAt(k) - '0');
                            k++;
                        }
                        value.append((char) (code & 0xff));
                        return k;
                    }
                    value.append(c);
                }
            }
            return j + 1;
        }

        private boolean followedBy(String... operators) {
            int k = i;
            while (k < end && Character.isWhitespace(text.charAt(k))) {
                k++;
            }
            for (String operator : operators) {
                if (text.startsWith(operator, k)) {
                    int after = k + operator.length();
                    if (after >= end || !Character.isLetterOrDigit(text.charAt(after))) {
                        i = after;
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
