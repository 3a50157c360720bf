package io.github.camelopenrouter;

import java.net.URI;
import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlMappingTest extends OpenRouterTestSupport {

    @Test
    void stringThatIsOneUrlIsSentByReferenceAsAnImage() {
        sendOk("openrouter:chat?prompt=What is this?", "https://example.com/pictures/cat.jpg");

        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"text","text":"What is this?"},
                 {"type":"image_url","image_url":{"url":"https://example.com/pictures/cat.jpg"}}]"""));
    }

    @Test
    void pdfUrlBecomesAFilePartAndVideoUrlAVideoPart() throws Exception {
        sendOk("openrouter:chat", new URL("https://example.com/docs/report.pdf"));
        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"file","file":{"filename":"report.pdf","file_data":"https://example.com/docs/report.pdf"}}]"""));

        sendOk("openrouter:chat", URI.create("https://cdn.example.com/v/clip.webm"));
        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"video_url","video_url":{"url":"https://cdn.example.com/v/clip.webm"}}]"""));
    }

    @Test
    void mediaTypeHeaderDecidesTheKindOfAUrl() {
        sendOk("openrouter:chat", URI.create("https://example.com/download?id=7"),
                Map.of(OpenRouterConstants.MEDIA_TYPE, "application/pdf"));
        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"file","file":{"filename":"download","file_data":"https://example.com/download?id=7"}}]"""));
    }

    @Test
    void textWithAUrlInsideIsJustText() {
        sendOk("openrouter:chat", "see https://example.com/a.png please");
        assertThat(sentUserContent().get(0).get("type").asText()).isEqualTo("text");
    }

    @Test
    void otherSchemesAreRefusedAndNothingIsRead() throws Exception {
        assertRefusedBeforeSending(send("openrouter:chat", new URL("file:///etc/passwd")),
                "URL scheme 'file' is not accepted", "only absolute http and https URLs");
        assertRefusedBeforeSending(send("openrouter:chat", URI.create("jar:file:/tmp/a.jar!/x.png")), "URL scheme 'jar'");
        assertRefusedBeforeSending(send("openrouter:chat", URI.create("ftp://example.com/scan.pdf")), "URL scheme 'ftp'");
    }

    @Test
    void malformedUrlsAreRefused() {
        assertRefusedBeforeSending(send("openrouter:chat", "https://exa[mple.com/a.png"), "looks like a URL but is malformed");
        assertRefusedBeforeSending(send("openrouter:chat", URI.create("https:///nohost.png")), "has no host");
    }

    @Test
    void audioUrlIsRefusedBecauseOpenRouterTakesAudioOnlyAsData() {
        assertRefusedBeforeSending(send("openrouter:chat", URI.create("https://example.com/voice.mp3")),
                "cannot take by reference", "download it first");
    }
}
