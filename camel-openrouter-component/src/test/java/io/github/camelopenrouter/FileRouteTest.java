package io.github.camelopenrouter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelopenrouter.TestFiles.base64;
import static org.assertj.core.api.Assertions.assertThat;

/** Files picked up by Camel's file component arrive as a GenericFile: the PDF is streamed from disk under its own name. */
class FileRouteTest extends OpenRouterTestSupport {

    @TempDir
    static Path dir;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir.resolve("inbox") + "?move=.done")
                        .to("openrouter:chat?model=google/gemini-2.5-flash&pdfEngine=cloudflare-ai&prompt=Summarise the attached invoice")
                        .setHeader("CamelFileName", simple("${file:onlyname.noext}.md"))
                        .to("file:" + dir.resolve("outbox"));
            }
        };
    }

    @Test
    void aPdfDroppedInTheInboxIsSummarisedIntoTheOutbox() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).whenCompleted(1).create();
        byte[] pdf = TestFiles.pdf("Invoice 7 Total 12 EUR");
        Files.createDirectories(dir.resolve("inbox"));
        Files.write(dir.resolve("inbox").resolve("invoice-7.pdf"), pdf);

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();

        assertThat(sentJson()).isEqualTo(json("""
                {"model":"google/gemini-2.5-flash",
                 "messages":[{"role":"user","content":[{"type":"text","text":"Summarise the attached invoice"},
                   {"type":"file","file":{"filename":"invoice-7.pdf","file_data":"data:application/pdf;base64,%s"}}]}],
                 "plugins":[{"id":"file-parser","pdf":{"engine":"cloudflare-ai"}}]}""".formatted(base64(pdf))));
        assertThat(Files.readString(dir.resolve("outbox").resolve("invoice-7.md"))).isEqualTo(
                "Received 1 text part, 0 images, 1 file, 0 audio, 0 video. Files: invoice-7.pdf."
                + " Text: \"Summarise the attached invoice\" Parsed invoice-7.pdf with cloudflare-ai: Invoice 7 Total 12 EUR");
        assertThat(dir.resolve("inbox").resolve(".done").resolve("invoice-7.pdf")).exists();
    }
}
