package io.github.camelopenrouter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelopenrouter.TestFiles.base64;
import static org.assertj.core.api.Assertions.assertThat;

class CollectionMappingTest extends OpenRouterTestSupport {

    @TempDir
    Path dir;

    @Test
    void aListBecomesOneRequestWithTextFirstThenMediaInOrder() throws Exception {
        Path pdf = Files.write(dir.resolve("a.pdf"), TestFiles.pdf("A"));
        byte[] png = TestFiles.png();

        sendOk("openrouter:chat?prompt=Compare", List.of(png, "the notes", pdf, java.net.URI.create("https://x.org/b.png")));

        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"text","text":"Compare"},
                 {"type":"text","text":"the notes"},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}},
                 {"type":"file","file":{"filename":"a.pdf","file_data":"data:application/pdf;base64,%s"}},
                 {"type":"image_url","image_url":{"url":"https://x.org/b.png"}}]"""
                .formatted(base64(png), base64(TestFiles.pdf("A")))));
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void anArrayWorksTheSame() {
        sendOk("openrouter:chat", new Object[] { TestFiles.jpeg(), "caption" });

        assertThat(sentUserContent().get(0).get("text").asText()).isEqualTo("caption");
        assertThat(sentUserContent().get(1).get("image_url").get("url").asText()).startsWith("data:image/jpeg;base64,");
    }

    @Test
    void oneBadElementRefusesTheWholeRequest() {
        assertRefusedBeforeSending(send("openrouter:chat", List.of(TestFiles.png(), TestFiles.zip())), "application/zip");
    }
}
