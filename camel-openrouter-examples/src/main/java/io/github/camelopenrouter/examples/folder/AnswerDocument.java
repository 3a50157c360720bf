package io.github.camelopenrouter.examples.folder;

import java.math.BigDecimal;

import io.github.camelopenrouter.OpenRouterConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns the model's answer into the Markdown written to the outbox: a YAML front matter saying which file was
 * answered, by which model, for how many tokens and what cost, then the answer itself.
 * <pre>
 * ---
 * source: "chart.png"
 * model: google/gemini-2.5-flash
 * prompt_tokens: 96
 * completion_tokens: 31
 * total_tokens: 127
 * cost: 0.0001063
 * ---
 *
 * The image shows ...
 * </pre>
 * A value the reply did not carry is left out. The cost is written in plain decimals (not {@code 1.063E-4}).
 */
public final class AnswerDocument implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String answer = message.getBody(String.class);
        StringBuilder document = new StringBuilder("---\n");
        field(document, "source", quoted(message.getHeader(Exchange.FILE_NAME_ONLY, String.class)));
        field(document, "model", message.getHeader(OpenRouterConstants.RESPONSE_MODEL, String.class));
        field(document, "prompt_tokens", message.getHeader(OpenRouterConstants.PROMPT_TOKENS));
        field(document, "completion_tokens", message.getHeader(OpenRouterConstants.COMPLETION_TOKENS));
        field(document, "total_tokens", message.getHeader(OpenRouterConstants.TOTAL_TOKENS));
        field(document, "cost", plain(message.getHeader(OpenRouterConstants.COST, Double.class)));
        document.append("---\n\n").append(answer == null ? "" : answer.strip()).append('\n');
        message.setBody(document.toString());
    }

    private static void field(StringBuilder document, String name, Object value) {
        if (value != null) {
            document.append(name).append(": ").append(value).append('\n');
        }
    }

    /** A double-quoted YAML scalar, so a file name with a colon or a hash cannot break the front matter. */
    private static String quoted(String text) {
        if (text == null) {
            return null;
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String plain(Double cost) {
        return cost == null ? null : BigDecimal.valueOf(cost).stripTrailingZeros().toPlainString();
    }
}
