package io.github.camelopenrouter;

/** What an endpoint does; the URI path names it ({@code openrouter:chat}, {@code openrouter:files}, ...). */
public enum OpenRouterOperation {
    /** A chat completion: the exchange becomes a user message, the reply becomes the body. */
    chat,
    /** The Files API: upload (default), list, get, delete or download, chosen by the filesAction option. */
    files,
    /** The model list, filtered by modalities and parameters, cached per component. */
    models,
    /** Embeddings of a String or a List of Strings. */
    embeddings,
    /** The record of an earlier call (cost, latency, native tokens, provider) by its generation id. */
    generation,
    /** The account's credits and usage. */
    credits,
    /** The current API key's limit, usage and tier. */
    key
}
