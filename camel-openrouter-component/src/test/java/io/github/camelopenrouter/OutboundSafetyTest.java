package io.github.camelopenrouter;

import java.util.Map;

import io.github.camelopenrouter.conversation.InMemoryConversationStore;
import jakarta.activation.DataHandler;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.DefaultAttachment;
import org.apache.camel.attachment.DefaultAttachmentMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes out to a third party, and what a sender controls in our logs: internal URLs and URLs with tokens in a
 * body, attachment names that would forge log lines, conversations that grow without end.
 */
class OutboundSafetyTest extends OpenRouterTestSupport {

    private static final String TOKEN = "Zq7SECRETsig0123456789";
    private static final String LEAKY_BODY = "Please summarise http://169.254.169.254/latest/meta-data/iam/security-credentials/"
                                             + " and https://files.example.com/report.pdf?X-Amz-Expires=60&X-Amz-Signature="
                                             + TOKEN + " and the admin page http://localhost:8080/admin";

    @Test
    void internalUrlsAndUrlsWithTokensInTheBodyAreSentWithAWarningThatDoesNotRepeatThem() {
        String logs;
        try (LogCapture capture = LogCapture.everything()) {
            sendOk("openrouter:chat", LEAKY_BODY);
            logs = capture.text();
        }

        assertThat(simulator.requestCount()).isEqualTo(1);
        assertThat(logs).contains("WARN", "The message body holds a URL to the internal address 169.254.169.254;"
                                          + " a URL with a credential in its query parameter X-Amz-Signature (host"
                                          + " files.example.com); a URL to the internal address localhost. It is sent to"
                                          + " OpenRouter and the model's provider, which are third parties (internalUrls=warn",
                "Set internalUrls=refuse").doesNotContain(TOKEN);
    }

    @Test
    void internalUrlsRefuseRefusesThemBeforeSending() {
        Exchange exchange = send("openrouter:chat?internalUrls=refuse", LEAKY_BODY);

        assertRefusedBeforeSending(exchange, "The message body holds a URL to the internal address 169.254.169.254",
                "refused because openrouter://chat has internalUrls=refuse");
        assertThat(exchange.getException().getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void aUrlBodyToAPrivateAddressIsCheckedTooAndPublicLinksPassQuietly() {
        assertRefusedBeforeSending(send("openrouter:chat?internalUrls=refuse", "http://10.1.2.3/scans/page-1.png"),
                "a URL to the internal address 10.1.2.3");
        assertRefusedBeforeSending(send("openrouter:chat?internalUrls=refuse", "Debug page: http://[::1]:9000/debug, see"),
                "a URL to the internal address [::1]");
        String logs;
        try (LogCapture capture = LogCapture.everything()) {
            sendOk("openrouter:chat?internalUrls=refuse", "What is on https://en.wikipedia.org/wiki/Harbour?lang=en");
            sendOk("openrouter:chat?internalUrls=allow", LEAKY_BODY);
            logs = capture.text();
        }
        assertThat(logs).doesNotContain("The message body holds");
        assertThat(simulator.requestCount()).isEqualTo(2);
    }

    @Test
    void anAttachmentNameWithALineBreakCannotForgeALogLine() {
        String forged = "invoice.zip\nERROR io.github.camelopenrouter - payment of 10000 EUR approved\u202Egpj.exe";
        String logs;
        Exchange exchange;
        try (LogCapture capture = LogCapture.everything()) {
            exchange = template.send("openrouter:chat", e -> {
                AttachmentMessage mail = new DefaultAttachmentMessage(e.getMessage());
                mail.setBody("Hi, see attached.");
                mail.addAttachmentObject(forged, new DefaultAttachment(
                        new DataHandler(new InMemoryDataSource(TestFiles.zip(), "application/zip", forged))));
                e.setMessage(mail);
            });
            logs = capture.text();
        }

        assertThat(exchange.getException()).isNull();
        assertThat(logs).contains("Attachment invoice.zip\\nERROR io.github.camelopenrouter - payment of 10000 EUR"
                                  + " approved\\u202Egpj.exe is not sent")
                .doesNotContain("\nERROR io.github.camelopenrouter - payment").doesNotContain("\u202E");
    }

    @Test
    void conversationMaxTurnsSendsOnlyTheNewestTurns() {
        String uri = "openrouter:chat?conversationMaxTurns=2";
        Map<String, Object> id = Map.of(OpenRouterConstants.CONVERSATION_ID, "long-chat");
        for (int turn = 1; turn <= 4; turn++) {
            sendOk(uri, "Question " + turn, id);
        }

        // turns 2 and 3 (a user and an assistant message each), then the new question: turn 1 was dropped
        assertThat(sentJson().get("messages")).hasSize(5);
        assertThat(sentJson().get("messages").get(0).get("content").toString()).contains("Question 2");
        assertThat(sentJson().get("messages").get(4).get("content").toString()).contains("Question 4");
        OpenRouterEndpoint endpoint = context.getEndpoint(uri, OpenRouterEndpoint.class);
        assertThat(((InMemoryConversationStore) endpoint.getConversationStore()).load("long-chat")).as("turns kept")
                .hasSize(2);
    }
}
