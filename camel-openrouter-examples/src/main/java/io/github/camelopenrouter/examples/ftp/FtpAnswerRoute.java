package io.github.camelopenrouter.examples.ftp;

import io.github.camelopenrouter.OpenRouterConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Reads the scans dropped into an FTP folder with a model and writes each answer back to the FTP server, as
 * {@code <answers>/<file name>.md} ({@code invoice.pdf} gives {@code invoice.pdf.md}).
 *
 * <p>No file is lost when the model call fails: the original is moved to {@code <inbox>/.done} only once its answer
 * is stored. A failed file stays where it is and is tried again on the next poll, so an outage or an exhausted
 * credit balance heals by itself once OpenRouter answers again. Only file types the model can read are taken
 * (PDF and images); anything else stays untouched in the inbox.
 */
public class FtpAnswerRoute extends RouteBuilder {

    public static final String ROUTE_ID = "ftp-answers";

    /** What the inbox listing takes: PDFs and the image types OpenRouter accepts, any letter case. */
    static final String READABLE_FILES = "(?i).*\\.(pdf|png|jpe?g|webp|gif)";

    private final FtpSettings settings;

    public FtpAnswerRoute(FtpSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        from(folderUri(settings.inbox())
             + "&include=" + READABLE_FILES
             + "&move=.done"
             // a scanner still uploading: take the file only once its size stopped changing
             + "&readLock=changed&readLockCheckInterval=" + settings.uploadSettleTime().toMillis()
             + "&delay=" + settings.pollDelay().toMillis())
                .routeId(ROUTE_ID)
                .setHeader(OpenRouterConstants.MODEL, constant(settings.model()))
                .setHeader(OpenRouterConstants.PROMPT, constant(settings.prompt()))
                .setHeader(OpenRouterConstants.PDF_ENGINE, constant(settings.pdfEngine()))
                .to("openrouter:chat")
                .log("Answered ${header.CamelFileName}: ${header.CamelOpenRouterTotalTokens} tokens")
                .setHeader(Exchange.FILE_NAME, simple("${file:onlyname}.md"))
                // written under a temporary name, then renamed: a reader of the answers folder never sees half a file
                .to(folderUri(settings.answers()) + "&tempFileName=${file:onlyname}.part");
    }

    private String folderUri(String folder) {
        return "ftp://" + settings.host() + ":" + settings.port() + "/" + folder
               + "?username=RAW(" + settings.username() + ")&password=RAW(" + settings.password() + ")"
               + "&passiveMode=true&binary=true";
    }
}
