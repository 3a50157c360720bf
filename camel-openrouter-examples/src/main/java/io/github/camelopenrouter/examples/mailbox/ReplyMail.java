package io.github.camelopenrouter.examples.mailbox;

import java.util.List;

import io.github.camelopenrouter.OpenRouterConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultMessage;

/**
 * Turns the model's answer into a reply to the mail it answers. The reply is a new plain-text message: none of the
 * original's headers (Content-Type, Received, ...) or attachments may leak into it, so nothing is copied but what a
 * reply needs: To (the sender), Subject "Re: ...", In-Reply-To and References for threading.
 */
public final class ReplyMail implements Processor {

    /** Starts the line that names attachments the model did not get because their type is not supported. */
    public static final String NOT_READ = "Not read (unsupported type): ";

    private final String from;

    public ReplyMail(String from) {
        this.from = from;
    }

    @Override
    public void process(Exchange exchange) {
        Message mail = exchange.getMessage();
        String answer = mail.getBody(String.class);
        List<?> skipped = mail.getHeader(OpenRouterConstants.SKIPPED_ATTACHMENTS, List.class);
        String replyTo = first(mail, "Reply-To");
        String sender = replyTo != null ? replyTo : first(mail, "From");
        String messageId = first(mail, "Message-ID");
        String references = first(mail, "References");

        Message reply = new DefaultMessage(exchange);
        reply.setHeader("To", sender);
        reply.setHeader("From", from);
        reply.setHeader("Subject", replySubject(first(mail, "Subject")));
        if (messageId != null) {
            reply.setHeader("In-Reply-To", messageId);
            reply.setHeader("References", references == null ? messageId : references + " " + messageId);
        }
        reply.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
        // used only when answers are stored as files; camel-mail never sends Camel* headers
        reply.setHeader(Exchange.FILE_NAME, fileName(messageId, exchange.getExchangeId()));
        reply.setBody(skipped == null || skipped.isEmpty() ? answer
                : answer + "\n\n" + NOT_READ + String.join(", ", skipped.stream().map(String::valueOf).toList()));
        exchange.setMessage(reply);
    }

    static String replySubject(String subject) {
        if (subject == null || subject.isBlank()) {
            return "Re: your mail";
        }
        return subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
    }

    /** {@code <abc.123@host>} becomes {@code abc.123@host.txt}: one file per answered mail, safe on any file system. */
    static String fileName(String messageId, String fallback) {
        String id = messageId == null ? fallback : messageId.replaceAll("^<|>$", "");
        return id.replaceAll("[^A-Za-z0-9._@-]", "_") + ".txt";
    }

    /** A mail header may repeat; camel-mail then maps it to a list. */
    private static String first(Message mail, String header) {
        Object value = mail.getHeader(header);
        if (value instanceof List<?> values) {
            value = values.isEmpty() ? null : values.get(0);
        }
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
