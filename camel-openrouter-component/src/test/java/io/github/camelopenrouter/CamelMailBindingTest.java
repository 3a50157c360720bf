package io.github.camelopenrouter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.Attachment;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.component.mail.MailEndpoint;
import org.junit.jupiter.api.Test;

import static io.github.camelopenrouter.TestFiles.base64;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail as camel-mail's own consumer presents it: a multipart body, and the attachments kept as a message trait of
 * its MailMessage rather than on an AttachmentMessage. The IMAP round trip runs in the examples.
 */
class CamelMailBindingTest extends OpenRouterTestSupport {

    private Exchange mailExchange(String text, Object... nameTypeBytes) throws Exception {
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()));
        mime.setFrom(new InternetAddress("alice@example.com"));
        mime.setSubject("Invoice");
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        multipart.addBodyPart(textPart);
        for (int i = 0; i < nameTypeBytes.length; i += 3) {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource((byte[]) nameTypeBytes[i + 2],
                    (String) nameTypeBytes[i + 1])));
            attachment.setFileName((String) nameTypeBytes[i]);
            multipart.addBodyPart(attachment);
        }
        mime.setContent(multipart);
        mime.saveChanges();
        // what camel-mail's MailConsumer does with each polled mail (mapMailMessage=true)
        MailEndpoint imap = context.getEndpoint("imap://localhost?username=u&password=p", MailEndpoint.class);
        Exchange exchange = imap.createExchange(mime);
        exchange.getIn().getBody();
        exchange.getIn().getHeaders();
        Map<String, Attachment> attachments = new HashMap<>();
        imap.getBinding().extractAttachmentsFromMail(mime, attachments);
        if (!attachments.isEmpty()) {
            exchange.getIn(AttachmentMessage.class).setAttachmentObjects(attachments);
        }
        return exchange;
    }

    @Test
    void attachmentsKeptAsAMessageTraitAreSentWithTheMailText() throws Exception {
        byte[] pdf = TestFiles.pdf("Invoice 9");
        byte[] png = TestFiles.png();
        Exchange exchange = template.send("openrouter:chat?prompt=Summarise the attached invoice",
                mailExchange("Hi, invoice attached.", "invoice.pdf", "application/pdf", pdf, "logo.png", "image/png", png,
                        "archive.zip", "application/zip", TestFiles.zip()));

        assertThat(exchange.getException()).isNull();
        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"text","text":"Summarise the attached invoice"},
                 {"type":"text","text":"Hi, invoice attached."},
                 {"type":"file","file":{"filename":"invoice.pdf","file_data":"data:application/pdf;base64,%s"}},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}}]""".formatted(base64(pdf), base64(png))));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.SKIPPED_ATTACHMENTS))
                .isEqualTo(List.of("archive.zip (application/zip)"));
    }

    @Test
    void aMultipartMailWithoutAttachmentsIsItsText() throws Exception {
        Exchange exchange = template.send("openrouter:chat", mailExchange("Just a question about Camel."));

        assertThat(exchange.getException()).isNull();
        assertThat(sentUserContent()).isEqualTo(json("[{\"type\":\"text\",\"text\":\"Just a question about Camel.\"}]"));
    }
}
