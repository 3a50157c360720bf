package io.github.camelopenrouter.client;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import io.github.camelopenrouter.OpenRouterConfiguration;

/**
 * The HTTP proxy the client goes through, from the proxy options. Credentials are sent as a preemptive
 * {@code Proxy-Authorization: Basic} header rather than through a {@link java.net.Authenticator}: the JDK's client
 * drops every request's own {@code Authorization} header once an authenticator is set, which would lose the API key.
 */
public record ProxySettings(String host, int port, String username, String password) {

    /** The JDK property naming the authentication schemes refused on CONNECT tunnels ({@code Basic} by default). */
    static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    /** The proxy the options name, or {@code null} when proxyHost is not set; refuses incomplete settings. */
    public static ProxySettings of(OpenRouterConfiguration configuration, String where) {
        String host = configuration.getProxyHost();
        boolean credentials = configuration.getProxyAuthUsername() != null || configuration.getProxyAuthPassword() != null;
        if (host == null || host.isBlank()) {
            if (configuration.getProxyPort() != null || credentials) {
                throw new IllegalArgumentException("proxyPort, proxyAuthUsername and proxyAuthPassword need proxyHost on "
                                                   + where + ": set proxyHost to the proxy's host name or address");
            }
            return null;
        }
        Integer port = configuration.getProxyPort();
        if (port == null || port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxyPort must be set to the proxy's port (1 to 65535) with proxyHost on "
                                               + where + (port == null ? "" : ", got " + port));
        }
        if (credentials && (configuration.getProxyAuthUsername() == null || configuration.getProxyAuthPassword() == null)) {
            throw new IllegalArgumentException("proxyAuthUsername and proxyAuthPassword go together on " + where
                                               + ": set both, or neither for a proxy that asks for no credentials");
        }
        HeaderValues.check("The proxyAuthUsername option", configuration.getProxyAuthUsername(), true);
        return new ProxySettings(host.trim(), port, configuration.getProxyAuthUsername(), configuration.getProxyAuthPassword());
    }

    public void applyTo(HttpClient.Builder builder) {
        builder.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(host, port)));
    }

    /** The {@code Proxy-Authorization} header value, or {@code null} for a proxy without credentials. */
    public String authorization() {
        if (username == null) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * HTTPS through a proxy is a CONNECT tunnel, and the JDK strips Basic credentials from CONNECT unless the JVM was
     * started allowing them: without this check every request would fail with a bare 407 from the proxy.
     */
    public void checkCredentialsCanReach(String baseUrl, String where) {
        if (username == null || !baseUrl.toLowerCase(Locale.ROOT).startsWith("https:")) {
            return;
        }
        String disabled = System.getProperty(TUNNELING_DISABLED_SCHEMES, "Basic");
        for (String scheme : disabled.split(",")) {
            if (scheme.trim().equalsIgnoreCase("Basic")) {
                throw new IllegalStateException("proxyAuthUsername is set on " + where + ", but this JVM refuses Basic"
                                                + " proxy credentials on HTTPS tunnels (the JDK's default, property "
                                                + TUNNELING_DISABLED_SCHEMES + "=" + disabled + "), so the proxy would"
                                                + " answer every request with 407. Start the JVM with -D"
                                                + TUNNELING_DISABLED_SCHEMES + "= (or a list without Basic)");
            }
        }
    }

    @Override
    public String toString() {
        // a record's toString would print the password
        return "ProxySettings[" + host + ":" + port + (username == null ? "" : ", user " + username) + "]";
    }
}
