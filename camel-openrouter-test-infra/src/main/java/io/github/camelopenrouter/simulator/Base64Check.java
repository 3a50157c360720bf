package io.github.camelopenrouter.simulator;

import java.util.Base64;

/**
 * Validates base64 with the JDK decoder, chunk by chunk, so a 50 MB payload costs two small buffers
 * instead of a 37 MB decoded copy.
 */
final class Base64Check {

    /** A multiple of 4, so that every chunk but the last is a whole number of base64 quanta. */
    private static final int CHUNK = 64 * 1024;

    private Base64Check() {
    }

    /**
     * @param text the string holding the base64 payload
     * @param from where the payload starts in {@code text} (after "base64," for a data URL)
     * @return what is wrong with the payload, or null when it is valid base64
     */
    static String problem(String text, int from) {
        int length = text.length() - from;
        if (length <= 0) {
            return "the base64 payload is empty";
        }
        Base64.Decoder decoder = Base64.getDecoder();
        byte[] input = new byte[Math.min(CHUNK, length)];
        byte[] output = new byte[input.length / 4 * 3 + 3];
        for (int start = from; start < text.length(); start += CHUNK) {
            int end = Math.min(text.length(), start + CHUNK);
            int size = end - start;
            if (size != input.length) {
                input = new byte[size];
            }
            for (int i = 0; i < size; i++) {
                char c = text.charAt(start + i);
                if (c > 0x7f) {
                    return "invalid base64: non-ASCII character at offset " + (start + i - from);
                }
                input[i] = (byte) c;
            }
            boolean last = end == text.length();
            if (!last && input[size - 1] == '=') {
                // each chunk is decoded alone, so padding before the end would go unnoticed otherwise
                return "invalid base64: padding '=' before the end, near offset " + (end - from);
            }
            try {
                decoder.decode(input, output);
            } catch (IllegalArgumentException e) {
                return "invalid base64 (" + e.getMessage() + ") in the payload starting at offset "
                        + (start - from);
            }
        }
        return null;
    }
}
