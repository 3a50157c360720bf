package io.github.camelopenrouter;

import java.net.http.HttpClient;
import javax.net.ssl.SSLHandshakeException;

import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.SimulatorSettings;
import io.github.camelopenrouter.simulator.TestCertificates;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Over HTTPS the server's certificate is always verified; a private CA is trusted through sslContextParameters. */
class TlsTest {

    private static final String API_KEY = "sk-or-v1-tls-test-key";

    private static TestCertificates certificates;
    private static OpenRouterSimulator https;

    @BeforeAll
    static void startHttpsSimulator() {
        certificates = TestCertificates.generate();
        https = OpenRouterSimulator.start(SimulatorSettings.defaults().withTls(certificates.serverContext()));
    }

    @AfterAll
    static void stopHttpsSimulator() {
        https.close();
    }

    @BeforeEach
    void reset() {
        https.reset();
    }

    private static SSLContextParameters trustingTheTestCa() {
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

    private static DefaultCamelContext camel(OpenRouterComponent component, String uri) throws Exception {
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setBaseUrl(https.baseUrl());
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.addComponent("openrouter", component);
        camel.getRegistry().bind("privateCa", trustingTheTestCa());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
            }
        });
        return camel;
    }

    private static Exchange ask(DefaultCamelContext camel) {
        return camel.createProducerTemplate().request("direct:in", e -> e.getMessage().setBody("Hi over TLS"));
    }

    @Test
    void anUntrustedCertificateIsRefusedAndNotRetried() throws Exception {
        try (DefaultCamelContext camel = camel(new OpenRouterComponent(), "openrouter:chat?retryInitialDelay=10")) {
            camel.start();
            Exchange exchange = ask(camel);

            assertThat(exchange.getException()).isInstanceOf(SSLHandshakeException.class);
            assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("tls_failed");
            assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);
            assertThat(https.requestCount()).isZero();
        }
    }

    @Test
    void sslContextParametersWithThePrivateTrustStoreAreAccepted() throws Exception {
        try (DefaultCamelContext camel = camel(new OpenRouterComponent(), "openrouter:chat?sslContextParameters=#privateCa")) {
            camel.start();
            Exchange exchange = ask(camel);

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody(String.class)).startsWith("Received 1 text part");
            assertThat(https.lastRequest().header("Authorization")).isEqualTo("Bearer " + API_KEY);
        }
    }

    @Test
    void theContextsGlobalSslParametersAreUsedWhenTheComponentIsToldTo() throws Exception {
        OpenRouterComponent component = new OpenRouterComponent();
        component.setUseGlobalSslContextParameters(true);
        try (DefaultCamelContext camel = camel(component, "openrouter:chat")) {
            camel.setSSLContextParameters(trustingTheTestCa());
            camel.start();

            assertThat(ask(camel).getException()).isNull();
            assertThat(https.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void globalSslParametersAreIgnoredUnlessTheComponentIsToldTo() throws Exception {
        try (DefaultCamelContext camel = camel(new OpenRouterComponent(), "openrouter:chat?maxRetries=0")) {
            camel.setSSLContextParameters(trustingTheTestCa());
            camel.start();

            assertThat(ask(camel).getException()).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void anOwnHttpClientTogetherWithSslContextParametersRefusesToStart() throws Exception {
        OpenRouterComponent component = new OpenRouterComponent();
        component.getConfiguration().setHttpClient(HttpClient.newHttpClient());
        try (DefaultCamelContext camel = camel(component, "openrouter:chat?sslContextParameters=#privateCa")) {
            assertThatThrownBy(camel::start).isInstanceOf(FailedToStartRouteException.class)
                    .rootCause().hasMessageContaining("Both httpClient and sslContextParameters are set")
                    .hasMessageContaining("Configure the SSLContext on your own HttpClient");
        }
    }

    @Test
    void anOwnHttpClientKeepsItsOwnSslSettingsWhenGlobalParametersExist() throws Exception {
        OpenRouterComponent component = new OpenRouterComponent();
        component.setUseGlobalSslContextParameters(true);
        component.getConfiguration().setHttpClient(HttpClient.newBuilder().sslContext(certificates.clientContext()).build());
        try (DefaultCamelContext camel = camel(component, "openrouter:chat")) {
            camel.setSSLContextParameters(new SSLContextParameters());
            camel.start();

            assertThat(ask(camel).getException()).isNull();
        }
    }
}
