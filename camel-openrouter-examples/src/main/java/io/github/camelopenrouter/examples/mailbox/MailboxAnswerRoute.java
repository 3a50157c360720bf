package io.github.camelopenrouter.examples.mailbox;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import org.apache.camel.builder.RouteBuilder;

/**
 * Answers the mails of a mailbox with a model: each unseen mail goes to OpenRouter in one request (its text and every
 * PDF and image attachment), and the answer goes back to the sender as a reply, or into a folder.
 *
 * <p>No mail is lost when the model call fails: camel-mail opens mails with {@code peek=true}, so reading one does not
 * mark it seen, and it sets the SEEN flag only when the exchange completed. A failed exchange leaves the mail unseen,
 * and the next poll ({@code unseen=true}) picks it up again. Mails are never deleted ({@code delete=false}).
 */
public class MailboxAnswerRoute extends RouteBuilder {

    public static final String ROUTE_ID = "mailbox-answers";

    private final MailboxSettings settings;

    public MailboxAnswerRoute(MailboxSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        // a mail the model can never get (no text and no readable attachment) would fail on every poll: tell the
        // sender why instead, which also marks it seen
        onException(OpenRouterInputException.class)
                .handled(true)
                .setBody(simple("Your mail could not be passed to the model: ${exception.message}"))
                .process(new ReplyMail(settings.replyFrom()))
                .to(answerUri());

        from(mailboxUri())
                .routeId(ROUTE_ID)
                // mail headers become message headers: a sender must not pick the model, prompt or conversation
                .removeHeaders("CamelOpenRouter*")
                .setHeader(OpenRouterConstants.MODEL, constant(settings.model()))
                .setHeader(OpenRouterConstants.PROMPT, constant(settings.prompt()))
                .to("openrouter:chat")
                .log("Answered mail ${header.Message-ID} from ${header.From}: ${header.CamelOpenRouterTotalTokens} tokens")
                .process(new ReplyMail(settings.replyFrom()))
                .to(answerUri());
    }

    String mailboxUri() {
        return settings.imapProtocol() + "://" + settings.imapHost() + ":" + settings.imapPort()
               + "?username=RAW(" + settings.username() + ")&password=RAW(" + settings.password() + ")"
               + "&folderName=" + settings.folder()
               + "&unseen=true&peek=true&delete=false"
               + "&mimeDecodeHeaders=true"
               + "&delay=" + settings.pollDelay().toMillis();
    }

    String answerUri() {
        if (settings.answersFolder() != null) {
            return "file:" + settings.answersFolder().toAbsolutePath();
        }
        return settings.smtpProtocol() + "://" + settings.smtpHost() + ":" + settings.smtpPort()
               + "?username=RAW(" + settings.username() + ")&password=RAW(" + settings.password() + ")";
    }
}
