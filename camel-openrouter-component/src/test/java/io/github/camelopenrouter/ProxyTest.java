package io.github.camelopenrouter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.RecordedRequest;
import io.github.camelopenrouter.simulator.SimulatorSettings;
import io.github.camelopenrouter.simulator.TestCertificates;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Through a real forward proxy on loopback: HTTPS goes through a CONNECT tunnel (with and without Basic credentials)
 * and the proxy never sees the API key; plain HTTP is forwarded; wrong or incomplete settings say what is wrong.
 * The module's surefire configuration starts the JVM with {@code -Djdk.http.auth.tunneling.disabledSchemes=}, as the
 * proxyAuthUsername option's description tells users to.
 */
class ProxyTest {

    private static final String API_KEY = "sk-or-v1-proxy-test-key-0123456789";
    private static final String PASSWORD = "pr0xy-pa55word";

    private static TestCertificates certificates;
    private static OpenRouterSimulator https;
    private static OpenRouterSimulator http;

    @BeforeAll
    static void startSimulators() {
        certificates = TestCertificates.generate();
        https = OpenRouterSimulator.start(SimulatorSettings.defaults().withTls(certificates.serverContext()));
        http = OpenRouterSimulator.start();
    }

    @AfterAll
    static void stopSimulators() {
        https.close();
        http.close();
    }

    @Test
    void httpsGoesThroughAConnectTunnelAndTheProxyNeverSeesTheKey() throws Exception {
        https.reset();
        try (TestProxy proxy = TestProxy.open(); DefaultCamelContext camel = camel(https)) {
            Exchange exchange = ask(camel, "openrouter:chat?sslContextParameters=#testCa&proxyHost=127.0.0.1&proxyPort="
                                           + proxy.port());

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody(String.class)).isNotBlank();
            assertThat(proxy.heads()).hasSize(1);
            assertThat(proxy.heads().get(0)).startsWith("CONNECT localhost:" + https.port() + " HTTP/1.1\r\n")
                    .doesNotContainIgnoringCase("authorization").doesNotContain(API_KEY);
            assertNotInTunnel(proxy, API_KEY);
            RecordedRequest received = https.lastRequest();
            assertThat(received.header("Authorization")).isEqualTo("Bearer " + API_KEY);
            assertThat(received.header("Proxy-Authorization")).isNull();
        }
    }

    @Test
    void basicCredentialsGoToTheProxyOnConnectAndNotToOpenRouter() throws Exception {
        https.reset();
        try (TestProxy proxy = TestProxy.requiringBasic("integration", PASSWORD); DefaultCamelContext camel = camel(https)) {
            Exchange exchange = ask(camel, "openrouter:chat?sslContextParameters=#testCa&proxyHost=127.0.0.1&proxyPort="
                                           + proxy.port() + "&proxyAuthUsername=integration&proxyAuthPassword=RAW("
                                           + PASSWORD + ")");

            assertThat(exchange.getException()).isNull();
            assertThat(proxy.heads()).singleElement().asString()
                    .startsWith("CONNECT localhost:" + https.port() + " HTTP/1.1\r\n")
                    .containsIgnoringCase("Proxy-Authorization: " + basic("integration", PASSWORD))
                    .doesNotContain(API_KEY);
            assertNotInTunnel(proxy, API_KEY);
            RecordedRequest received = https.lastRequest();
            assertThat(received.header("Proxy-Authorization")).isNull();
            assertThat(received.header("Authorization")).isEqualTo("Bearer " + API_KEY);
        }
    }

    @Test
    void credentialsTheProxyRefusesEndTheExchangeWithA407ThatSaysWhereToLook() throws Exception {
        https.reset();
        try (TestProxy proxy = TestProxy.requiringBasic("integration", PASSWORD); DefaultCamelContext camel = camel(https)) {
            Exchange exchange = ask(camel, "openrouter:chat?sslContextParameters=#testCa&proxyHost=127.0.0.1&proxyPort="
                                           + proxy.port() + "&proxyAuthUsername=integration&proxyAuthPassword=wrong-one");

            assertThat(exchange.getException()).isInstanceOf(OpenRouterApiException.class)
                    .hasMessageStartingWith("The HTTP proxy refused the request with HTTP 407 (Proxy Authentication"
                                            + " Required): set proxyAuthUsername and proxyAuthPassword")
                    .hasMessageNotContaining("wrong-one");
            assertThat(((OpenRouterApiException) exchange.getException()).getStatusCode()).isEqualTo(407);
            assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("proxy_authentication_required");
            assertThat(proxy.heads()).as("not retried").hasSize(1);
            assertThat(https.requestCount()).isZero();
        }
    }

    /** Plain http:// is forwarded by the proxy, which then sees everything - the reason OpenRouter is HTTPS-only. */
    @Test
    void plainHttpIsForwardedWithTheCredentialsForTheProxyOnly() throws Exception {
        http.reset();
        try (TestProxy proxy = TestProxy.requiringBasic("integration", PASSWORD); DefaultCamelContext camel = camel(http)) {
            Exchange exchange = ask(camel, "openrouter:chat?proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                                           + "&proxyAuthUsername=integration&proxyAuthPassword=RAW(" + PASSWORD + ")");

            assertThat(exchange.getException()).isNull();
            assertThat(proxy.heads()).singleElement().asString()
                    .startsWith("POST " + http.baseUrl() + "/chat/completions HTTP/1.1\r\n")
                    .containsIgnoringCase("Proxy-Authorization: " + basic("integration", PASSWORD));
            assertThat(http.lastRequest().header("Proxy-Authorization")).isNull();
            assertThat(http.lastRequest().header("Authorization")).isEqualTo("Bearer " + API_KEY);
        }
    }

    @Test
    void incompleteProxySettingsAreRefusedAtStartWithoutShowingThePassword() {
        assertStartRefused("openrouter:chat?proxyHost=proxy.example.com",
                "proxyPort must be set to the proxy's port (1 to 65535) with proxyHost");
        assertStartRefused("openrouter:chat?proxyPort=3128", "proxyPort, proxyAuthUsername and proxyAuthPassword need proxyHost");
        assertStartRefused("openrouter:chat?proxyHost=proxy.example.com&proxyPort=3128&proxyAuthPassword=" + PASSWORD,
                "proxyAuthUsername and proxyAuthPassword go together");
        assertStartRefused("openrouter:chat?proxyHost=proxy.example.com&proxyPort=70000", "got 70000");
    }

    @Test
    void proxyOptionsAndAnHttpClientOfOnesOwnAreRefusedTogether() {
        assertStartRefused("openrouter:chat?proxyHost=proxy.example.com&proxyPort=3128&httpClient=#ownClient",
                "Both httpClient and proxyHost are set", "Configure the proxy on your own HttpClient");
    }

    /** Without the JVM property the JDK strips Basic credentials from CONNECT: say so at start, not with 407s later. */
    @Test
    void basicCredentialsForHttpsNeedTheJvmToAllowThemOnTunnels() throws Exception {
        // the JDK reads the property once, when its HTTP client first sends: send before clearing it here, or the
        // other tests of this JVM would lose their credentials on tunnels
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(http.baseUrl() + "/models")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        String before = System.getProperty("jdk.http.auth.tunneling.disabledSchemes");
        System.clearProperty("jdk.http.auth.tunneling.disabledSchemes");
        try {
            assertStartRefused("openrouter:chat?baseUrl=https://openrouter.ai/api/v1&proxyHost=proxy.example.com"
                               + "&proxyPort=3128&proxyAuthUsername=integration&proxyAuthPassword=" + PASSWORD,
                    "this JVM refuses Basic proxy credentials on HTTPS tunnels",
                    "Start the JVM with -Djdk.http.auth.tunneling.disabledSchemes=");
        } finally {
            if (before != null) {
                System.setProperty("jdk.http.auth.tunneling.disabledSchemes", before);
            }
        }
    }

    private static void assertStartRefused(String uri, String... fragments) {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            OpenRouterComponent component = new OpenRouterComponent();
            component.getConfiguration().setApiKey(API_KEY);
            camel.addComponent("openrouter", component);
            camel.getRegistry().bind("ownClient", java.net.http.HttpClient.newHttpClient());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to(uri);
                }
            });
            assertThatThrownBy(camel::start).satisfies(failure -> {
                Throwable root = failure;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                assertThat(root.getMessage()).contains(fragments).doesNotContain(PASSWORD).doesNotContain(API_KEY);
            });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertNotInTunnel(TestProxy proxy, String secret) {
        assertThat(proxy.tunnelledBytes()).as("bytes through the tunnel").isNotEmpty();
        assertThat(new String(proxy.tunnelledBytes(), StandardCharsets.ISO_8859_1)).doesNotContain(secret)
                .doesNotContain("Bearer").doesNotContain("chat/completions");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static DefaultCamelContext camel(OpenRouterSimulator simulator) throws Exception {
        OpenRouterComponent component = new OpenRouterComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        component.getConfiguration().setMaxRetries(0);
        component.getConfiguration().setRequestTimeout(5000);
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.addComponent("openrouter", component);
        camel.getRegistry().bind("testCa", trusting(certificates));
        camel.start();
        return camel;
    }

    private static Exchange ask(DefaultCamelContext camel, String uri) {
        return camel.createProducerTemplate().request(uri, e -> e.getMessage().setBody("Hi through the proxy"));
    }

    private static SSLContextParameters trusting(TestCertificates certificates) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource(certificates.trustStoreFile().toUri().toString());
        trustStore.setPassword(certificates.trustStorePassword());
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }
}
