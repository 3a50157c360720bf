package io.github.camelopenrouter.conversation;

import org.apache.camel.RuntimeCamelException;

/**
 * A conversation store could not read or record a conversation (its database is down, refused the statement, timed
 * out). The message names the store, the conversation and the cause; the exchange fails with it (error type
 * {@code conversation_store_failed}).
 */
public class ConversationStoreException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    public ConversationStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
