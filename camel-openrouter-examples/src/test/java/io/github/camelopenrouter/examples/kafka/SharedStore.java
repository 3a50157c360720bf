package io.github.camelopenrouter.examples.kafka;

import java.util.Map;

import io.github.camelopenrouter.conversation.ConversationStore;
import io.github.camelopenrouter.conversation.InMemoryConversationStore;

/** The conversation store every instance of a test uses, and how an instance is told to use it. */
final class SharedStore {

    private final ConversationStore store;

    private SharedStore(ConversationStore store) {
        this.store = store;
    }

    static SharedStore create() {
        return new SharedStore(new InMemoryConversationStore(1000, 64L * 1024 * 1024));
    }

    /** Properties that point an instance's component at the store. */
    Map<String, String> properties() {
        return Map.of("camel.component.openrouter.conversation-store", "#conversationStore");
    }

    /** Beans an instance needs for {@link #properties()}. */
    Map<String, Object> beans() {
        return Map.of("conversationStore", store);
    }

    /** Turns the store holds for a conversation. */
    int turns(String conversationId) {
        return store.load(conversationId).size();
    }
}
