package io.github.camelopenrouter.request;

import java.util.ArrayList;
import java.util.List;

import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.conversation.ConversationStore;
import io.github.camelopenrouter.conversation.ConversationTurn;
import io.github.camelopenrouter.wire.ChatRequest;
import io.github.camelopenrouter.wire.ContentPart;
import io.github.camelopenrouter.wire.Message;
import io.github.camelopenrouter.wire.Plugin;
import io.github.camelopenrouter.wire.StreamingRequestBody;
import org.apache.camel.Exchange;

/** Exchange in, validated chat request out: settings, body parts, conversation history and plugins. */
public final class ChatRequestFactory {

    private final OpenRouterConfiguration configuration;
    private final ConversationStore conversations;

    public ChatRequestFactory(OpenRouterConfiguration configuration, ConversationStore conversations) {
        this.configuration = configuration;
        this.conversations = conversations;
    }

    public PreparedRequest create(Exchange exchange) {
        RequestSettings settings = RequestSettings.resolve(exchange, configuration);
        BodyParts body = BodyMapper.map(exchange, settings);

        List<ContentPart> parts = new ArrayList<>(body.parts().size() + 1);
        if (settings.prompt() != null) {
            parts.add(new ContentPart.Text(settings.prompt()));
        }
        parts.addAll(body.parts());
        if (parts.isEmpty()) {
            throw new OpenRouterInputException("The message body is empty and no prompt is set: send text, a file or a"
                                               + " URL, or set the prompt option or the " + OpenRouterConstants.PROMPT
                                               + " header");
        }

        List<Message> messages = new ArrayList<>();
        if (settings.systemMessage() != null) {
            messages.add(Message.system(settings.systemMessage()));
        }
        if (settings.conversationId() != null) {
            for (ConversationTurn turn : conversations.load(settings.conversationId())) {
                messages.add(turn.user());
                messages.add(turn.assistant());
            }
        }
        Message user = Message.user(parts);
        messages.add(user);

        List<Plugin> plugins = settings.pdfEngine() == null ? null : List.of(Plugin.FileParser.engine(settings.pdfEngine()));
        ChatRequest request = new ChatRequest(settings.model(), messages, plugins, settings.temperature(),
                settings.maxTokens());
        boolean sendsPdf = false;
        for (Message message : messages) {
            sendsPdf |= hasPdf(message);
        }
        return new PreparedRequest(request, StreamingRequestBody.of(request), user, settings.conversationId(),
                body.skipped(), sendsPdf);
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
