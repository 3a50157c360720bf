package io.github.camelopenrouter.benchmarks.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's verdict on a request body must not depend on how the bytes were split across reads. */
class JsonCheckerTest {

    private static String check(String json, int pieceSize) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonChecker checker = new JsonChecker();
        for (int i = 0; i < bytes.length; i += pieceSize) {
            checker.feed(bytes, i, Math.min(pieceSize, bytes.length - i));
        }
        return checker.finish();
    }

    private static void assertValid(String json) {
        for (int piece : new int[] { 1, 3, 7, 8, 9, 64, 1 << 20 }) {
            assertThat(check(json, piece)).as("%s in pieces of %d", json.length() > 80 ? json.substring(0, 80) : json, piece)
                    .isNull();
        }
    }

    private static void assertInvalid(String json) {
        for (int piece : new int[] { 1, 8, 1 << 20 }) {
            assertThat(check(json, piece)).as("%s in pieces of %d", json, piece).isNotNull();
        }
    }

    @Test
    void acceptsChatRequests() {
        assertValid("{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi \\\"there\\\" \\u00e9\"}],"
                    + "\"temperature\":0.7,\"max_tokens\":100,\"stream\":false,\"plugins\":null,\"x\":[true,-1.5e3,{}]}\n");
        byte[] pdf = new byte[300_000];
        new Random(1).nextBytes(pdf);
        assertValid("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"file\",\"file\":{\"file_data\":\"data:application/pdf;base64,"
                    + Base64.getEncoder().encodeToString(pdf) + "\"}}]}]}");
    }

    @Test
    void refusesMalformedBodies() {
        assertInvalid("");
        assertInvalid("[1,2]");
        assertInvalid("{\"model\":\"a\"");
        assertInvalid("{\"model\":\"a\"}}");
        assertInvalid("{\"model\" \"a\"}");
        assertInvalid("{\"model\":\"a\",}x");
        assertInvalid("{\"model\":\"a\"]");
        assertInvalid("{\"model\":tru}");
        assertInvalid("{\"model\":\"bad \\q escape\"}");
        assertInvalid("{\"model\":\"control \u0001 char\"}");
        assertInvalid("{\"model\":\"unterminated " + "A".repeat(1000));
        assertInvalid("{\"a\":1} {\"b\":2}");
    }
}
