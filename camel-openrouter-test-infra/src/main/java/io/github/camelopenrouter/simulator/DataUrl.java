package io.github.camelopenrouter.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code data:<media type>;base64,<payload>} URL, read without copying the payload, and the check
 * for plain http(s) URLs.
 */
record DataUrl(String mediaType, String url, int payloadStart) {

    /** The header ("data:...,") is short; looking further would scan megabytes of payload for a comma. */
    private static final int MAX_HEADER = 256;

    /** @return the parsed data URL, or null when {@code url} is not a base64 data URL */
    static DataUrl parse(String url) {
        if (!url.regionMatches(true, 0, "data:", 0, 5)) {
            return null;
        }
        int comma = url.indexOf(',', 5);
        if (comma < 0 || comma > MAX_HEADER) {
            return null;
        }
        String header = url.substring(5, comma).toLowerCase(Locale.ROOT);
        if (!header.endsWith(";base64")) {
            return null;
        }
        String mediaType = header.substring(0, header.length() - ";base64".length());
        int parameters = mediaType.indexOf(';');
        return new DataUrl(parameters < 0 ? mediaType : mediaType.substring(0, parameters), url, comma + 1);
    }

    boolean hasMediaType(Set<String> allowed) {
        return allowed.contains(mediaType);
    }

    /** @return what is wrong with the payload, or null */
    String payloadProblem() {
        return Base64Check.problem(url, payloadStart);
    }

    byte[] decode() {
        return Base64.getDecoder().decode(url.substring(payloadStart));
    }

    static boolean isHttpUrl(String text) {
        if (!text.regionMatches(true, 0, "http://", 0, 7) && !text.regionMatches(true, 0, "https://", 0, 8)) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
