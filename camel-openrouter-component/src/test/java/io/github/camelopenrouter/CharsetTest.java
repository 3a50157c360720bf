package io.github.camelopenrouter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Text files are decoded with Camel's charset of the exchange (file:/ftp: charset=), unless their Content-Type names one. */
class CharsetTest extends OpenRouterTestSupport {

    private static final String TEXT = "Café crème, 12 €uro? No: 12 francs.";

    @TempDir
    static Path dir;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir.resolve("latin1") + "?charset=ISO-8859-15&noop=true")
                        .to("openrouter:chat?model=a/b");
            }
        };
    }

    @Test
    void aTextFileReadWithTheFileComponentsCharsetArrivesAsThatText() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).whenCompleted(1).create();
        Files.createDirectories(dir.resolve("latin1"));
        Files.write(dir.resolve("latin1").resolve("notes.txt"), TEXT.getBytes("ISO-8859-15"));

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sentUserContent()).isEqualTo(json("[{\"type\":\"text\",\"text\":" + JSON.writeValueAsString(TEXT) + "}]"));
    }

    @Test
    void theContentTypesCharsetWinsOverTheExchangeCharsetAndUtf8IsTheDefault() throws Exception {
        Exchange declared = template.send("openrouter:chat?model=a/b", e -> {
            e.getMessage().setBody(TEXT.getBytes(StandardCharsets.UTF_16LE));
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-16LE");
            e.getMessage().setHeader(OpenRouterConstants.MEDIA_TYPE, "text/plain");
            e.setProperty(Exchange.CHARSET_NAME, "ISO-8859-1");
        });
        assertThat(declared.getException()).isNull();
        assertThat(sentUserContent().get(0).get("text").asText()).isEqualTo(TEXT);

        sendOk("openrouter:chat?model=a/b", TEXT.getBytes(StandardCharsets.UTF_8),
                Map.of(Exchange.FILE_NAME, "notes.txt"));
        assertThat(sentUserContent().get(0).get("text").asText()).isEqualTo(TEXT);
    }

    @Test
    void anUnknownExchangeCharsetIsRefusedBeforeSending() {
        Exchange exchange = template.send("openrouter:chat?model=a/b", e -> {
            e.getMessage().setBody(TEXT.getBytes(StandardCharsets.UTF_8));
            e.setProperty(Exchange.CHARSET_NAME, "no-such-charset");
        });
        assertRefusedBeforeSending(exchange, "'no-such-charset'", Exchange.CHARSET_NAME);
    }
}
