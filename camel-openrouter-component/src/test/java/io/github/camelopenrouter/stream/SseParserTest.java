package io.github.camelopenrouter.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The event-stream format of the HTML standard, fed in pieces as a socket delivers it. */
class SseParserTest {

    private final List<String> events = new ArrayList<>();
    private final SseParser parser = new SseParser((data, length) -> events.add(new String(data, 0, length, StandardCharsets.UTF_8)));

    private void feed(String... pieces) {
        for (String piece : pieces) {
            parser.feed(ByteBuffer.wrap(piece.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void commentsAreSkippedAndSeveralDataLinesAreJoinedWithNewlines() {
        feed(": OPENROUTER PROCESSING\n\n", "data: {\"a\":\ndata:1}\n\n", "event: ignored\nid: 7\nretry: 10\ndata: x\n\n");

        assertThat(events).containsExactly("{\"a\":\n1}", "x");
    }

    @Test
    void crLfAndCrEndLinesEvenWhenSplitAcrossBuffers() {
        feed("data: one\r", "\n\r", "\n", "data: two\r\r", "data:three\n\n");

        assertThat(events).containsExactly("one", "two", "three");
    }

    @Test
    void anEventSplitMidCharacterArrivesWhole() {
        byte[] bytes = "data: Grüße €\n\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            parser.feed(ByteBuffer.wrap(new byte[] { b }));
        }

        assertThat(events).containsExactly("Grüße €");
    }

    @Test
    void anEventWithoutItsBlankLineIsNotDispatchedAndDoneIsRecognised() {
        feed("data: [DONE]\n\n", "data: cut off");

        assertThat(events).containsExactly("[DONE]");
        byte[] done = "[DONE]".getBytes(StandardCharsets.UTF_8);
        assertThat(SseParser.isDone(done, done.length)).isTrue();
        assertThat(SseParser.isDone("[DONE] ".getBytes(StandardCharsets.UTF_8), 7)).isFalse();
    }

    @Test
    void onlyTheFirstSpaceAfterTheColonIsDropped() {
        feed("data:  two spaces\n", "data\n\n");

        assertThat(events).containsExactly(" two spaces\n");
    }

    @Test
    void directBuffersAndSlicesOfLargerArraysAreReadFromWhereTheyStand() {
        String long10k = "x".repeat(10_000);
        byte[] bytes = ("data: " + long10k + "\r\ndata: two\r\n\r\ndata: three\n\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes).flip();
        parser.feed(direct);
        assertThat(direct.hasRemaining()).isFalse();

        byte[] framed = ("JUNK" + "data: sliced\n\n" + "TAIL").getBytes(StandardCharsets.UTF_8);
        ByteBuffer slice = ByteBuffer.wrap(framed, 4, framed.length - 8).slice();
        parser.feed(slice);
        assertThat(slice.hasRemaining()).isFalse();

        assertThat(events).containsExactly(long10k + "\ntwo", "three", "sliced");
    }
}
