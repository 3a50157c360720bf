package io.github.camelopenrouter.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the API key could leave by a way the component does not control, checked when the endpoint starts: a user's
 * {@link HttpClient} that follows redirects or has an {@link java.net.Authenticator}, and a base URL in plain http.
 */
public final class ClientSafety {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSafety.class);

    private ClientSafety() {
    }

    /**
     * Refuses a user's client that would leak or lose the key. Refused rather than worked around: a built
     * {@link HttpClient} cannot be changed, and quietly building another would drop the user's proxy, SSL and executor.
     */
    public static void checkUserClient(HttpClient http, String endpoint) {
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalStateException("The httpClient of " + endpoint + " follows redirects (Redirect."
                                            + http.followRedirects() + "): a redirect would send the request, with the API"
                                            + " key in its Authorization header, to whatever host the reply names. Build it"
                                            + " with followRedirects(HttpClient.Redirect.NEVER), the JDK's default");
        }
        if (http.authenticator().isPresent()) {
            throw new IllegalStateException("The httpClient of " + endpoint + " has an Authenticator: the JDK then drops"
                                            + " the Authorization header the API key travels in, so every request would be"
                                            + " refused with 401. Build it without authenticator(...); for a proxy that"
                                            + " needs credentials, let the proxy accept this host without them");
        }
    }

    /**
     * Warns once, at start, when the key would travel in clear: an http:// base URL to anything but this machine.
     * Loopback is excepted because nothing crosses a network there (a local gateway or the simulator); the decision is
     * made on the host as written, without a DNS lookup at start.
     */
    public static void warnIfCleartext(String baseUrl, String endpoint) {
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || isLoopback(uri.getHost())) {
            return;
        }
        // host and port only: the URL may carry user info or a query
        LOG.warn("{} sends to http://{}{}: the API key and every request travel unencrypted over the network. Use"
                 + " https:// (OpenRouter's default is https://openrouter.ai/api/v1)", endpoint, uri.getHost(),
                uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("[::1]");
    }
}
