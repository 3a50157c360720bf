package io.github.camelopenrouter;

import org.apache.camel.spi.Metadata;

/** Headers and exchange properties the component reads and writes. A header read here beats the endpoint option. */
public final class OpenRouterConstants {

    // read

    @Metadata(label = "producer", description = "The model to use, for example google/gemini-2.5-flash; overrides the"
                                                + " model option.",
              javaType = "String")
    public static final String MODEL = "CamelOpenRouterModel";

    @Metadata(label = "producer", description = "The PDF parsing engine (mistral-ocr, cloudflare-ai, native, pdf-text);"
                                                + " overrides the pdfEngine option.",
              javaType = "String")
    public static final String PDF_ENGINE = "CamelOpenRouterPdfEngine";

    @Metadata(label = "producer", description = "The instruction sent as the first text part, before the body;"
                                                + " overrides the prompt option.",
              javaType = "String")
    public static final String PROMPT = "CamelOpenRouterPrompt";

    @Metadata(label = "producer", description = "The system message; overrides the systemMessage option.",
              javaType = "String")
    public static final String SYSTEM_MESSAGE = "CamelOpenRouterSystemMessage";

    @Metadata(label = "producer", description = "The media type of the body (for example application/pdf); overrides"
                                                + " detection from the content, Content-Type and file name.",
              javaType = "String")
    public static final String MEDIA_TYPE = "CamelOpenRouterMediaType";

    @Metadata(label = "producer", description = "The file name sent with a PDF and used to detect the type; defaults"
                                                + " to CamelFileName or the attachment's name.",
              javaType = "String")
    public static final String FILE_NAME = "CamelOpenRouterFileName";

    @Metadata(label = "producer", description = "Identifies a conversation: earlier turns (with their file annotations)"
                                                + " are sent before this message, so a PDF is parsed only once.",
              javaType = "String")
    public static final String CONVERSATION_ID = "CamelOpenRouterConversationId";

    @Metadata(label = "producer", description = "Identifies this question within its conversation (at most 255"
                                                + " characters, for example the id of the message it came from), for"
                                                + " consumers that may deliver a message again (Kafka, JMS): a turn"
                                                + " whose id the conversation already holds is not recorded a second"
                                                + " time, and the question is sent with the history it had the first"
                                                + " time. Needs CamelOpenRouterConversationId.",
              javaType = "String")
    public static final String CONVERSATION_TURN_ID = "CamelOpenRouterConversationTurnId";

    @Metadata(label = "producer", description = "Sampling temperature, 0 to 2; overrides the temperature option.",
              javaType = "Double")
    public static final String TEMPERATURE = "CamelOpenRouterTemperature";

    @Metadata(label = "producer", description = "The maximum number of tokens to generate; overrides the maxTokens"
                                                + " option.",
              javaType = "Integer")
    public static final String MAX_TOKENS = "CamelOpenRouterMaxTokens";

    @Metadata(label = "producer", description = "The JSON Schema the answer must follow, inline JSON (a String) or a"
                                                + " Map; replaces the jsonSchema option for this exchange (see"
                                                + " Structured output).",
              javaType = "Object")
    public static final String JSON_SCHEMA = "CamelOpenRouterJsonSchema";

    @Metadata(label = "producer", description = "The id of a file in OpenRouter's Files API (or_file_...). Read by chat,"
                                                + " which then sends a file_id reference instead of the body's bytes (a"
                                                + " String or a Collection of them), and by files get, delete and"
                                                + " download; written by files upload.",
              javaType = "String")
    public static final String FILE_ID = "CamelOpenRouterFileId";

    @Metadata(label = "producer", description = "Models to try, in order, after the model when it is unavailable (a"
                                                + " comma-separated String or a List of model ids); overrides the"
                                                + " fallbackModels option.",
              javaType = "java.util.List<String>")
    public static final String FALLBACK_MODELS = "CamelOpenRouterFallbackModels";

    @Metadata(label = "producer", description = "OpenRouter's provider routing preferences as a Map in the wire's shape"
                                                + " (order, only, ignore, allow_fallbacks, require_parameters,"
                                                + " data_collection, zdr, sort, max_price, quantizations, ...); replaces"
                                                + " the provider object the provider options would send.",
              javaType = "java.util.Map<String, Object>")
    public static final String PROVIDER_PREFERENCES = "CamelOpenRouterProviderPreferences";

    @Metadata(label = "producer", description = "The reasoning effort (none, minimal, low, medium, high, xhigh, max);"
                                                + " overrides the reasoningEffort option and, being an effort, the"
                                                + " reasoningMaxTokens budget.",
              javaType = "String")
    public static final String REASONING_EFFORT = "CamelOpenRouterReasoningEffort";

    @Metadata(label = "producer", description = "Prompt caching for this exchange: none, ephemeral or 1h; overrides"
                                                + " the cacheControl option.",
              javaType = "String")
    public static final String CACHE_CONTROL = "CamelOpenRouterCacheControl";

    @Metadata(label = "producer", description = "Turns OpenRouter's web search plugin on (true) or off (false) for this"
                                                + " exchange; overrides the webSearch option.",
              javaType = "Boolean")
    public static final String WEB_SEARCH = "CamelOpenRouterWebSearch";

    @Metadata(label = "producer", description = "Your end user's id (a stable id, hash or pseudonym) for OpenRouter's"
                                                + " abuse isolation and activity log; overrides the user option.",
              javaType = "String")
    public static final String USER = "CamelOpenRouterUser";

    @Metadata(label = "producer", description = "Groups related requests (session_id, at most 256 characters): OpenRouter"
                                                + " routes a session to one provider, which keeps its prompt cache warm."
                                                + " Defaults to the CamelOpenRouterConversationId.",
              javaType = "String")
    public static final String SESSION_ID = "CamelOpenRouterSessionId";

    @Metadata(label = "producer", description = "Metadata sent with the request (a Map of at most 16 pairs, keys at most 64"
                                                + " and values at most 512 characters), shown in OpenRouter's activity"
                                                + " log.",
              javaType = "java.util.Map<String, String>")
    public static final String METADATA = "CamelOpenRouterMetadata";

    @Metadata(label = "producer", description = "Request fields the component does not model, as a Map merged at the top"
                                                + " level of the request JSON (after the additionalBodyProperty.* options,"
                                                + " winning per key). A field a typed option sets is refused.",
              javaType = "java.util.Map<String, Object>")
    public static final String REQUEST_EXTRAS = "CamelOpenRouterRequestExtras";
    @Metadata(label = "producer", description = "Whether to stream the answer (true or false); overrides the stream"
                                                + " option.",
              javaType = "Boolean")
    public static final String STREAM = "CamelOpenRouterStream";

    @Metadata(label = "producer", description = "The endpoint URI that receives the text deltas of a streamed answer;"
                                                + " overrides the streamTo option and turns streaming on.",
              javaType = "String")
    public static final String STREAM_TO = "CamelOpenRouterStreamTo";

    // written

    @Metadata(label = "producer", description = "The ids of the files chat uploaded for this exchange with uploadFiles=true"
                                                + " (a List, empty when nothing was uploaded), set even when the chat"
                                                + " request then failed. They stay in the account until deleted (files"
                                                + " delete).",
              javaType = "java.util.List<String>")
    public static final String UPLOADED_FILE_IDS = "CamelOpenRouterUploadedFileIds";

    @Metadata(label = "producer", description = "The generation id of the reply (gen-...), usable with OpenRouter's"
                                                + " generation endpoint.",
              javaType = "String")
    public static final String RESPONSE_ID = "CamelOpenRouterResponseId";

    @Metadata(label = "producer", description = "The model that actually answered (it may differ from the requested one"
                                                + " with fallbacks or openrouter/auto).",
              javaType = "String")
    public static final String RESPONSE_MODEL = "CamelOpenRouterResponseModel";

    @Metadata(label = "producer", description = "The provider that served the request.", javaType = "String")
    public static final String PROVIDER = "CamelOpenRouterProvider";

    @Metadata(label = "producer", description = "Why generation stopped: stop, length, tool_calls, content_filter, ...",
              javaType = "String")
    public static final String FINISH_REASON = "CamelOpenRouterFinishReason";

    @Metadata(label = "producer", description = "The assistant's answer exactly as received, set when JSON output was"
                                                + " requested: the body is then the checked JSON text or the"
                                                + " outputClass instance.",
              javaType = "String")
    public static final String RAW_ANSWER = "CamelOpenRouterRawAnswer";

    @Metadata(label = "producer", description = "Why generation stopped, in the provider's own words (end_turn, STOP,"
                                                + " max_tokens, ...), next to the normalised CamelOpenRouterFinishReason.",
              javaType = "String")
    public static final String NATIVE_FINISH_REASON = "CamelOpenRouterNativeFinishReason";

    @Metadata(label = "producer", description = "The generation id from OpenRouter's X-Generation-Id response header,"
                                                + " else the reply's id; the key of the generation operation.",
              javaType = "String")
    public static final String GENERATION_ID = "CamelOpenRouterGenerationId";

    @Metadata(label = "producer", description = "The reply's usage.cost_details: upstream_inference_cost (what the"
                                                + " provider charged, with your own key), upstream_inference_prompt_cost,"
                                                + " upstream_inference_completions_cost, in USD.",
              javaType = "java.util.Map<String, Object>")
    public static final String COST_DETAILS = "CamelOpenRouterCostDetails";

    @Metadata(label = "producer", description = "Whether the request ran on your own provider key (usage.is_byok).",
              javaType = "Boolean")
    public static final String BYOK = "CamelOpenRouterByok";

    @Metadata(label = "producer", description = "Tokens in the prompt, files included.", javaType = "Integer")
    public static final String PROMPT_TOKENS = "CamelOpenRouterPromptTokens";

    @Metadata(label = "producer", description = "Tokens generated.", javaType = "Integer")
    public static final String COMPLETION_TOKENS = "CamelOpenRouterCompletionTokens";

    @Metadata(label = "producer", description = "Prompt plus completion tokens.", javaType = "Integer")
    public static final String TOTAL_TOKENS = "CamelOpenRouterTotalTokens";

    @Metadata(label = "producer", description = "The model's reasoning text, when the model reasoned and the"
                                                + " reasoning was not excluded.",
              javaType = "String")
    public static final String REASONING = "CamelOpenRouterReasoning";

    @Metadata(label = "producer", description = "Tokens the model spent reasoning (part of the completion tokens).",
              javaType = "Integer")
    public static final String REASONING_TOKENS = "CamelOpenRouterReasoningTokens";

    @Metadata(label = "producer", description = "Prompt tokens read from the provider's prompt cache"
                                                + " (usage.prompt_tokens_details.cached_tokens).",
              javaType = "Integer")
    public static final String CACHED_TOKENS = "CamelOpenRouterCachedTokens";

    @Metadata(label = "producer", description = "Prompt tokens written to the provider's prompt cache"
                                                + " (usage.prompt_tokens_details.cache_write_tokens).",
              javaType = "Integer")
    public static final String CACHE_WRITE_TOKENS = "CamelOpenRouterCacheWriteTokens";

    @Metadata(label = "producer", description = "What the request cost, in USD credits, as OpenRouter reports it.",
              javaType = "Double")
    public static final String COST = "CamelOpenRouterCost";

    @Metadata(label = "producer", description = "generation: how long OpenRouter took to answer the call, in"
                                                + " milliseconds.",
              javaType = "Long")
    public static final String LATENCY = "CamelOpenRouterLatency";

    @Metadata(label = "producer", description = "generation: prompt tokens as counted by the provider's own tokenizer"
                                                + " (what is billed).",
              javaType = "Integer")
    public static final String NATIVE_PROMPT_TOKENS = "CamelOpenRouterNativePromptTokens";

    @Metadata(label = "producer", description = "generation: completion tokens as counted by the provider's own"
                                                + " tokenizer (what is billed).",
              javaType = "Integer")
    public static final String NATIVE_COMPLETION_TOKENS = "CamelOpenRouterNativeCompletionTokens";

    @Metadata(label = "producer", description = "credits: the credits left, in USD (total credits minus total usage).",
              javaType = "Double")
    public static final String CREDITS_REMAINING = "CamelOpenRouterCreditsRemaining";

    @Metadata(label = "producer", description = "key: what remains of the key's spending limit, in USD; not set when"
                                                + " the key has no limit.",
              javaType = "Double")
    public static final String KEY_LIMIT_REMAINING = "CamelOpenRouterKeyLimitRemaining";

    @Metadata(label = "producer", description = "The reply's annotations (file annotations of parsed PDFs, URL"
                                                + " citations), as a Jackson JsonNode array; set only when present.",
              javaType = "com.fasterxml.jackson.databind.JsonNode")
    public static final String ANNOTATIONS = "CamelOpenRouterAnnotations";

    @Metadata(label = "producer", description = "The web pages the answer cites (the reply's url_citation annotations), as"
                                                + " a List of Maps with url, title and content; set only when there are"
                                                + " some.",
              javaType = "java.util.List<java.util.Map<String, String>>")
    public static final String CITATIONS = "CamelOpenRouterCitations";

    @Metadata(label = "producer", description = "Attachments that were not sent because their type is not supported,"
                                                + " as a list of name (type) strings; set only when some were skipped.",
              javaType = "java.util.List<String>")
    public static final String SKIPPED_ATTACHMENTS = "CamelOpenRouterSkippedAttachments";

    @Metadata(label = "producer", description = "How many HTTP requests were sent for the exchange: 1 without retries,"
                                                + " at most one more than maxRetries (plus refusals for load caused by the"
                                                + " component's own burst, see adaptiveConcurrency); 0 when the exchange was refused before sending."
                                                + " Set on success and on failure.",
              javaType = "Integer")
    public static final String ATTEMPTS = "CamelOpenRouterAttempts";

    @Metadata(label = "producer", description = "How long the exchange's requests waited, in milliseconds, for a free"
                                                + " slot among the component's maxConcurrentRequests (all attempts"
                                                + " together; 0 when a slot was free at once). Set on success and on"
                                                + " failure.",
              javaType = "Long")
    public static final String QUEUED_MILLIS = "CamelOpenRouterQueuedMillis";

    @Metadata(label = "producer", description = "Streaming: on the original exchange, milliseconds from sending the"
                                                + " request to the first text delta; set when one arrived.",
              javaType = "Long")
    public static final String TIME_TO_FIRST_TOKEN = "CamelOpenRouterTimeToFirstToken";

    @Metadata(label = "producer", description = "Streaming: on each exchange sent to streamTo, the delta's position,"
                                                + " 0, 1, 2, ...; the end exchange carries the number of deltas.",
              javaType = "Integer")
    public static final String STREAM_INDEX = "CamelOpenRouterStreamIndex";

    @Metadata(label = "producer", description = "Streaming: on each exchange sent to streamTo, the exchange id of the"
                                                + " original exchange, to tell concurrent streams apart.",
              javaType = "String")
    public static final String STREAM_CORRELATION_ID = "CamelOpenRouterStreamCorrelationId";

    @Metadata(label = "producer", description = "Streaming: false on each delta sent to streamTo, true on the last"
                                                + " exchange (empty body), which also carries CamelOpenRouterErrorType"
                                                + " when the stream ended in an error.",
              javaType = "Boolean")
    public static final String STREAM_END = "CamelOpenRouterStreamEnd";

    @ExchangeProperty(description = "Set on every failed exchange: OpenRouter's metadata.error_type for an error reply"
                                    + " (rate_limit_exceeded, payment_required, moderation, ...; derived from the status"
                                    + " when the reply has none), or timeout, connection_failed, tls_failed,"
                                    + " response_too_large (above maxResponseSize), queue_timeout (see"
                                    + " queueTimeout), invalid_input, stopped,"
                                    + " conversation_store_failed (the conversation store could not read or record the"
                                    + " conversation: its database is down, for example) or"
                                    + " internal_error for failures without a reply; invalid_output for an answer"
                                    + " that is not the JSON asked for (OpenRouterOutputException). Also a header on"
                                    + " the end exchange a stream sends to streamTo when the stream failed.",
                      javaType = "String")
    public static final String ERROR_TYPE = "CamelOpenRouterErrorType";

    @ExchangeProperty(description = "chat: the whole parsed reply (id, model, provider, choices, usage, annotations),"
                                    + " for what the headers do not carry.",
                      javaType = "io.github.camelopenrouter.wire.ChatResponse")
    public static final String RESPONSE = "CamelOpenRouterResponse";

    private OpenRouterConstants() {
    }
}
