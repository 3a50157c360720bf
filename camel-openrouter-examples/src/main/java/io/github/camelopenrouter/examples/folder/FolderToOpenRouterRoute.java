package io.github.camelopenrouter.examples.folder;

import java.nio.file.Path;
import java.util.Objects;

import io.github.camelopenrouter.OpenRouterConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Images and PDFs dropped in {@code inbox} are described or summarised by a model; each answer is written to
 * {@code outbox/<file name>.md} with a small front matter (model, tokens, cost).
 * <p>
 * Nothing is lost when the model call fails: the file component moves the original to {@code inbox/.done} only after
 * the answer was written, and to {@code inbox/.failed} when anything failed (the reason is written next to it as
 * {@code <file name>.error.txt}). A file is taken once it has not changed for a second, so one still being copied in is
 * not sent half-written; at most {@value #MAX_REQUESTS_IN_FLIGHT} files are with the model at a time. There are no
 * redeliveries: a failed file waits in {@code .failed} until someone moves it back into the inbox.
 * <p>
 * The API key and base URL are the component's ({@code camel.component.openrouter.api-key}, or the environment
 * variable {@code OPENROUTER_API_KEY}).
 */
public class FolderToOpenRouterRoute extends RouteBuilder {

    public static final String ROUTE_ID = "folder-to-openrouter";
    public static final String DEFAULT_MODEL = "google/gemini-2.5-flash";
    /** Free, and reads the text layer of ordinary PDFs; use mistral-ocr for scans. */
    public static final String DEFAULT_PDF_ENGINE = "cloudflare-ai";
    /** Files sent to OpenRouter at the same time; the inbox waits while this many are in flight. */
    public static final int MAX_REQUESTS_IN_FLIGHT = 4;
    public static final String IMAGE_PROMPT = "Describe this image in two or three sentences.";
    public static final String DOCUMENT_PROMPT = "Summarise this document in three short bullet points.";

    private final Path inbox;
    private final Path outbox;
    private final String model;
    private final String pdfEngine;

    public FolderToOpenRouterRoute(Path inbox, Path outbox) {
        this(inbox, outbox, DEFAULT_MODEL, DEFAULT_PDF_ENGINE);
    }

    public FolderToOpenRouterRoute(Path inbox, Path outbox, String model, String pdfEngine) {
        this.inbox = Objects.requireNonNull(inbox, "inbox").toAbsolutePath();
        this.outbox = Objects.requireNonNull(outbox, "outbox").toAbsolutePath();
        this.model = Objects.requireNonNull(model, "model");
        this.pdfEngine = Objects.requireNonNull(pdfEngine, "pdfEngine");
    }

    @Override
    public void configure() {
        // handled(false): the exchange stays failed, which is what makes the file consumer apply moveFailed;
        // a handled exception would count as success and move the original to .done
        onException(Exception.class)
                .handled(false)
                .logExhausted(false)
                .log(LoggingLevel.WARN, FolderToOpenRouterRoute.class.getName(),
                        "${file:name} failed and goes to .failed: ${exception.message}")
                .setBody(simple("${exception}", String.class))
                .to(fileUri(inbox.resolve(".failed")) + "?fileName=${file:name}.error.txt");

        from(fileUri(inbox) + "?move=.done&moveFailed=.failed"
             + "&readLock=changed&readLockMinAge=1000&readLockCheckInterval=250")
                .routeId(ROUTE_ID)
                // the call is asynchronous, so without a limit every file of a poll would be in flight at once
                .throttle(MAX_REQUESTS_IN_FLIGHT).concurrentRequestsMode()
                .choice()
                    .when(simple("${file:ext} =~ 'pdf'"))
                        .setHeader(OpenRouterConstants.PROMPT, constant(DOCUMENT_PROMPT))
                    .otherwise()
                        .setHeader(OpenRouterConstants.PROMPT, constant(IMAGE_PROMPT))
                .end()
                .to("openrouter:chat?model=" + model + "&pdfEngine=" + pdfEngine)
                .log("${file:name} answered by ${header." + OpenRouterConstants.RESPONSE_MODEL + "}: ${header."
                     + OpenRouterConstants.TOTAL_TOKENS + "} tokens, cost ${header." + OpenRouterConstants.COST + "}")
                .process(new AnswerDocument())
                .setHeader("CamelFileName", simple("${file:name}.md"))
                .to(fileUri(outbox));
    }

    private static String fileUri(Path directory) {
        // forward slashes keep the URI valid on Windows too
        return "file:" + directory.toString().replace('\\', '/');
    }
}
