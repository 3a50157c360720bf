package io.github.camelopenrouter.examples.folder;

import java.nio.file.Path;
import java.util.Objects;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterOutputException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Invoice PDFs dropped in {@code invoices} become one JSON file each in {@code extracted}
 * ({@code <invoice name>.json}), checked against the JSON Schema this example ships ({@value #SCHEMA}): the model is
 * asked for exactly that schema (structured output, with OpenRouter's response healing), and the component checks the
 * answer against it before the file is written.
 * <p>
 * An answer that does not match the schema (or any other failure) moves the PDF to {@code invoices/.failed}, with
 * {@code <name>.error.txt} saying why and, for a mismatching answer, {@code <name>.answer.txt} holding the answer as
 * the model wrote it. As in {@link FolderToOpenRouterRoute}, the PDF moves to {@code invoices/.done} only after its
 * JSON was written, and at most {@value FolderToOpenRouterRoute#MAX_REQUESTS_IN_FLIGHT} invoices are with the model at
 * a time.
 */
public class InvoiceExtractionRoute extends RouteBuilder {

    public static final String ROUTE_ID = "extract-invoices";
    /** The JSON Schema of the extracted fields, on the example's classpath. */
    public static final String SCHEMA = "classpath:schemas/invoice.schema.json";
    public static final String DEFAULT_MODEL = "openai/gpt-4o-mini";
    public static final String PROMPT = "Extract the fields of this invoice. Dates as YYYY-MM-DD, amounts as numbers"
                                        + " without currency signs, null for what the invoice does not say.";

    private final Path invoices;
    private final Path extracted;
    private final String model;
    private final String pdfEngine;

    public InvoiceExtractionRoute(Path invoices, Path extracted) {
        this(invoices, extracted, DEFAULT_MODEL, FolderToOpenRouterRoute.DEFAULT_PDF_ENGINE);
    }

    public InvoiceExtractionRoute(Path invoices, Path extracted, String model, String pdfEngine) {
        this.invoices = Objects.requireNonNull(invoices, "invoices").toAbsolutePath();
        this.extracted = Objects.requireNonNull(extracted, "extracted").toAbsolutePath();
        this.model = Objects.requireNonNull(model, "model");
        this.pdfEngine = Objects.requireNonNull(pdfEngine, "pdfEngine");
    }

    @Override
    public void configure() {
        String failed = fileUri(invoices.resolve(".failed"));
        // handled(false) keeps the exchange failed, so the file consumer moves the PDF to .failed
        onException(OpenRouterOutputException.class)
                .handled(false)
                .logExhausted(false)
                .log(LoggingLevel.WARN, InvoiceExtractionRoute.class.getName(),
                        "${file:name}: the answer does not match the schema, see .failed: ${exception.message}")
                .setBody(header(OpenRouterConstants.RAW_ANSWER))
                .to(failed + "?fileName=${file:name}.answer.txt")
                .setBody(simple("${exception.message}", String.class))
                .to(failed + "?fileName=${file:name}.error.txt");
        onException(Exception.class)
                .handled(false)
                .logExhausted(false)
                .log(LoggingLevel.WARN, InvoiceExtractionRoute.class.getName(),
                        "${file:name} failed and goes to .failed: ${exception.message}")
                .setBody(simple("${exception}", String.class))
                .to(failed + "?fileName=${file:name}.error.txt");

        from(fileUri(invoices) + "?antInclude=*.pdf&antFilterCaseSensitive=false&move=.done&moveFailed=.failed"
             + "&readLock=changed&readLockMinAge=1000&readLockCheckInterval=250")
                .routeId(ROUTE_ID)
                .throttle(FolderToOpenRouterRoute.MAX_REQUESTS_IN_FLIGHT).concurrentRequestsMode()
                .setHeader(OpenRouterConstants.PROMPT, constant(PROMPT))
                .to("openrouter:chat?model=" + model + "&pdfEngine=" + pdfEngine + "&jsonSchema=" + SCHEMA
                    + "&schemaName=invoice")
                // the body is the checked JSON text
                .log("${file:name} extracted by ${header." + OpenRouterConstants.RESPONSE_MODEL + "}: ${header."
                     + OpenRouterConstants.TOTAL_TOKENS + "} tokens, cost ${header." + OpenRouterConstants.COST + "}")
                .setHeader(Exchange.FILE_NAME, simple("${file:onlyname.noext}.json"))
                .to(fileUri(extracted));
    }

    private static String fileUri(Path directory) {
        return "file:" + directory.toString().replace('\\', '/');
    }
}
