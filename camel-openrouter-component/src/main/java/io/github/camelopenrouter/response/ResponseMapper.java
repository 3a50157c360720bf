package io.github.camelopenrouter.response;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.request.PreparedRequest;
import io.github.camelopenrouter.wire.ChatResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Reply in, exchange out: the assistant's text as the body, usage and cost as headers, the whole reply as a property. */
public final class ResponseMapper {

    private ResponseMapper() {
    }

    public static void apply(ChatResponse reply, PreparedRequest request, Exchange exchange) {
        Message out = exchange.getMessage();
        ChatResponse.Choice choice = reply.firstChoice();
        ChatResponse.ResponseMessage message = choice == null ? null : choice.message();
        out.setBody(message == null || message.content() == null ? "" : message.content());

        setIfPresent(out, OpenRouterConstants.RESPONSE_ID, reply.id());
        setIfPresent(out, OpenRouterConstants.RESPONSE_MODEL, reply.model());
        setIfPresent(out, OpenRouterConstants.PROVIDER, reply.provider());
        setIfPresent(out, OpenRouterConstants.FINISH_REASON, choice == null ? null : choice.finishReason());
        ChatResponse.Usage usage = reply.usage();
        if (usage != null) {
            setIfPresent(out, OpenRouterConstants.PROMPT_TOKENS, usage.promptTokens());
            setIfPresent(out, OpenRouterConstants.COMPLETION_TOKENS, usage.completionTokens());
            setIfPresent(out, OpenRouterConstants.TOTAL_TOKENS, usage.totalTokens());
            setIfPresent(out, OpenRouterConstants.COST, usage.cost());
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
        }
        if (!request.skippedAttachments().isEmpty()) {
            out.setHeader(OpenRouterConstants.SKIPPED_ATTACHMENTS, request.skippedAttachments());
        }
        exchange.setProperty(OpenRouterConstants.RESPONSE, reply);
    }

    private static void setIfPresent(Message out, String header, Object value) {
        if (value != null) {
            out.setHeader(header, value);
        }
    }
}
