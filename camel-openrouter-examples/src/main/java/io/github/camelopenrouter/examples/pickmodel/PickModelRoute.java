package io.github.camelopenrouter.examples.pickmodel;

import io.github.camelopenrouter.OpenRouterConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Answers each PDF dropped into the inbox with the cheapest model that accepts files, chosen per file from OpenRouter's
 * model list: {@code openrouter:models?inputModalities=file} (OpenRouter's own filter), the lowest prompt price
 * ({@link CheapestModel}), then {@code openrouter:chat} with that model. The answer goes to
 * {@code <outbox>/<file name>.md}, headed by the model that answered.
 *
 * <p>The list is fetched once per {@code modelsCacheTtl} (an hour by default) for the whole component, not per file,
 * and received into a variable, so the PDF stays the body on its way to the chat call.
 */
public class PickModelRoute extends RouteBuilder {

    public static final String ROUTE_ID = "pick-model-for-attachment";

    private final String inbox;
    private final String outbox;
    private final String prompt;

    public PickModelRoute(String inbox, String outbox, String prompt) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.prompt = prompt;
    }

    @Override
    public void configure() {
        from("file:" + inbox + "?include=(?i).*\\.pdf&move=.done&moveFailed=.failed&readLock=changed&readLockMinAge=500")
                .routeId(ROUTE_ID)
                .toV("openrouter:models?inputModalities=file", null, "models")
                .setHeader(OpenRouterConstants.MODEL, method(CheapestModel.class, "id(${variable.models})"))
                .setHeader(OpenRouterConstants.PROMPT, constant(prompt))
                .to("openrouter:chat?pdfEngine=cloudflare-ai")
                .setBody(simple("model: ${header.CamelOpenRouterResponseModel}\n\n${body}"))
                .setHeader(Exchange.FILE_NAME, simple("${file:name}.md"))
                .to("file:" + outbox);
    }
}
