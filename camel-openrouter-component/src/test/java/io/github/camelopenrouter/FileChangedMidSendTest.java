package io.github.camelopenrouter;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file that changes size while it is being sent (another process truncates or appends to it) is a clear error about
 * the file, not retried - not three "connection failures". The server truncates the file after reading the request's
 * headers, before its body: the client is still streaming the file then.
 */
class FileChangedMidSendTest extends OpenRouterTestSupport {

    @TempDir
    Path folder;

    @Test
    void aFileTruncatedWhileItIsSentFailsOnceNamingTheCause() throws Exception {
        Path pdf = folder.resolve("growing-scan.pdf");
        byte[] content = new byte[24 * 1024 * 1024];
        java.util.Arrays.fill(content, (byte) ' ');
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(tail, 0, content, content.length - tail.length, tail.length);
        Files.write(pdf, content);
        try (HostileServer server = HostileServer.start((request, out) -> {
            try (RandomAccessFile file = new RandomAccessFile(pdf.toFile(), "rw")) {
                file.setLength(1024 * 1024);
            }
            HostileServer.awaitClose(request);
        })) {
            Exchange exchange = send("openrouter:chat?pdfEngine=native&retryInitialDelay=10&baseUrl=" + server.baseUrl(),
                    pdf.toFile());

            assertThat(exchange.getException()).isNotNull();
            assertThat(exchange.getException()).hasStackTraceContaining("changed size while it was being sent");
            assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).as("not retried").isEqualTo(1);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

}
