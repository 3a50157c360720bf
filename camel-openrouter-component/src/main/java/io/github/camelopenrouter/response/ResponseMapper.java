package io.github.camelopenrouter.response;

import java.util.List;
import java.util.Map;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.request.OutputSettings;
import io.github.camelopenrouter.request.PreparedRequest;
import io.github.camelopenrouter.wire.ChatResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reply in, exchange out: the assistant's text as the body (for JSON output: checked, and unmarshalled into the
 * outputClass when set), usage and cost as headers, the whole reply as a property.
 */
public final class ResponseMapper {

    private ResponseMapper() {
    }

    public static void apply(ChatResponse reply, PreparedRequest request, Exchange exchange) {
        Message out = exchange.getMessage();
        ChatResponse.Choice choice = reply.firstChoice();
        ChatResponse.ResponseMessage message = choice == null ? null : choice.message();
        String text = message == null || message.content() == null ? "" : message.content();
        out.setBody(text);

        setIfPresent(out, OpenRouterConstants.RESPONSE_ID, reply.id());
        setIfPresent(out, OpenRouterConstants.RESPONSE_MODEL, reply.model());
        setIfPresent(out, OpenRouterConstants.PROVIDER, reply.provider());
        setIfPresent(out, OpenRouterConstants.FINISH_REASON, choice == null ? null : choice.finishReason());
        setIfPresent(out, OpenRouterConstants.NATIVE_FINISH_REASON, choice == null ? null : choice.nativeFinishReason());
        setIfPresent(out, OpenRouterConstants.GENERATION_ID, reply.generationId());
        ChatResponse.Usage usage = reply.usage();
        if (usage != null) {
            setIfPresent(out, OpenRouterConstants.PROMPT_TOKENS, usage.promptTokens());
            setIfPresent(out, OpenRouterConstants.COMPLETION_TOKENS, usage.completionTokens());
            setIfPresent(out, OpenRouterConstants.TOTAL_TOKENS, usage.totalTokens());
            setIfPresent(out, OpenRouterConstants.COST, usage.cost());
            setIfPresent(out, OpenRouterConstants.COST_DETAILS, usage.costDetails());
            setIfPresent(out, OpenRouterConstants.BYOK, usage.byok());
            if (usage.completionTokensDetails() != null) {
                setIfPresent(out, OpenRouterConstants.REASONING_TOKENS, usage.completionTokensDetails().reasoningTokens());
            }
            if (usage.promptTokensDetails() != null) {
                setIfPresent(out, OpenRouterConstants.CACHED_TOKENS, usage.promptTokensDetails().cachedTokens());
                setIfPresent(out, OpenRouterConstants.CACHE_WRITE_TOKENS, usage.promptTokensDetails().cacheWriteTokens());
            }
        }
        if (message != null && message.reasoning() != null && !message.reasoning().isEmpty()) {
            out.setHeader(OpenRouterConstants.REASONING, message.reasoning());
        }
        if (message != null && message.hasAnnotations()) {
            out.setHeader(OpenRouterConstants.ANNOTATIONS, message.annotations());
            List<Map<String, String>> citations = Citations.of(message.annotations());
            if (!citations.isEmpty()) {
                out.setHeader(OpenRouterConstants.CITATIONS, citations);
            }
        }
        if (!request.skippedAttachments().isEmpty()) {
            out.setHeader(OpenRouterConstants.SKIPPED_ATTACHMENTS, request.skippedAttachments());
        }
        exchange.setProperty(OpenRouterConstants.RESPONSE, reply);
        OutputSettings output = request.output();
        if (output != null && output.jsonRequested()) {
            // set first: a route handling OpenRouterOutputException finds the answer here too, with usage and cost
            out.setHeader(OpenRouterConstants.RAW_ANSWER, text);
            out.setBody(StructuredAnswer.read(text, output));
        }
    }

    private static void setIfPresent(Message out, String header, Object value) {
        if (value != null) {
            out.setHeader(header, value);
        }
    }
}
