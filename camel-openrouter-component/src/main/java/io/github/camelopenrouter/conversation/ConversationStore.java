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

    /** Adds a completed turn at the end of a conversation. */
    void append(String conversationId, ConversationTurn turn);

    /** Forgets a conversation. */
    void remove(String conversationId);
}
