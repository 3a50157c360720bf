package io.github.camelopenrouter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelopenrouter.client.RetryNote;
import io.github.camelopenrouter.simulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** No exchange waits forever: each timeout ends the attempt with an error that names it and its value. */
class TimeoutTest extends OpenRouterTestSupport {

    @Test
    void aReplySlowerThanRequestTimeoutFailsTheExchangeAndNamesTheTimeout() {
        // the reply would come long after any bound a loaded machine needs: only the timeout can end the exchange
        simulator.enqueue(Fault.delay(Duration.ofSeconds(30)));

        long started = System.nanoTime();
        Exchange exchange = send("openrouter:chat?requestTimeout=300&maxRetries=0", "Hi");
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(exchange.getException()).isInstanceOf(HttpTimeoutException.class)
                .hasMessage("OpenRouter at 127.0.0.1:" + simulator.port()
                            + " sent no complete reply within requestTimeout (300 ms)");
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("timeout");
        assertThat(elapsed).isBetween(250L, 20_000L);
    }

    @Test
    void aTimedOutAttemptIsRetried() {
        // generous enough that the retry's normal reply arrives in time on a loaded machine
        simulator.enqueue(Fault.delay(Duration.ofSeconds(30)));

        Exchange exchange = sendOk("openrouter:chat?requestTimeout=2000&retryInitialDelay=10", "Hi");

        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(2);
        assertThat(simulator.requestCount()).isEqualTo(2);
    }

    @Test
    void requestTimeoutAcceptsADuration() {
        simulator.enqueue(Fault.delay(Duration.ofSeconds(3)), Fault.delay(Duration.ofSeconds(3)));

        Exchange exchange = send("openrouter:chat?requestTimeout=400ms&maxRetries=1&retryInitialDelay=10", "Hi");

        assertThat(exchange.getException()).isInstanceOf(HttpTimeoutException.class)
                .hasMessageEndingWith("within requestTimeout (400 ms)");
        assertThat(exchange.getException().getSuppressed()[0]).isInstanceOf(RetryNote.class)
                .hasMessage("gave up after 2 attempts");
    }

    /** JDK 17's HttpRequest.timeout stops counting at the reply's headers: the component's own watchdog covers the body. */
    @Test
    void aServerThatStallsInTheMiddleOfTheBodyTimesOutToo() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread stalling = new Thread(() -> {
                try {
                    Socket socket = server.accept();
                    accepted.add(socket);
                    InputStream in = socket.getInputStream();
                    in.read(new byte[64 * 1024]);
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"id\":")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the test fails on its own assertions if the server could not answer
                }
            }, "stalling-server");
            stalling.setDaemon(true);
            stalling.start();

            long started = System.nanoTime();
            Exchange exchange = send("openrouter:chat?maxRetries=0&requestTimeout=500&baseUrl=http://127.0.0.1:"
                                     + server.getLocalPort() + "/api/v1", "Hi");
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(exchange.getException()).isInstanceOf(HttpTimeoutException.class)
                    .hasMessageContaining("within requestTimeout (500 ms)");
            assertThat(elapsed).isBetween(450L, 20_000L);
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    /** A listen queue that is full drops new connection attempts: connecting hangs until connectTimeout. */
    @Test
    void aServerThatNeverAcceptsTheConnectionFailsWithConnectTimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queueFillers = fillListenQueue(server.getLocalPort());
            try {
                long started = System.nanoTime();
                Exchange exchange = send("openrouter:chat?maxRetries=0&connectTimeout=300&baseUrl=http://127.0.0.1:"
                                         + server.getLocalPort() + "/api/v1", "Hi");
                long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

                assertThat(exchange.getException()).isInstanceOf(HttpConnectTimeoutException.class)
                        .hasMessage("Could not connect to 127.0.0.1:" + server.getLocalPort()
                                    + " within connectTimeout (300 ms)");
                assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("timeout");
                assertThat(elapsed).isBetween(250L, 20_000L);
            } finally {
                for (Socket socket : queueFillers) {
                    socket.close();
                }
            }
        }
    }

    private static List<Socket> fillListenQueue(int port) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                sockets.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return sockets;
            }
        }
        throw new IllegalStateException("the listen queue never filled up: cannot provoke a connect timeout");
    }

    @Test
    void theDefaultsAreGenerousForSlowGenerations() throws Exception {
        JsonObject options = (JsonObject) ((JsonObject) Jsoner.deserialize(((org.apache.camel.CatalogCamelContext) context).getComponentParameterJsonSchema("openrouter")))
                .get("properties");

        assertThat(((JsonObject) options.get("connectTimeout")).get("defaultValue")).isEqualTo("10000");
        assertThat(((JsonObject) options.get("requestTimeout")).get("defaultValue")).isEqualTo("300000");
        assertThat(((JsonObject) options.get("maxRetries")).get("defaultValue")).hasToString("2");
        assertThat(((JsonObject) options.get("retryInitialDelay")).get("defaultValue")).isEqualTo("500");
        assertThat(((JsonObject) options.get("retryMaxDelay")).get("defaultValue")).isEqualTo("30000");
        OpenRouterConfiguration defaults = context.getEndpoint("openrouter:chat", OpenRouterEndpoint.class).getConfiguration();
        assertThat(defaults.getConnectTimeout()).isEqualTo(10_000);
        assertThat(defaults.getRequestTimeout()).isEqualTo(300_000);
    }

    @Test
    void aTimeoutOfZeroIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> context.getEndpoint("openrouter:chat?requestTimeout=0"))
                .rootCause().hasMessageContaining("requestTimeout must be a positive number of milliseconds, got 0");
    }
}
