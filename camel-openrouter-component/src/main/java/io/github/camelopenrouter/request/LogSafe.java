package io.github.camelopenrouter.request;

/**
 * A name that came from outside (a mail attachment's file name) made safe to put in a log line or an exception
 * message: a line break in it would forge a log line, a bidirectional control would disguise it. Such characters are
 * shown as {@code \\uXXXX} ({@code \\n} for a line feed), the rest is kept.
 */
final class LogSafe {

    private LogSafe() {
    }

    static String name(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder safe = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean unsafe = c < 0x20 || c == 0x7F || c >= 0x80 && c < 0xA0 || c == '\u2028' || c == '\u2029'
                             || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E'
                             || c == '\u200F' || c == '\u061C';
            if (unsafe && safe == null) {
                safe = new StringBuilder(name.length() + 8).append(name, 0, i);
            }
            if (safe != null) {
                if (!unsafe) {
                    safe.append(c);
                } else if (c == '\n') {
                    safe.append("\\n");
                } else if (c == '\r') {
                    safe.append("\\r");
                } else if (c == '\t') {
                    safe.append("\\t");
                } else {
                    safe.append(String.format("\\u%04X", (int) c));
                }
            }
        }
        return safe == null ? name : safe.toString();
    }
}
