package io.github.camelopenrouter.examples.ftp;

import io.github.camelopenrouter.OpenRouterConstants;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.FilterDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * Reads the scans dropped into an FTP folder with a model and writes each answer back to the FTP server, as
 * {@code <answers>/<file name>.md} ({@code invoice.pdf} gives {@code invoice.pdf.md}).
 *
 * <p>No file is lost when the model call fails: the original is moved to {@code <inbox>/.done} only once its answer
 * is stored. A failed file stays where it is and is tried again on the next poll, so an outage or an exhausted
 * credit balance heals by itself once OpenRouter answers again. Only file types the model can read are taken
 * (PDF and images); anything else stays untouched in the inbox.
 *
 * <p>A PDF is then asked the {@linkplain FtpSettings#followUps follow-up questions} in the same conversation, and the
 * answers are appended under their question. The PDF is uploaded once, to OpenRouter's Files API, by the first
 * question ({@code uploadFiles=true}): the follow-ups send neither its bytes nor its parse again, and the uploaded file
 * is deleted once the last answer is in.
 */
public class FtpAnswerRoute extends RouteBuilder {

    public static final String ROUTE_ID = "ftp-answers";

    /** Every chat call of the route: PDFs go to OpenRouter's Files API once and are referenced by id from then on. */
    static final String CHAT = "openrouter:chat?uploadFiles=true";

    /** The variable the answer file's text is built up in. */
    private static final String ANSWER = "answer";

    /** What the inbox listing takes: PDFs and the image types OpenRouter accepts, any letter case. */
    static final String READABLE_FILES = "(?i).*\\.(pdf|png|jpe?g|webp|gif)";

    private final FtpSettings settings;

    public FtpAnswerRoute(FtpSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        RouteDefinition route = from(folderUri(settings.inbox())
             + "&include=" + READABLE_FILES
             + "&move=.done"
             // a scanner still uploading: take the file only once its size stopped changing
             + "&readLock=changed&readLockCheckInterval=" + settings.uploadSettleTime().toMillis()
             + "&delay=" + settings.pollDelay().toMillis())
                .routeId(ROUTE_ID);
        // once a scan is done with, answered or failed, the file its first question uploaded is deleted rather than
        // left to pile up in the account (a scan taken again uploads afresh); a failed delete is logged and ignored
        route.onCompletion()
                .split(header(OpenRouterConstants.UPLOADED_FILE_IDS))
                    .setHeader(OpenRouterConstants.FILE_ID, body())
                    .doTry()
                        .to("openrouter:files?filesAction=delete")
                    .doCatch(Exception.class)
                        .log(LoggingLevel.WARN, "Could not delete the uploaded file ${body}: ${exception.message}")
                    .end()
                .end()
            .end();
        route.setHeader(OpenRouterConstants.MODEL, constant(settings.model()))
                .setHeader(OpenRouterConstants.PROMPT, constant(settings.prompt()))
                .setHeader(OpenRouterConstants.PDF_ENGINE, constant(settings.pdfEngine()))
                // one conversation per scan, so the follow-up questions are about this document; a scan taken again
                // after a failure is a new exchange and starts afresh
                .setHeader(OpenRouterConstants.CONVERSATION_ID, simple("${exchangeId}"))
                .to(CHAT)
                .log("Answered ${header.CamelFileName}: ${header.CamelOpenRouterTotalTokens} tokens")
                .process(exchange -> append(exchange, null))
                .removeHeader(OpenRouterConstants.PROMPT);
        if (!settings.followUps().isEmpty()) {
            // each follow-up sends only its question after the earlier turns, which carry the PDF's id and its parse
            // (annotations): no bytes, no new OCR. Images cannot be referenced by id on OpenRouter, so they would
            // travel again with every question: they get the first answer only
            FilterDefinition pdfs = route.filter(header(Exchange.FILE_NAME).regex("(?i).*\\.pdf"));
            for (String question : settings.followUps()) {
                pdfs.setBody(constant(question))
                        .to(CHAT)
                        .process(exchange -> append(exchange, question));
            }
            pdfs.end();
        }
        route.setBody(variable(ANSWER))
                .setHeader(Exchange.FILE_NAME, simple("${file:onlyname}.md"))
                // written under a temporary name, then renamed: a reader of the answers folder never sees half a file
                .to(folderUri(settings.answers()) + "&tempFileName=${file:onlyname}.part");
    }

    /** Adds the body (the model's answer) to the answer file's text, under its question for a follow-up. */
    private static void append(Exchange exchange, String question) {
        String text = exchange.getVariable(ANSWER, String.class);
        String answer = exchange.getMessage().getBody(String.class);
        exchange.setVariable(ANSWER, question == null ? answer : text + "\n\n## " + question + "\n\n" + answer);
    }

    private String folderUri(String folder) {
        return "ftp://" + settings.host() + ":" + settings.port() + "/" + folder
               + "?username=RAW(" + settings.username() + ")&password=RAW(" + settings.password() + ")"
               + "&passiveMode=true&binary=true";
    }
}
