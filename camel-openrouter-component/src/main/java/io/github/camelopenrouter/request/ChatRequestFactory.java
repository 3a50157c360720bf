package io.github.camelopenrouter.request;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.conversation.Conversations;
import io.github.camelopenrouter.wire.ChatRequest;
import io.github.camelopenrouter.wire.ContentPart;
import io.github.camelopenrouter.wire.Message;
import io.github.camelopenrouter.wire.StreamingRequestBody;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Exchange in, validated chat request out: settings, body parts, conversation history and plugins. */
public final class ChatRequestFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ChatRequestFactory.class);

    private final OpenRouterConfiguration configuration;
    private final OutputSchema outputSchema;
    private final Conversations conversations;
    private final String endpoint;
    private final AtomicBoolean pdfEngineWarned = new AtomicBoolean();

    /**
     * @param outputSchema the schema of the jsonSchema or outputClass option, loaded once when the endpoint started
     * @param endpoint     how to name the endpoint in a log line (its base URI, never with options)
     */
    public ChatRequestFactory(OpenRouterConfiguration configuration, OutputSchema outputSchema,
                              Conversations conversations, String endpoint) {
        this.configuration = configuration;
        this.outputSchema = outputSchema;
        this.conversations = conversations;
        this.endpoint = endpoint;
    }

    public PreparedRequest create(Exchange exchange) {
        RequestSettings settings = RequestSettings.resolve(exchange, configuration, outputSchema);
        BodyParts body = BodyMapper.map(exchange, settings);

        List<ContentPart> parts = new ArrayList<>(body.parts().size() + 1);
        if (settings.prompt() != null) {
            parts.add(new ContentPart.Text(settings.prompt()));
        }
        parts.addAll(body.parts());
        InternalUrls.inspect(body.parts(), configuration.getInternalUrls(), endpoint);
        if (parts.isEmpty()) {
            throw new OpenRouterInputException("The message body is empty and no prompt is set: send text, a file or a"
                                               + " URL, or set the prompt option or the " + OpenRouterConstants.PROMPT
                                               + " header");
        }

        List<Message> messages = new ArrayList<>();
        if (settings.systemMessage() != null) {
            messages.add(Message.system(settings.systemMessage()));
        }
        messages.addAll(conversations.history(settings.conversationId(), settings.conversationTurnId()));
        Message user = Message.user(parts);
        messages.add(user);

        if (settings.media().pdfEngine() == null && messages.stream().anyMatch(ChatRequestFactory::hasPdf)) {
            warnPdfWithoutEngineOnce();
        }
        // each feature's settings give their own wire value; the extras were checked against them when read
        ChatRequest request = new ChatRequest(
                settings.model(), settings.routing().models(settings.model()), messages, Plugins.of(settings),
                settings.routing().provider(), settings.reasoning().wire(), settings.cache().wire(),
                settings.sampling().temperature(), settings.sampling().maxTokens(), settings.output().responseFormat(),
                settings.streaming().stream() ? Boolean.TRUE : null, settings.sampling().parameters(),
                settings.tracking().wire(), settings.extras().properties());
        return new PreparedRequest(request, StreamingRequestBody.of(request), user, settings.conversationId(),
                settings.conversationTurnId(), body.skipped(), settings.output(), settings.streaming());
    }

    /** OpenRouter silently falls back to a paid OCR engine for PDFs when no engine is chosen: say so, once. */
    private void warnPdfWithoutEngineOnce() {
        if (pdfEngineWarned.compareAndSet(false, true)) {
            LOG.warn("{} sends PDFs without a pdfEngine: OpenRouter then uses the model's native file support and may fall"
                     + " back to the paid mistral-ocr engine. Set pdfEngine (cloudflare-ai is free) to choose.", endpoint);
        }
    }

    private static boolean hasPdf(Message message) {
        if (message.content() instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof ContentPart.File) {
                    return true;
                }
            }
        }
        return false;
    }
}
