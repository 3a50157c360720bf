package io.github.camelopenrouter;

/** What an endpoint does; the URI path names it ({@code openrouter:chat}). */
public enum OpenRouterOperation {
    /** A chat completion: the exchange becomes a user message, the reply becomes the body. */
    chat
}
