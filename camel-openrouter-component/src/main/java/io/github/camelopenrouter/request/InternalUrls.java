package io.github.camelopenrouter.request;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.wire.ContentPart;
import io.github.camelopenrouter.wire.Payload;

/**
 * Finds URLs in what is about to go to OpenRouter (and from there to a model provider, both third parties) that
 * point inside the sender's network - loopback, private and link-local addresses (169.254.169.254 is the cloud
 * metadata service), internal host names - or that carry credentials (user info, a token or signature parameter).
 * A route that forwards mail or tickets may pass on such links without anyone noticing. The findings name the host
 * and the parameter, never the URL itself: its token is the secret.
 */
final class InternalUrls {

    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?|ftp|wss?)://(?:[^\\s\"'<>()\\[\\]{}|\\\\^`/]*@)?(?:\\[[0-9a-f:.]+\\])?[^\\s\"'<>()\\[\\]{}|\\\\^`]*");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)(?:^|[_\\-.])(?:token|access_?token|api_?key|apikey|key|secret|password|passwd|pwd|sig|signature|auth"
            + "|credential|session|sessionid)$");
    private static final Set<String> INTERNAL_SUFFIXES = Set.of(".localhost", ".local", ".internal", ".lan", ".intranet",
            ".corp", ".home.arpa");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InternalUrls.class);

    /** The internalUrls option's values. */
    static final String WARN = "warn";
    static final String REFUSE = "refuse";
    static final String ALLOW = "allow";

    private InternalUrls() {
    }

    /**
     * Looks at the text and URL parts of the body (not at the prompt or system message, which the route's author
     * wrote) and warns or refuses as {@code policy} says.
     */
    static void inspect(List<ContentPart> parts, String policy, String endpoint) {
        if (ALLOW.equals(policy)) {
            return;
        }
        Set<String> findings = new LinkedHashSet<>();
        for (ContentPart part : parts) {
            if (part instanceof ContentPart.Text text) {
                findings.addAll(findings(text.text()));
            } else if (part instanceof ContentPart.ImageUrl image && image.imageUrl().url() instanceof Payload.Literal url) {
                check(url.value(), findings);
            } else if (part instanceof ContentPart.File file && file.file().fileData() instanceof Payload.Literal url) {
                check(url.value(), findings);
            } else if (part instanceof ContentPart.VideoUrl video && video.videoUrl().url() instanceof Payload.Literal url) {
                check(url.value(), findings);
            }
        }
        if (findings.isEmpty()) {
            return;
        }
        String what = "The message body holds " + String.join("; ", findings) + ". It is sent to OpenRouter and the"
                      + " model's provider, which are third parties";
        if (REFUSE.equals(policy)) {
            throw new OpenRouterInputException(what + ": refused because " + endpoint + " has internalUrls=refuse. Remove"
                                               + " the link, or set internalUrls=warn to send it with a warning");
        }
        LOG.warn("{} (internalUrls=warn on {}). Set internalUrls=refuse to refuse such bodies, or allow to send them"
                 + " without this warning", what, endpoint);
    }

    /** What is wrong with the URLs in {@code text}, one entry per finding; empty when nothing is. */
    static Set<String> findings(String text) {
        Set<String> findings = new LinkedHashSet<>();
        if (text == null || text.indexOf("://") < 0) {
            return findings;
        }
        Matcher matcher = URL.matcher(text);
        while (matcher.find()) {
            check(matcher.group(), findings);
        }
        return findings;
    }

    static void check(String url, Set<String> findings) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return;
        }
        String host = uri.getHost();
        if (host != null && isInternal(host.toLowerCase(Locale.ROOT))) {
            findings.add("a URL to the internal address " + host);
        }
        if (uri.getRawUserInfo() != null) {
            findings.add("a URL with a user name or password (host " + host + ")");
        }
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (SECRET_PARAMETER.matcher(name).find()) {
                    findings.add("a URL with a credential in its query parameter " + name + " (host " + host + ")");
                }
            }
        }
    }

    private static boolean isInternal(String host) {
        if (host.equals("localhost") || INTERNAL_SUFFIXES.stream().anyMatch(host::endsWith)
            || host.equals("metadata") || host.equals("metadata.google.internal")) {
            return true;
        }
        if (host.startsWith("[")) {
            String v6 = host.substring(1, host.length() - 1);
            return v6.equals("::1") || v6.equals("::") || v6.startsWith("fc") || v6.startsWith("fd") || v6.startsWith("fe8")
                   || v6.startsWith("fe9") || v6.startsWith("fea") || v6.startsWith("feb") || v6.startsWith("::ffff:");
        }
        String[] octets = host.split("\\.");
        if (octets.length != 4) {
            return false;
        }
        int[] n = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                n[i] = Integer.parseInt(octets[i]);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return n[0] == 127 || n[0] == 10 || n[0] == 0 || n[0] == 169 && n[1] == 254 || n[0] == 172 && n[1] >= 16 && n[1] <= 31
               || n[0] == 192 && n[1] == 168 || n[0] == 100 && n[1] >= 64 && n[1] <= 127;
    }
}
