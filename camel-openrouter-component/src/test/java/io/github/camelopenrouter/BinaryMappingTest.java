package io.github.camelopenrouter;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import org.apache.camel.Exchange;
import org.apache.camel.converter.stream.InputStreamCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelopenrouter.TestFiles.base64;
import static org.assertj.core.api.Assertions.assertThat;

class BinaryMappingTest extends OpenRouterTestSupport {

    @TempDir
    Path dir;

    @Test
    void pngBytesBecomeAnImageDataUrlAfterThePrompt() {
        byte[] png = TestFiles.png();

        sendOk("openrouter:chat?model=google/gemini-2.5-flash&prompt=Describe this", png);

        assertThat(sentJson()).isEqualTo(json("""
                {"model":"google/gemini-2.5-flash","messages":[{"role":"user","content":[
                  {"type":"text","text":"Describe this"},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}}]}]}""".formatted(base64(png))));
    }

    @Test
    void jpegFileWebpPathAndGifStreamAreImagesWithTheirOwnTypes() throws Exception {
        Path jpeg = Files.write(dir.resolve("photo.jpg"), TestFiles.jpeg());
        sendOk("openrouter:chat?imageDetail=high", jpeg.toFile());
        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,%s","detail":"high"}}]"""
                .formatted(base64(TestFiles.jpeg()))));

        Path webp = Files.write(dir.resolve("pic.webp"), TestFiles.webp());
        sendOk("openrouter:chat", webp);
        assertThat(sentUserContent().get(0).get("image_url").get("url").asText())
                .isEqualTo("data:image/webp;base64," + base64(TestFiles.webp()));

        sendOk("openrouter:chat", new ByteArrayInputStream(TestFiles.gif()));
        assertThat(sentUserContent().get(0).get("image_url").get("url").asText())
                .isEqualTo("data:image/gif;base64," + base64(TestFiles.gif()));
    }

    @Test
    void pdfBecomesAFilePartNamedAfterTheFile() throws Exception {
        byte[] pdf = TestFiles.pdf("Invoice 42");
        Path file = Files.write(dir.resolve("invoice-42.pdf"), pdf);

        sendOk("openrouter:chat?prompt=Summarise", file.toFile());

        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"text","text":"Summarise"},
                 {"type":"file","file":{"filename":"invoice-42.pdf","file_data":"data:application/pdf;base64,%s"}}]"""
                .formatted(base64(pdf))));
        assertThat(sentJson().has("plugins")).as("no engine set, no plugin").isFalse();
    }

    @Test
    void pdfFileNameComesFromTheHeaderThenCamelFileNameThenADefault() {
        byte[] pdf = TestFiles.pdf("x");
        sendOk("openrouter:chat", pdf, Map.of(OpenRouterConstants.FILE_NAME, "named.pdf", Exchange.FILE_NAME, "other.pdf"));
        assertThat(sentUserContent().get(0).get("file").get("filename").asText()).isEqualTo("named.pdf");

        sendOk("openrouter:chat", pdf, Map.of(Exchange.FILE_NAME, "sub/dir/scan.pdf"));
        assertThat(sentUserContent().get(0).get("file").get("filename").asText()).isEqualTo("scan.pdf");

        sendOk("openrouter:chat", pdf);
        assertThat(sentUserContent().get(0).get("file").get("filename").asText()).isEqualTo("document.pdf");
    }

    @Test
    void pdfEngineOptionAndHeaderSendTheFileParserPlugin() {
        byte[] pdf = TestFiles.pdf("x");
        sendOk("openrouter:chat?pdfEngine=cloudflare-ai", pdf);
        assertThat(sentJson().get("plugins")).isEqualTo(json("[{\"id\":\"file-parser\",\"pdf\":{\"engine\":\"cloudflare-ai\"}}]"));

        sendOk("openrouter:chat?pdfEngine=cloudflare-ai", pdf, Map.of(OpenRouterConstants.PDF_ENGINE, "mistral-ocr"));
        assertThat(sentJson().get("plugins")).isEqualTo(json("[{\"id\":\"file-parser\",\"pdf\":{\"engine\":\"mistral-ocr\"}}]"));
    }

    @Test
    void unknownPdfEngineIsRefusedWithTheValidOnes() {
        assertRefusedBeforeSending(send("openrouter:chat", TestFiles.pdf("x"), Map.of(OpenRouterConstants.PDF_ENGINE, "tesseract")),
                "'tesseract' is not a valid pdfEngine", "cloudflare-ai, mistral-ocr, native, pdf-text");
    }

    @Test
    void audioGoesAsRawBase64WithItsFormat() {
        byte[] wav = TestFiles.wav();
        sendOk("openrouter:chat", wav);
        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"input_audio","input_audio":{"data":"%s","format":"wav"}}]""".formatted(base64(wav))));

        byte[] mp3 = TestFiles.mp3();
        sendOk("openrouter:chat", mp3, Map.of(Exchange.FILE_NAME, "voice.mp3"));
        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"input_audio","input_audio":{"data":"%s","format":"mp3"}}]""".formatted(base64(mp3))));
    }

    @Test
    void videoGoesAsAVideoDataUrl() {
        byte[] mp4 = TestFiles.mp4();
        sendOk("openrouter:chat", mp4, Map.of(Exchange.FILE_NAME, "clip.mp4"));
        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"video_url","video_url":{"url":"data:video/mp4;base64,%s"}}]""".formatted(base64(mp4))));
    }

    @Test
    void textLikeFilesBecomeTextParts() throws Exception {
        Path csv = Files.writeString(dir.resolve("rows.csv"), "a,b\n1,2\n");
        sendOk("openrouter:chat", csv);
        assertThat(sentUserContent()).isEqualTo(json("[{\"type\":\"text\",\"text\":\"a,b\\n1,2\\n\"}]"));

        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        sendOk("openrouter:chat", latin1, Map.of(Exchange.CONTENT_TYPE, "text/plain; charset=ISO-8859-1"));
        assertThat(sentUserContent().get(0).get("text").asText()).isEqualTo("caf\u00e9");

        sendOk("openrouter:chat", "{\"k\":1}".getBytes(StandardCharsets.UTF_8), Map.of(Exchange.CONTENT_TYPE, "application/json"));
        assertThat(sentUserContent().get(0).get("text").asText()).isEqualTo("{\"k\":1}");
    }

    @Test
    void mediaTypeHeaderOverridesDetection() {
        byte[] png = TestFiles.png();
        sendOk("openrouter:chat", png, Map.of(OpenRouterConstants.MEDIA_TYPE, "image/jpeg"));
        assertThat(sentUserContent().get(0).get("image_url").get("url").asText()).startsWith("data:image/jpeg;base64,");
    }

    @Test
    void contentBeatsAMisleadingFileNameAndContentType() {
        byte[] pdf = TestFiles.pdf("x");
        sendOk("openrouter:chat", pdf, Map.of(Exchange.FILE_NAME, "looks-like.png", Exchange.CONTENT_TYPE, "image/png"));
        assertThat(sentUserContent().get(0).get("type").asText()).isEqualTo("file");
    }

    @Test
    void unsupportedTypeIsRefusedNamingTheDetectedAndSupportedTypes() {
        Exchange exchange = send("openrouter:chat", TestFiles.zip(), Map.of(Exchange.FILE_NAME, "archive.zip"));

        assertRefusedBeforeSending(exchange, "archive.zip", "application/zip", "cannot be sent",
                "supported are images (png, jpeg, webp, gif), PDF, audio");
    }

    @Test
    void textNamedAsAnImageIsRefusedAsMislabelled() {
        Exchange exchange = send("openrouter:chat", "just words".getBytes(StandardCharsets.UTF_8),
                Map.of(Exchange.FILE_NAME, "holiday.png"));

        assertRefusedBeforeSending(exchange, "holiday.png is declared as image/png but its content is plain text");
    }

    @Test
    void zeroByteFileIsRefused() throws Exception {
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);

        assertRefusedBeforeSending(send("openrouter:chat", empty), "empty.pdf is empty (0 bytes)");
    }

    @Test
    void fileAboveMaxFileSizeIsRefusedBeforeSending() throws Exception {
        Path big = Files.write(dir.resolve("big.png"), new byte[2048]);
        assertRefusedBeforeSending(send("openrouter:chat?maxFileSize=1024", big), "big.png is 2048 bytes",
                "above maxFileSize (1024 bytes)");

        assertRefusedBeforeSending(send("openrouter:chat?maxFileSize=1024", new ByteArrayInputStream(new byte[4096])),
                "above maxFileSize (1024 bytes)");
    }

    @Test
    void dataHandlerAndStreamCacheBodies() throws Exception {
        byte[] pdf = TestFiles.pdf("x");
        sendOk("openrouter:chat", new DataHandler(new InMemoryDataSource(pdf, "application/pdf", null)),
                Map.of(OpenRouterConstants.FILE_NAME, "from-handler.pdf"));
        assertThat(sentUserContent().get(0).get("file").get("file_data").asText())
                .isEqualTo("data:application/pdf;base64," + base64(pdf));

        File onDisk = Files.write(dir.resolve("disk.png"), TestFiles.png()).toFile();
        sendOk("openrouter:chat", new DataHandler(new FileDataSource(onDisk)));
        assertThat(sentUserContent().get(0).get("image_url").get("url").asText())
                .isEqualTo("data:image/png;base64," + base64(TestFiles.png()));

        sendOk("openrouter:chat", new InputStreamCache(TestFiles.png()));
        assertThat(sentUserContent().get(0).get("image_url").get("url").asText())
                .isEqualTo("data:image/png;base64," + base64(TestFiles.png()));
    }

    @Test
    void largeFileIsStreamedWithAnExactContentLength() throws Exception {
        byte[] pdf = TestFiles.pdf("big");
        byte[] padded = TestFiles.concat(pdf, new byte[3 * 1024 * 1024 + 1]);
        Path file = Files.write(dir.resolve("big.pdf"), padded);

        sendOk("openrouter:chat", file);

        assertThat(sentUserContent().get(0).get("file").get("file_data").asText())
                .isEqualTo("data:application/pdf;base64," + base64(padded));
        assertThat(simulator.lastRequest().header("Content-Length"))
                .isEqualTo(String.valueOf(simulator.lastRequest().bodyBytes()));
    }
}
