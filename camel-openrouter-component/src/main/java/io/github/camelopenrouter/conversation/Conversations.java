package io.github.camelopenrouter.conversation;

import java.util.ArrayList;
import java.util.List;

import io.github.camelopenrouter.wire.ChatResponse;
import io.github.camelopenrouter.wire.Message;

/**
 * The one owner of conversations: reads the earlier turns for a new request and records the turn once its reply is
 * in. The turns themselves live in a {@link ConversationStore} (in memory by default, shared when supplied).
 */
public final class Conversations {

    private final ConversationStore store;
    private final int maxTurns;

    public Conversations(ConversationStore store) {
        this(store, Integer.MAX_VALUE);
    }

    /** @param maxTurns the most earlier turns sent with a new question: older ones are dropped, oldest first */
    public Conversations(ConversationStore store, int maxTurns) {
        this.store = store;
        this.maxTurns = maxTurns;
    }

    public ConversationStore store() {
        return store;
    }

    /**
     * The earlier messages of a conversation, oldest first, to send before the new user message; empty without id.
     *
     * @param turnId the question's own turn id, or null: when the conversation already holds it (the question is
     *               delivered again), only the turns before it
     */
    public List<Message> history(String conversationId, String turnId) {
        if (conversationId == null) {
            return List.of();
        }
        List<Message> messages = new ArrayList<>();
        List<ConversationTurn> turns = turnId == null ? store.load(conversationId) : store.loadBefore(conversationId, turnId);
        // a shared store may keep more: what is sent (and billed again) is bounded all the same
        for (ConversationTurn turn : turns.subList(Math.max(0, turns.size() - maxTurns), turns.size())) {
            messages.add(turn.user());
            messages.add(turn.assistant());
        }
        return messages;
    }

    /**
     * Records a completed turn: the user message as sent and the reply's answer with its file annotations.
     *
     * @param turnId identifies the turn within the conversation (a store does not record it twice), or null
     */
    public void remember(String conversationId, String turnId, Message user, ChatResponse reply) {
        if (conversationId == null) {
            return;
        }
        ChatResponse.ResponseMessage answer = reply.firstChoice() == null ? null : reply.firstChoice().message();
        Message assistant = Message.assistant(answer == null ? "" : answer.content(),
                answer != null && answer.hasAnnotations() ? answer.annotations() : null);
        store.append(conversationId, ConversationTurn.retained(user, assistant).withTurnId(turnId));
    }
}
