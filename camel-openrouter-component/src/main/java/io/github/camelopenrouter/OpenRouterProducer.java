package io.github.camelopenrouter;

import io.github.camelopenrouter.client.OpenRouterClient;
import io.github.camelopenrouter.conversation.ConversationTurn;
import io.github.camelopenrouter.request.PreparedRequest;
import io.github.camelopenrouter.response.ResponseMapper;
import io.github.camelopenrouter.wire.ChatResponse;
import io.github.camelopenrouter.wire.Message;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exchange in, request built, sent without blocking, reply mapped back. The callback is called exactly once on every
 * path: invalid input (synchronously, nothing sent), an error reply, a failed connection, or success.
 */
public class OpenRouterProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(OpenRouterProducer.class);

    public OpenRouterProducer(OpenRouterEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public OpenRouterEndpoint getEndpoint() {
        return (OpenRouterEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        PreparedRequest prepared;
        try {
            prepared = getEndpoint().getRequestFactory().create(exchange);
            if (prepared.sendsPdf() && prepared.request().plugins() == null) {
                getEndpoint().warnPdfWithoutEngineOnce();
            }
            LOG.debug("Sending chat request: model={}, parts={}, bodyBytes={}", prepared.request().model(),
                    prepared.userMessage().content() instanceof java.util.List<?> parts ? parts.size() : 1,
                    prepared.body().contentLength());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        long started = System.nanoTime();
        try {
            getEndpoint().getClient().chat(prepared.body()).whenComplete((reply, failure) -> {
                try {
                    if (failure != null) {
                        exchange.setException(OpenRouterClient.unwrap(failure));
                    } else {
                        complete(exchange, prepared, reply);
                    }
                    LOG.debug("Chat request finished in {} ms: {}", (System.nanoTime() - started) / 1_000_000,
                            failure == null ? "ok" : OpenRouterClient.unwrap(failure).getClass().getSimpleName());
                } catch (Throwable t) {
                    exchange.setException(t);
                } finally {
                    callback.done(false);
                }
            });
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        return false;
    }

    private void complete(Exchange exchange, PreparedRequest prepared, ChatResponse reply) {
        ResponseMapper.apply(reply, prepared, exchange);
        if (prepared.conversationId() != null) {
            ChatResponse.ResponseMessage answer = reply.firstChoice() == null ? null : reply.firstChoice().message();
            Message assistant = Message.assistant(answer == null ? "" : answer.content(),
                    answer != null && answer.hasAnnotations() ? answer.annotations() : null);
            getEndpoint().getConversationStore().append(prepared.conversationId(),
                    ConversationTurn.retained(prepared.userMessage(), assistant));
        }
    }
}
