package io.github.camelopenrouter;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelopenrouter.client.ResponseTooLargeException;
import io.github.camelopenrouter.simulator.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replies a broken or hostile server sends: larger than any answer, without end, JSON null, valid JSON with types the
 * reply records do not declare, an answer beyond Jackson's default string limit. Each ends the exchange with either the
 * paid answer or a clear error, over a real socket.
 */
class HostileReplyTest extends OpenRouterTestSupport {

    private static final int MB = 1024 * 1024;

    /** Writes 64 KB blocks after the given head until the client closes the connection or 300 MB are out. */
    private static HostileServer flooding(String head, AtomicLong written, CountDownLatch closed) throws Exception {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'a');
        block[0] = '{';
        return HostileServer.start((request, out) -> {
            HostileServer.skipBody(request);
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                while (written.get() < 300L * MB) {
                    out.write(block);
                    written.addAndGet(block.length);
                }
                out.flush();
            } finally {
                closed.countDown();
            }
        });
    }

    @Test
    void aReplyWithoutEndIsCutAtMaxResponseSizeAndItsConnectionClosed() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch closed = new CountDownLatch(1);
        try (HostileServer server = flooding("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n",
                written, closed)) {
            Exchange exchange = send("openrouter:chat?maxResponseSize=1048576&baseUrl=" + server.baseUrl(), "Hi");

            assertThat(exchange.getException()).isInstanceOf(ResponseTooLargeException.class)
                    .hasMessageContaining("OpenRouter's reply (HTTP 200) is larger than maxResponseSize (1048576 bytes):"
                                          + " no Content-Length, ")
                    .hasMessageContaining("The connection was closed without reading the rest");
            assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("response_too_large");
            assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).as("not retried").isEqualTo(1);
            assertThat(closed.await(20, TimeUnit.SECONDS)).as("the server's writes end: the client closed").isTrue();
            // what the server got out before the socket broke: the limit plus the kernel's socket buffers, not 300 MB
            assertThat(written.get()).isLessThan(64L * MB);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aReplyDeclaring300MbFailsBeforeItsBodyIsRead() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch closed = new CountDownLatch(1);
        try (HostileServer server = flooding("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                             + 300L * MB + "\r\n\r\n", written, closed)) {
            Exchange exchange = send("openrouter:chat?maxResponseSize=1048576&baseUrl=" + server.baseUrl(), "Hi");

            assertThat(exchange.getException()).isInstanceOf(ResponseTooLargeException.class)
                    .hasMessageContaining("is larger than maxResponseSize (1048576 bytes): it declares 314572800 bytes.");
            assertThat(closed.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(written.get()).isLessThan(64L * MB);
        }
    }

    @Test
    void anEndlessStreamIsCutAtMaxResponseSizeToo() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch closed = new CountDownLatch(1);
        byte[] event = ("data: {\"id\":\"gen-endless\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                        + "more ".repeat(200) + "\"}}]}\n\n").getBytes(StandardCharsets.US_ASCII);
        try (HostileServer server = HostileServer.start((request, out) -> {
            HostileServer.skipBody(request);
            try {
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                while (written.get() < 300L * MB) {
                    out.write(event);
                    written.addAndGet(event.length);
                }
            } finally {
                closed.countDown();
            }
        })) {
            Exchange exchange = send("openrouter:chat?stream=true&maxResponseSize=1048576&baseUrl=" + server.baseUrl(), "Hi");

            assertThat(exchange.getException()).isInstanceOf(ResponseTooLargeException.class)
                    .hasMessageContaining("OpenRouter's stream is longer than maxResponseSize (1048576 bytes)");
            assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);
            assertThat(closed.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(written.get()).isLessThan(64L * MB);
        }
    }

    @Test
    void aJsonNullReplyIsAClearErrorNotANullPointerException() {
        simulator.enqueue(Fault.status(200, "null"));

        Exchange exchange = send("openrouter:chat", "Hi");

        assertThat(exchange.getException()).isInstanceOf(OpenRouterApiException.class)
                .hasMessage("OpenRouter returned HTTP 200 with the JSON value null instead of a chat completion");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);
    }

    @Test
    void unexpectedTypesInAValidReplyKeepThePaidAnswer() throws Exception {
        simulator.enqueue(Fault.status(200, """
                {"id":"gen-odd","model":"sim/model","created":"yesterday","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":[{"type":"text","text":"Paid "},{"type":"text","text":"answer"}]}}],
                 "usage":{"prompt_tokens":3000000000,"completion_tokens":5,"total_tokens":3000000005,"cost":0.25}}"""));
        String logs;
        Exchange exchange;
        try (LogCapture capture = LogCapture.everything()) {
            exchange = send("openrouter:chat", "Hi");
            logs = capture.text();
        }

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo("Paid answer");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.RESPONSE_ID)).isEqualTo("gen-odd");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.COMPLETION_TOKENS)).isEqualTo(5);
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.COST)).isEqualTo(0.25);
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKeys(OpenRouterConstants.PROMPT_TOKENS,
                OpenRouterConstants.TOTAL_TOKENS);
        assertThat(logs).contains("WARN", "the answer is kept, the values it could not read were left out:",
                "usage.prompt_tokens: 3000000000 (beyond a 32-bit whole number)", "created: \"yesterday\" (not a whole number)");
    }

    @Test
    void anAnswerBeyondJacksonsDefaultStringLimitIsKept() {
        String answer = "x".repeat(30_000_000);
        simulator.enqueue(Fault.status(200, "{\"id\":\"gen-big\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
                                            + "\"message\":{\"role\":\"assistant\",\"content\":\"" + answer + "\"}}]}"));

        Exchange exchange = sendOk("openrouter:chat", "Hi");

        assertThat(exchange.getMessage().getBody(String.class)).hasSize(30_000_000);
    }
}
