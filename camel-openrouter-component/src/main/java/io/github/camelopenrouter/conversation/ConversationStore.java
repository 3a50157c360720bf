package io.github.camelopenrouter.conversation;

import java.util.List;

/**
 * Keeps the turns of conversations so a follow-up question is sent after the earlier messages and their file
 * annotations: OpenRouter then reuses the parsed PDF instead of parsing (and billing) it again. Implementations must be
 * thread-safe; a shared one (a cache or database) lets several nodes continue each other's conversations.
 */
public interface ConversationStore {

    /** The turns of a conversation, oldest first; empty when it is unknown or was evicted. */
    List<ConversationTurn> load(String conversationId);

    /**
     * The turns before the one with this turn id, when the conversation holds it (its question is being delivered
     * again), so the question is sent with the history it had the first time; otherwise all of them, as
     * {@link #load}.
     */
    default List<ConversationTurn> loadBefore(String conversationId, String turnId) {
        List<ConversationTurn> turns = load(conversationId);
        for (int i = 0; i < turns.size(); i++) {
            if (turnId.equals(turns.get(i).turnId())) {
                return turns.subList(0, i);
            }
        }
        return turns;
    }

    /**
     * Adds a completed turn at the end of a conversation; a turn whose {@link ConversationTurn#turnId() turn id} the
     * conversation already holds is not added again (the first answer stays).
     */
    void append(String conversationId, ConversationTurn turn);

    /** Forgets a conversation. */
    void remove(String conversationId);
}
