package io.github.camelopenrouter.request;

import java.util.List;

import io.github.camelopenrouter.wire.ChatRequest;
import io.github.camelopenrouter.wire.Message;
import io.github.camelopenrouter.wire.StreamingRequestBody;

/**
 * A validated request ready to go out, with what the reply mapping needs to know about it: the new user message (to
 * remember in a conversation), the attachments that were left out, and the output the answer is checked against.
 */
public record PreparedRequest(
        ChatRequest request,
        StreamingRequestBody body,
        Message userMessage,
        String conversationId,
        List<String> skippedAttachments,
        OutputSettings output) {
}
