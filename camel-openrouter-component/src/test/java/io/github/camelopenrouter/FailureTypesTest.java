package io.github.camelopenrouter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import io.github.camelopenrouter.client.RetryNote;
import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.simulator.TestCertificates;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After retries, the exception on the exchange is of the class the last attempt raised - the class it would be without
 * retries - so each of the {@code onException} clauses users write for this component still catches what it caught
 * before. Each test sends through a route with one clause per class and checks which one handled the exchange.
 */
class FailureTypesTest extends OpenRouterTestSupport {

    private static final String RETRYING = "retryInitialDelay=10&retryMaxDelay=2000";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(OpenRouterApiException.class).handled(true).setBody(constant("api"));
                onException(SSLException.class).handled(true).setBody(constant("tls"));
                onException(ConnectException.class).handled(true).setBody(constant("connect"));
                onException(HttpTimeoutException.class).handled(true).setBody(constant("timeout"));
                onException(IOException.class).handled(true).setBody(constant("io"));

                from("direct:ask").toD("${header.uri}");
            }
        };
    }

    /** The body says which clause caught it; the caught exception stays on the exchange property Camel sets. */
    private Exchange ask(String uri) {
        return template.send("direct:ask", exchange -> {
            exchange.getMessage().setHeader("uri", uri);
            exchange.getMessage().setBody("Hi");
        });
    }

    private static Throwable caught(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    @Test
    void aRefusedConnectionIsCaughtAsConnectExceptionAfterRetries() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Exchange exchange = ask("openrouter:chat?" + RETRYING + "&baseUrl=http://127.0.0.1:" + closedPort + "/api/v1");

        assertThat(exchange.getMessage().getBody()).isEqualTo("connect");
        assertThat(caught(exchange)).isExactlyInstanceOf(ConnectException.class);
        assertThat(caught(exchange).getSuppressed()[0]).isExactlyInstanceOf(RetryNote.class)
                .hasMessage("gave up after 3 attempts");
        assertThat(caught(exchange).getSuppressed()).hasSize(3);
    }

    @Test
    void aTimeoutIsCaughtAsHttpTimeoutExceptionAfterRetries() {
        simulator.enqueue(Fault.delay(Duration.ofSeconds(3)), Fault.delay(Duration.ofSeconds(3)));

        Exchange exchange = ask("openrouter:chat?" + RETRYING + "&maxRetries=1&requestTimeout=300");

        assertThat(exchange.getMessage().getBody()).isEqualTo("timeout");
        assertThat(caught(exchange)).isExactlyInstanceOf(HttpTimeoutException.class)
                .hasMessageEndingWith("within requestTimeout (300 ms)");
        assertThat(caught(exchange).getSuppressed()[0]).hasMessage("gave up after 2 attempts");
    }

    /**
     * Camel matches onException clauses from the deepest cause up, so a timeout must not carry the IOException of the
     * connection the JDK closed as its cause: with the JDK's own request timer racing the watchdog, it did in some runs
     * (this class failed once in a full CI run). Thirty timeouts in a row, every one caught as a timeout.
     */
    @Test
    void everyTimeoutIsCaughtAsHttpTimeoutExceptionWhateverTimerFiresFirst() {
        for (int i = 0; i < 30; i++) {
            simulator.enqueue(Fault.delay(Duration.ofSeconds(2)));

            Exchange exchange = ask("openrouter:chat?maxRetries=0&requestTimeout=50");

            assertThat(exchange.getMessage().getBody()).as("timeout %d", i).isEqualTo("timeout");
            assertThat(caught(exchange)).isExactlyInstanceOf(HttpTimeoutException.class).hasNoCause()
                    .hasMessageEndingWith("within requestTimeout (50 ms)");
        }
    }

    @Test
    void aReplyCutShortKeepsTheClassTheJdkGaveIt() {
        simulator.enqueue(Fault.dropMidReply());
        Throwable alone = caught(ask("openrouter:chat?maxRetries=0"));
        simulator.reset();
        simulator.enqueue(Fault.dropMidReply(), Fault.dropMidReply(), Fault.dropMidReply());

        Exchange exchange = ask("openrouter:chat?" + RETRYING);

        assertThat(alone).isInstanceOf(IOException.class);
        assertThat(exchange.getMessage().getBody()).isEqualTo("io");
        assertThat(caught(exchange)).isExactlyInstanceOf(alone.getClass()).hasMessage(alone.getMessage());
        assertThat(caught(exchange).getSuppressed()[0]).hasMessage("gave up after 3 attempts");
        assertThat(simulator.requestCount()).isEqualTo(3);
    }

    @Test
    void anErrorReplyIsCaughtAsOpenRouterApiExceptionWithTheNoteInItsMessage() {
        simulator.enqueue(Fault.error(503, "down 1"), Fault.error(503, "down 2"), Fault.error(503, "down 3"));

        Exchange exchange = ask("openrouter:chat?" + RETRYING);

        assertThat(exchange.getMessage().getBody()).isEqualTo("api");
        assertThat(caught(exchange)).isExactlyInstanceOf(OpenRouterApiException.class)
                .hasMessage("OpenRouter returned HTTP 503: down 3 (gave up after 3 attempts)");
    }

    /**
     * A 503, then a handshake the server breaks off: TLS failures are not retried, so the handshake's exception ends
     * the exchange - as an SSLException, which the code before this test turned into a plain IOException.
     */
    @Test
    void aTlsFailureAfterARetried503IsCaughtAsSslException() throws Exception {
        TestCertificates certificates = TestCertificates.generate();
        try (TlsServerThatFailsAfterA503 server = new TlsServerThatFailsAfterA503(certificates)) {
            context.getRegistry().bind("testCa", trusting(certificates));
            String uri = "openrouter:chat?" + RETRYING + "&sslContextParameters=#testCa&baseUrl=https://localhost:"
                         + server.port() + "/api/v1";

            Exchange exchange = ask(uri);

            assertThat(caught(exchange)).isExactlyInstanceOf(SSLHandshakeException.class);
            assertThat(exchange.getMessage().getBody()).isEqualTo("tls");
            assertThat(server.connections()).isEqualTo(2);
            assertThat(caught(exchange).getSuppressed()[0]).isExactlyInstanceOf(RetryNote.class)
                    .hasMessage("failed after 2 attempts");
            assertThat(caught(exchange).getSuppressed()[1]).isInstanceOf(OpenRouterApiException.class)
                    .hasMessageContaining("HTTP 503");
            assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(2);
        }
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

    /** First connection: a proper TLS 503 that closes the connection; every later one: closed mid-handshake. */
    private static final class TlsServerThatFailsAfterA503 implements AutoCloseable {

        private final ServerSocket server;
        private final SSLContext tls;
        private final AtomicInteger connections = new AtomicInteger();
        private final Thread acceptor;

        TlsServerThatFailsAfterA503(TestCertificates certificates) throws IOException {
            tls = certificates.serverContext();
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(this::serve, "tls-503-then-broken-handshake");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    if (connections.incrementAndGet() == 1) {
                        SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(socket, null, socket.getPort(), false);
                        secured.setUseClientMode(false);
                        answer503(secured);
                        secured.close();
                    } else {
                        // the client's hello read, then closed without answering: "Remote host terminated the handshake"
                        socket.getInputStream().read(new byte[16 * 1024]);
                    }
                } catch (IOException closedOrBroken) {
                    // the next accept tells which
                }
            }
        }

        private static void answer503(SSLSocket socket) throws IOException {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            StringBuilder head = new StringBuilder();
            int contentLength = 0;
            while (head.indexOf("\r\n\r\n") < 0) {
                int read = in.read(buffer);
                if (read < 0) {
                    return;
                }
                head.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            }
            for (String line : head.substring(0, head.indexOf("\r\n\r\n")).split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    contentLength = Integer.parseInt(line.substring(15).trim());
                }
            }
            int bodyRead = head.length() - head.indexOf("\r\n\r\n") - 4;
            while (bodyRead < contentLength) {
                int read = in.read(buffer);
                if (read < 0) {
                    return;
                }
                bodyRead += read;
            }
            byte[] body = "{\"error\":{\"code\":503,\"message\":\"overloaded\"}}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nConnection: close\r\n"
                       + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
