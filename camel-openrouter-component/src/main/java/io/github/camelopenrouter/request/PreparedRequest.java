package io.github.camelopenrouter.request;

import java.util.ArrayList;
import java.util.List;

import io.github.camelopenrouter.wire.ChatRequest;
import io.github.camelopenrouter.wire.Message;
import io.github.camelopenrouter.wire.StreamingRequestBody;

/**
 * A validated request ready to go out, with what the reply mapping needs to know about it: the new user message (to
 * remember in a conversation), the attachments that were left out, the output the answer is checked against, and
 * whether (and where to) the answer streams.
 */
public record PreparedRequest(
        ChatRequest request,
        StreamingRequestBody body,
        Message userMessage,
        String conversationId,
        String conversationTurnId,
        List<String> skippedAttachments,
        OutputSettings output,
        StreamSettings streaming) {

    /** The same request with its new user message (the last message) replaced, and its body written anew. */
    public PreparedRequest withUserMessage(Message user) {
        List<Message> messages = new ArrayList<>(request.messages());
        messages.set(messages.size() - 1, user);
        ChatRequest replaced = request.withMessages(messages);
        return new PreparedRequest(replaced, StreamingRequestBody.of(replaced), user, conversationId, conversationTurnId,
                skippedAttachments,
                output, streaming);
    }
}
