package io.github.camelopenrouter.client;

/**
 * Checks the values the client puts in HTTP headers (the API key, appTitle, appUrl) when the endpoint starts. A key
 * pasted with an invisible character (a UTF-8 BOM, a zero-width space) or a second line would otherwise start the
 * endpoint and fail every exchange with the JDK's {@code invalid header value: "Bearer sk-or-..."}, printing the key
 * into the error log. The messages name the option, the character and its position, never the value.
 */
final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * @param what       how the value is named in the message ("The API key (apiKey option or OPENROUTER_API_KEY)")
     * @param spacesOk   whether a space may appear inside the value (a title may have them, a key or URL may not)
     */
    static void check(String what, String value, boolean spacesOk) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            // printable ASCII only: HTTP allows Latin-1 "obs-text" at best, the JDK refuses the rest, and OpenRouter
            // reads these headers as ASCII
            boolean ok = c > 0x20 && c < 0x7F || c == ' ' && spacesOk;
            if (!ok) {
                throw new IllegalArgumentException(what + " contains a character that cannot be sent in an HTTP header: "
                                                   + describe(c) + " at position " + (i + 1)
                                                   + " of " + value.length() + " (the value is not shown). Accepted are"
                                                   + " printable ASCII characters" + (spacesOk ? " and spaces" : " without spaces")
                                                   + "; a value copied from a web page or a file often carries an invisible"
                                                   + " character or a line break");
            }
            i += Character.charCount(c);
        }
    }

    private static String describe(int c) {
        String name = Character.getName(c);
        return String.format("U+%04X", c) + (name == null ? "" : " (" + name.toLowerCase(java.util.Locale.ROOT) + ")");
    }
}
