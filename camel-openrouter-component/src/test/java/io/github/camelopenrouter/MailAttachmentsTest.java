package io.github.camelopenrouter;

import java.util.List;

import jakarta.activation.DataHandler;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.DefaultAttachment;
import org.apache.camel.attachment.DefaultAttachmentMessage;
import org.junit.jupiter.api.Test;

import static io.github.camelopenrouter.TestFiles.base64;
import static org.assertj.core.api.Assertions.assertThat;

/** A message with attachments, as camel-mail delivers it. (The IMAP round trip is tested in the examples.) */
class MailAttachmentsTest extends OpenRouterTestSupport {

    private Exchange sendMail(String uri, String text, Object... nameTypeBytes) {
        return template.send(uri, exchange -> {
            AttachmentMessage mail = new DefaultAttachmentMessage(exchange.getMessage());
            mail.setBody(text);
            for (int i = 0; i < nameTypeBytes.length; i += 3) {
                String name = (String) nameTypeBytes[i];
                DataHandler handler = nameTypeBytes[i + 2] == null ? null : new DataHandler(
                        new InMemoryDataSource((byte[]) nameTypeBytes[i + 2], (String) nameTypeBytes[i + 1], name));
                mail.addAttachmentObject(name, new DefaultAttachment(handler));
            }
            exchange.setMessage(mail);
        });
    }

    @Test
    void mailTextAndEverySupportedAttachmentGoInOneRequest() {
        byte[] pdf = TestFiles.pdf("Invoice");
        byte[] png = TestFiles.png();

        Exchange exchange = sendMail("openrouter:chat?prompt=Summarise the attached invoice", "Hi, invoice attached.",
                "invoice.pdf", "application/pdf", pdf,
                "logo.png", "image/png", png,
                "archive.zip", "application/zip", TestFiles.zip());

        assertThat(exchange.getException()).isNull();
        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"text","text":"Summarise the attached invoice"},
                 {"type":"text","text":"Hi, invoice attached."},
                 {"type":"file","file":{"filename":"invoice.pdf","file_data":"data:application/pdf;base64,%s"}},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}}]""".formatted(base64(pdf), base64(png))));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.SKIPPED_ATTACHMENTS))
                .isEqualTo(List.of("archive.zip (application/zip)"));
        assertThat(exchange.getMessage().getBody(String.class))
                .startsWith("Received 2 text parts, 1 image, 1 file, 0 audio, 0 video. Files: invoice.pdf.");
    }

    @Test
    void onlyUnsupportedAttachmentsAndNoTextIsRefused() {
        Exchange exchange = sendMail("openrouter:chat?prompt=Summarise", "",
                "archive.zip", "application/zip", TestFiles.zip(),
                "empty.txt", "text/plain", null);

        assertRefusedBeforeSending(exchange, "no text and none of its attachments can be sent",
                "archive.zip (application/zip)", "empty.txt (no content)");
    }

    @Test
    void unsupportedAttachmentsAreSkippedWhenTheMailHasText() {
        Exchange exchange = sendMail("openrouter:chat", "Please read", "setup.exe", "application/octet-stream",
                new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0 });

        assertThat(exchange.getException()).isNull();
        assertThat(sentUserContent()).isEqualTo(json("[{\"type\":\"text\",\"text\":\"Please read\"}]"));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.SKIPPED_ATTACHMENTS, List.class)).hasSize(1);
    }
}
