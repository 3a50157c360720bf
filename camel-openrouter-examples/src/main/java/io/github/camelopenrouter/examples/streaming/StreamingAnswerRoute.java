package io.github.camelopenrouter.examples.streaming;

import org.apache.camel.builder.RouteBuilder;

/**
 * Questions in, answers streamed back word by word: {@code direct:ask} carries a question to the model with
 * {@code streamTo=direct:delta}, each delta goes to the asking client as soon as it arrives, and when the answer is
 * complete the whole of it is logged with its cost and sent as the last event. The HTTP side is {@link SseServer}.
 */
public class StreamingAnswerRoute extends RouteBuilder {

    private final String model;

    public StreamingAnswerRoute(String model) {
        this.model = model;
    }

    @Override
    public void configure() {
        from("direct:ask").routeId("ask")
                // the question comes from outside: it must not pick the model, the prompt or where the deltas go
                .removeHeaders("CamelOpenRouter*")
                .doTry()
                    .toF("openrouter:chat?model=%s&streamTo=direct:delta", model)
                    .log("Answered in full: ${body} (${header.CamelOpenRouterCost} USD,"
                         + " ${header.CamelOpenRouterTotalTokens} tokens, first words after"
                         + " ${header.CamelOpenRouterTimeToFirstToken} ms)")
                .doCatch(Exception.class)
                    .log("The answer failed: ${exception.message}")
                .doFinally()
                    .bean("sseAnswers", "finish")
                .end();

        from("direct:delta").routeId("delta")
                .bean("sseAnswers", "delta");
    }
}
