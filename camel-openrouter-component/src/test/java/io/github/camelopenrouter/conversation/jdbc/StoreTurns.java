package io.github.camelopenrouter.conversation.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelopenrouter.conversation.ConversationTurn;
import io.github.camelopenrouter.media.BytesSource;
import io.github.camelopenrouter.wire.ContentPart;
import io.github.camelopenrouter.wire.Message;
import io.github.camelopenrouter.wire.Payload;
import io.github.camelopenrouter.wire.ChatRequest;
import io.github.camelopenrouter.wire.StreamingRequestBody;

/** Turns as the producer records them, and the JSON a follow-up request would carry for them. */
final class StoreTurns {

    private StoreTurns() {
    }

    static ConversationTurn text(String question, String answer) {
        return ConversationTurn.retained(Message.user(List.of(new ContentPart.Text(question))),
                Message.assistant(answer, null));
    }

    static ConversationTurn withPdf(String question, byte[] pdf, String answer, JsonNode annotations) {
        return ConversationTurn.retained(Message.user(List.of(new ContentPart.Text(question),
                        new ContentPart.File(new ContentPart.File.FileData("invoice.pdf",
                                Payload.dataUrl("application/pdf", new BytesSource(pdf, "invoice.pdf")))))),
                Message.assistant(answer, annotations));
    }

    static ConversationTurn withFileId(String question, String fileId, String answer) {
        return ConversationTurn.retained(Message.user(List.of(new ContentPart.Text(question),
                ContentPart.File.reference(fileId, "invoice.pdf"))), Message.assistant(answer, null));
    }

    /** The user and assistant messages of a turn as the wire carries them. */
    static String wire(ConversationTurn turn) {
        try {
            return StreamingRequestBody.of(ChatRequest.of(List.of(turn.user(), turn.assistant()))).toJsonString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The question (first text part) of a turn. */
    static String question(ConversationTurn turn) {
        return ((ContentPart.Text) ((List<?>) turn.user().content()).get(0)).text();
    }
}
