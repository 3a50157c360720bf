package io.github.camelopenrouter.simulator;

import static io.github.camelopenrouter.simulator.SimClient.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

class TlsTest {

    static final String HELLO = chat(message("user", "over tls")).toString();

    @Test
    void clientTrustingTheTestCertificateConnectsAndDefaultClientDoesNot() throws Exception {
        TestCertificates certificates = TestCertificates.generate();
        try (OpenRouterSimulator simulator =
                     OpenRouterSimulator.start(SimulatorSettings.defaults().withTls(certificates.serverContext()))) {
            assertThat(simulator.baseUrl()).isEqualTo("https://localhost:" + simulator.port() + "/api/v1");

            HttpClient trusting = HttpClient.newBuilder().sslContext(contextFrom(certificates.trustStore())).build();
            HttpResponse<String> response = trusting.send(chatRequest(simulator, KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(HELLO)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).at("/choices/0/message/content").asText()).endsWith("\"over tls\"");

            KeyStore fromFile = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(certificates.trustStoreFile())) {
                fromFile.load(in, certificates.trustStorePassword().toCharArray());
            }
            assertThat(fromFile.isCertificateEntry("localhost")).isTrue();

            HttpClient untrusting = HttpClient.newHttpClient();
            assertThatThrownBy(() -> untrusting.send(chatRequest(simulator, KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(HELLO)).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    private static SSLContext contextFrom(KeyStore trustStore) throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
