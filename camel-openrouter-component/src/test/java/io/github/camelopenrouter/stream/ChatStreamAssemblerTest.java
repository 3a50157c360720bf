package io.github.camelopenrouter.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelopenrouter.wire.WireJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Chunks folded into the reply a non-streamed call would have had, read token by token. */
class ChatStreamAssemblerTest {

    private final ChatStreamAssembler assembler = new ChatStreamAssembler();

    private String accept(String chunk) throws IOException {
        byte[] bytes = ("  " + chunk + "  ").getBytes(StandardCharsets.UTF_8);
        // the parser reads the event where the SSE parser left it: an offset-free array of a given length
        byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 16);
        return assembler.accept(padded, bytes.length);
    }

    @Test
    void textsAreConcatenatedArraysAppendedAndTheLastNonNullValueOfEveryOtherFieldKept() throws IOException {
        assertThat(accept("{\"id\":\"gen-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                          + "\"provider\":null,\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                          + "\"content\":\"\"},\"finish_reason\":null,\"logprobs\":null}]}")).isNull();
        assertThat(accept("{\"id\":\"gen-1\",\"provider\":\"P\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                          + "\"Hel\",\"reasoning\":\"think \",\"annotations\":[{\"type\":\"url_citation\",\"n\":1}]}},"
                          + "{\"index\":1,\"delta\":{\"content\":\"ignored\",\"nested\":[[1],{\"a\":[2]}]}}]}"))
                .isEqualTo("Hel");
        assertThat(accept("{\"choices\":[{\"delta\":{\"content\":\"lo \\\"you\\\" \\u00e9\",\"reasoning\":\"more\","
                          + "\"annotations\":[{\"n\":2}],\"audio\":{\"id\":\"a1\"},\"refusal\":null}}]}"))
                .isEqualTo("lo \"you\" é");
        assertThat(accept("{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\",\"native_finish_reason\":\"end\"}],"
                          + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"cost\":0.5}}")).isNull();

        JsonNode reply = assembler.replyJson();
        assertThat(reply).isEqualTo(WireJson.MAPPER.readTree("{\"id\":\"gen-1\",\"created\":1,\"model\":\"m\","
                + "\"provider\":\"P\",\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"cost\":0.5},"
                + "\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
                + "\"native_finish_reason\":\"end\",\"message\":{\"role\":\"assistant\",\"content\":\"Hello \\\"you\\\" é\","
                + "\"reasoning\":\"think more\",\"annotations\":[{\"type\":\"url_citation\",\"n\":1},{\"n\":2}],"
                + "\"audio\":{\"id\":\"a1\"}}}]}"));
        assertThat(assembler.chunks()).isEqualTo(4);
        assertThat(assembler.replyId()).isEqualTo("gen-1");
        assertThat(assembler.failed()).isFalse();
    }

    @Test
    void aTopLevelErrorOrAnErrorFinishReasonMarksTheStreamFailed() throws IOException {
        accept("{\"id\":\"gen-2\",\"error\":{\"code\":502,\"message\":\"provider died\"},\"choices\":[]}");
        assertThat(assembler.failed()).isTrue();
        assertThat(assembler.replyJson().path("error").path("message").asText()).isEqualTo("provider died");

        ChatStreamAssembler other = new ChatStreamAssembler();
        byte[] chunk = "{\"choices\":[{\"delta\":{\"content\":\"x\"},\"finish_reason\":\"error\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(other.accept(chunk, chunk.length)).isEqualTo("x");
        assertThat(other.failed()).isTrue();
    }

    @Test
    void oddShapesAreSkippedNotMisread() throws IOException {
        assertThat(accept("{\"choices\":{\"delta\":{\"content\":\"no\"}},\"x\":[1,{\"y\":null}]}")).isNull();
        assertThat(accept("{\"choices\":[\"text\",{\"delta\":{\"content\":\"second\"}}]}")).isNull();
        assertThat(accept("{\"choices\":[{\"delta\":\"text\",\"index\":0}]}")).isNull();
        assertThat(accept("{\"choices\":[]}")).isNull();

        assertThat(assembler.replyJson().path("x")).isEqualTo(WireJson.MAPPER.readTree("[1,{\"y\":null}]"));
        assertThat(assembler.replyJson().path("choices").path(0).path("message").path("content").isMissingNode()).isTrue();
    }

    @Test
    void anEventThatIsNotAJsonObjectIsAnErrorNamingIt() {
        assertThatThrownBy(() -> accept("[1,2]")).isInstanceOf(IOException.class)
                .hasMessage("a stream event is not a JSON object:   [1,2]  ");
        assertThatThrownBy(() -> accept("")).isInstanceOf(IOException.class)
                .hasMessage("a stream event is not a JSON object: empty");
        assertThatThrownBy(() -> accept("{\"choices\":[{\"delta\":{\"content\":\"cut")).isInstanceOf(IOException.class);
    }
}
