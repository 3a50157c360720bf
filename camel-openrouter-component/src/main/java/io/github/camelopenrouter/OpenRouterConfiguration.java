package io.github.camelopenrouter;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.github.camelopenrouter.conversation.ConversationStore;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/** The options of an endpoint; set on the component they become the defaults of every endpoint. */
@UriParams
@Configurer
public class OpenRouterConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";
    public static final long DEFAULT_MAX_FILE_SIZE = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final long DEFAULT_RETRY_INITIAL_DELAY = 500;
    public static final long DEFAULT_RETRY_MAX_DELAY = 30_000;
    public static final long DEFAULT_CONNECT_TIMEOUT = 10_000;
    public static final long DEFAULT_REQUEST_TIMEOUT = 300_000;
    public static final long DEFAULT_MODELS_CACHE_TTL = 3_600_000;
    public static final long DEFAULT_GENERATION_WAIT = 3_000;
    public static final String DEFAULT_SCHEMA_NAME = "answer";
    public static final long DEFAULT_HEALTH_CHECK_INTERVAL = 60_000;

    @UriPath(description = "The operation to perform: chat sends the message body to a model and returns its answer;"
                           + " files uploads, lists, gets, deletes or downloads files of OpenRouter's Files API; models"
                           + " lists the models; embeddings returns the embeddings of the body's texts; generation"
                           + " returns the record (cost, latency, tokens) of an earlier call; credits and key return the"
                           + " account's credits and the key's limits.",
             enums = "chat,files,models,embeddings,generation,credits,key")
    @Metadata(required = true)
    private OpenRouterOperation operation = OpenRouterOperation.chat;

    @UriParam(label = "security", secret = true,
              description = "The OpenRouter API key. When not set, the environment variable OPENROUTER_API_KEY is used;"
                            + " when neither is set the endpoint does not start.")
    private String apiKey;

    @UriParam(defaultValue = DEFAULT_BASE_URL,
              description = "The base URL of the OpenRouter API (an OpenRouter-compatible gateway or a test server"
                            + " may be used instead).")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(description = "The model to use, for example google/gemini-2.5-flash. When neither this option nor the"
                            + " CamelOpenRouterModel header is set, OpenRouter uses the account's default model.")
    private String model;

    @UriParam(description = "An instruction sent as the first text part of the user message, before the body.")
    private String prompt;

    @UriParam(description = "A system message sent before the user message.")
    private String systemMessage;

    @UriParam(enums = "mistral-ocr,cloudflare-ai,native,pdf-text",
              description = "The engine OpenRouter uses to parse PDFs: mistral-ocr (scanned documents, paid per page),"
                            + " cloudflare-ai (free), native (the model reads the file; billed as input tokens) or"
                            + " pdf-text (deprecated alias of cloudflare-ai). When not set, OpenRouter uses the model's"
                            + " native file support and may fall back to the paid mistral-ocr.")
    private String pdfEngine;

    @UriParam(enums = "auto,low,high",
              description = "The detail level requested for images; when not set, the provider's default applies.")
    private String imageDetail;

    @UriParam(description = "Sampling temperature, from 0 to 2.")
    private Double temperature;

    @UriParam(description = "The maximum number of tokens to generate.")
    private Integer maxTokens;

    @UriParam(label = "structured",
              description = "The JSON Schema the answer must follow: inline JSON ({...}) or a resource (classpath:,"
                            + " file:, http:, loaded once when the endpoint starts). Sent as response_format json_schema;"
                            + " the answer is checked against it and becomes the body as JSON text. The"
                            + " CamelOpenRouterJsonSchema header replaces it per exchange.")
    private String jsonSchema;

    @UriParam(label = "structured",
              description = "A Java class (a Class, or its fully qualified name) the answer is unmarshalled into (with"
                            + " Jackson) as the body; its JSON Schema is generated from the class (victools"
                            + " jsonschema-generator, Jackson annotations honoured) and sent as response_format"
                            + " json_schema. Cannot be combined with jsonSchema.")
    // Object, not Class: a name that is not a class then fails with a message naming it, not Camel's type-converter error
    private Object outputClass;

    @UriParam(label = "structured", defaultValue = DEFAULT_SCHEMA_NAME,
              description = "The name of the schema sent in response_format.json_schema.name.")
    private String schemaName = DEFAULT_SCHEMA_NAME;

    @UriParam(label = "structured", defaultValue = "true",
              description = "Whether the model must follow the schema exactly (response_format.json_schema.strict).")
    private boolean strictSchema = true;

    @UriParam(label = "structured", enums = "text,json_object,json_schema",
              description = "The answer's format: text, json_object (any JSON object, checked to be one) or"
                            + " json_schema (implied by jsonSchema and outputClass, which it needs). When not set, the"
                            + " model answers in text unless a schema is given.")
    private String responseFormat;

    @UriParam(label = "structured",
              description = "Whether OpenRouter's response-healing plugin repairs malformed JSON answers (a code fence,"
                            + " prose around the JSON, a missing bracket). Defaults to true whenever JSON output is"
                            + " requested; false sends the plugin with enabled false, so an account default cannot turn it"
                            + " on. Never sent when the answer is text.")
    private Boolean responseHealing;

    @UriParam(defaultValue = "" + DEFAULT_MAX_FILE_SIZE,
              description = "The largest file, in bytes, that is sent; a larger one fails the exchange before anything"
                            + " is sent. 0 or less disables the check.")
    private long maxFileSize = DEFAULT_MAX_FILE_SIZE;

    @UriParam(label = "advanced", defaultValue = "67108864",
              description = "The largest reply body read from OpenRouter, in bytes (default 64 MB). A longer reply - a"
                            + " runaway generation, a broken or hostile server sending without end - fails the exchange"
                            + " with ResponseTooLargeException (error type response_too_large, not retried) and its"
                            + " connection is closed, instead of filling the heap. Raise it to download larger files.")
    private long maxResponseSize = 64L * 1024 * 1024;

    @UriParam(label = "security", defaultValue = "warn", enums = "warn,refuse,allow",
              description = "What to do when the message body holds a URL to an internal address (loopback, private or"
                            + " link-local such as the cloud metadata service 169.254.169.254, localhost, *.internal) or"
                            + " a URL carrying credentials (user info, a token or signature query parameter), which would"
                            + " go to OpenRouter and the model's provider: warn (log a WARN line naming the host and"
                            + " parameter, never the URL, and send), refuse (fail with OpenRouterInputException before"
                            + " sending) or allow. Endpoint option, not a header: a sender cannot switch it off.")
    private String internalUrls = "warn";

    @UriParam(description = "Your application's URL, sent as the HTTP-Referer attribution header (it appears in"
                            + " OpenRouter's rankings and your activity log).")
    private String appUrl;

    @UriParam(description = "Your application's name, sent as the X-OpenRouter-Title (and X-Title) attribution header.")
    private String appTitle;

    @UriParam(label = "security",
              description = "TLS settings (trust store, key store, protocols) of the HTTP client the endpoint creates,"
                            + " for example to trust a private CA in front of OpenRouter. Certificates are always"
                            + " verified; without this option the JVM's default trust store is used. Cannot be combined"
                            + " with the httpClient option (configure the SSLContext on that client instead).")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "proxy",
              description = "The HTTP proxy to reach OpenRouter through (host name or address), for networks that allow"
                            + " no direct connection. HTTPS goes through it with CONNECT, so the proxy sees the host"
                            + " name but neither the requests nor the API key. Applies to the HTTP client the component"
                            + " creates (not to one given with the httpClient option).")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The port of the HTTP proxy set with proxyHost.")
    private Integer proxyPort;

    @UriParam(label = "proxy",
              description = "The user name for an HTTP proxy that asks for credentials (Basic authentication, sent with"
                            + " every request to the proxy only). For an https baseUrl the JVM must allow Basic"
                            + " credentials on tunnels: start it with -Djdk.http.auth.tunneling.disabledSchemes="
                            + " (the JDK refuses them by default); the endpoint refuses to start otherwise, saying so.")
    private String proxyAuthUsername;

    @UriParam(label = "proxy", secret = true, description = "The password for proxyAuthUsername.")
    private String proxyAuthPassword;

    @UriParam(label = "reliability", defaultValue = "" + DEFAULT_MAX_RETRIES,
              description = "How many times a failed request is sent again: on 408, 429, 500, 502, 503, 524 and 529"
                            + " replies, a 200 reply carrying such an error, timeouts and connections that failed or"
                            + " dropped before the whole reply arrived. Never on 400, 401, 402, 403 or 413. 0 disables"
                            + " retries.")
    private int maxRetries = DEFAULT_MAX_RETRIES;

    @UriParam(label = "reliability", defaultValue = "" + DEFAULT_RETRY_INITIAL_DELAY, javaType = "java.time.Duration",
              description = "The wait before the first retry, in milliseconds; it doubles with each further retry, up to"
                            + " retryMaxDelay, and is randomised between half and all of that value (jitter). A"
                            + " Retry-After the server sends is waited instead when it is longer.")
    private long retryInitialDelay = DEFAULT_RETRY_INITIAL_DELAY;

    @UriParam(label = "reliability", defaultValue = "" + DEFAULT_RETRY_MAX_DELAY, javaType = "java.time.Duration",
              description = "The longest wait between two attempts, in milliseconds. When the server's Retry-After asks"
                            + " for a longer wait, the request is not retried and the exchange fails at once with that"
                            + " error (see OpenRouterApiException.getRetryAfter()).")
    private long retryMaxDelay = DEFAULT_RETRY_MAX_DELAY;

    @UriParam(label = "reliability", defaultValue = "" + DEFAULT_CONNECT_TIMEOUT, javaType = "java.time.Duration",
              description = "How long, in milliseconds, connecting to OpenRouter may take. Applies to the HTTP client the"
                            + " endpoint creates (not to one given with the httpClient option).")
    private long connectTimeout = DEFAULT_CONNECT_TIMEOUT;

    @UriParam(label = "reliability", defaultValue = "" + DEFAULT_REQUEST_TIMEOUT, javaType = "java.time.Duration",
              description = "How long, in milliseconds, one attempt may take from sending the request to the last byte"
                            + " of the reply. Generations with large files or long answers are slow: keep it generous."
                            + " An attempt that times out counts as retryable, like OpenRouter's own 408.")
    private long requestTimeout = DEFAULT_REQUEST_TIMEOUT;

    @UriParam(label = "advanced",
              description = "A java.net.http.HttpClient to use instead of the one the endpoint creates (for a proxy, a"
                            + " custom SSL context or an executor of your own). The endpoint does not close it.")
    private HttpClient httpClient;

    @UriParam(label = "advanced", defaultValue = "4",
              description = "I/O threads of the HTTP client the component creates; endpoints with the same"
                            + " connectTimeout, sslContextParameters and clientThreads share one client (its connections"
                            + " and threads). Requests in flight hold no thread, so a few threads serve thousands of"
                            + " concurrent requests; the route continues on the component's workerThreads, not here.")
    private int clientThreads = 4;

    @UriParam(label = "advanced",
              description = "Where conversations (see the CamelOpenRouterConversationId header) are kept. Defaults to a"
                            + " bounded in-memory store per endpoint; supply a shared implementation to serve several"
                            + " nodes (for example #jdbcStore, a JdbcConversationStore bean), or set"
                            + " conversationDataSource instead.")
    private ConversationStore conversationStore;

    @UriParam(label = "advanced",
              description = "A javax.sql.DataSource (for example #myDataSource) whose database keeps the conversations:"
                            + " the component then uses a JdbcConversationStore on it, one per DataSource shared by"
                            + " its endpoints, so that several Camel instances continue each other's conversations"
                            + " and a restart forgets nothing. Its tables are created on first use"
                            + " (conversationCreateTables); it keeps the newest conversationMaxTurns turns of each"
                            + " conversation and expires them after conversationTtl. Tested on PostgreSQL. Not"
                            + " together with conversationStore.")
    private DataSource conversationDataSource;

    @UriParam(label = "advanced", defaultValue = "true",
              description = "Whether the conversation store of conversationDataSource creates its tables on first use"
                            + " (CREATE TABLE IF NOT EXISTS); turn it off when the schema is managed elsewhere (the"
                            + " DDL is in the documentation).")
    private boolean conversationCreateTables = true;

    @UriParam(label = "advanced", defaultValue = "0", javaType = "java.time.Duration",
              description = "How long a conversation lives after its last turn, in milliseconds (or a duration such as"
                            + " 30m): an older conversation starts afresh. Applies to the default in-memory store and"
                            + " to the store of conversationDataSource, which deletes expired conversations in small"
                            + " batches. 0, the default, never expires a conversation (the stores' other bounds still"
                            + " apply).")
    private long conversationTtl;

    @UriParam(label = "advanced", defaultValue = "1000",
              description = "The most conversations the default in-memory store keeps; the least recently used go"
                            + " first.")
    private int conversationMaxCount = 1000;

    @UriParam(label = "advanced", defaultValue = "50",
              description = "The most turns (a question and its answer) of one conversation sent with a new question;"
                            + " older turns are dropped, oldest first, and the default in-memory store keeps no more."
                            + " Bounds what a long-running conversation costs per request (every turn is sent, and"
                            + " billed, again) and what it holds in memory.")
    private int conversationMaxTurns = 50;

    @UriParam(label = "advanced", defaultValue = "134217728",
              description = "The most bytes (files and text) the default in-memory conversation store keeps; the least"
                            + " recently used conversations go first.")
    private long conversationMaxBytes = 128L * 1024 * 1024;

    @UriParam(label = "files", defaultValue = "upload", enums = "upload,list,get,delete,download",
              description = "What the files operation does: upload sends the body (any binary body chat accepts) to"
                            + " OpenRouter's Files API and sets the CamelOpenRouterFileId header; list returns the"
                            + " files; get, delete and download act on the file named by the CamelOpenRouterFileId"
                            + " header (or a body that is a file record or id).")
    private String filesAction = "upload";

    @UriParam(label = "chat", defaultValue = "false",
              description = "Upload each file (PDF) of the message to OpenRouter's Files API once and reference it by"
                            + " file_id instead of sending its bytes; in a conversation the store then keeps the id, so"
                            + " follow-up questions send neither the file nor its parse again.")
    private boolean uploadFiles;

    @UriParam(label = "streaming", defaultValue = "false",
              description = "Ask OpenRouter to stream the answer (\"stream\": true, server-sent events): the exchange"
                            + " still completes with the whole answer and every reply header, and also gets"
                            + " CamelOpenRouterTimeToFirstToken; the connection stays busy while the model thinks, so"
                            + " idle-cutting proxies do not drop long answers. Implied by streamTo.")
    private boolean stream;

    @UriParam(label = "streaming",
              description = "An endpoint URI (seda:partial, kafka:answers, vertx-websocket:...) that receives every text"
                            + " delta of a streamed answer as its own exchange, in order (headers"
                            + " CamelOpenRouterStreamIndex, CamelOpenRouterResponseId,"
                            + " CamelOpenRouterStreamCorrelationId), then one last exchange with"
                            + " CamelOpenRouterStreamEnd=true. Setting it turns stream on. A slow endpoint slows the"
                            + " reading of the stream instead of filling memory.")
    private String streamTo;

    @UriParam(label = "chat", defaultValue = "false",
              description = "Before sending, check that the model accepts every image, PDF, audio and video part (its"
                            + " input_modalities in OpenRouter's model list, cached for modelsCacheTtl); refuse with an"
                            + " OpenRouterInputException naming the models that would accept it, sending nothing.")
    private boolean checkModalities;

    @UriParam(label = "models",
              description = "Only models that accept all of these input modalities (comma-separated: text, image,"
                            + " file, audio, video).")
    private String inputModalities;

    @UriParam(label = "models",
              description = "Only models that produce all of these output modalities (comma-separated: text, image,"
                            + " embeddings, audio, ...; all for every model). When not set, OpenRouter lists models"
                            + " with text output.")
    private String outputModalities;

    @UriParam(label = "models",
              description = "Only models that support all of these request parameters (comma-separated, for example"
                            + " tools,response_format).")
    private String supportedParameter;

    @UriParam(label = "models", defaultValue = "" + DEFAULT_MODELS_CACHE_TTL, javaType = "java.time.Duration",
              description = "How long, in milliseconds, the component keeps a model list it fetched (per filter) before"
                            + " asking OpenRouter again; shared by the models operation and checkModalities. 0 disables"
                            + " the cache.")
    private long modelsCacheTtl = DEFAULT_MODELS_CACHE_TTL;

    @UriParam(label = "embeddings",
              description = "The number of dimensions of the embeddings, for models that can shorten them.")
    private Integer dimensions;

    @UriParam(label = "embeddings", enums = "float,base64",
              description = "How OpenRouter encodes the vectors on the wire: float (JSON numbers) or base64 (smaller"
                            + " replies). The body is a List of float[] either way.")
    private String encodingFormat;

    @UriParam(label = "generation", defaultValue = "" + DEFAULT_GENERATION_WAIT, javaType = "java.time.Duration",
              description = "How long, in milliseconds, a 404 from the generation endpoint is asked again (every 250"
                            + " ms): OpenRouter makes a generation readable a moment after the call. 0 fails at once.")
    private long generationWait = DEFAULT_GENERATION_WAIT;

    // model fallbacks and provider routing (read in request/RoutingSettings)

    @UriParam(label = "routing",
              description = "Models to try, in order, when the model (the model option or CamelOpenRouterModel header)"
                            + " is unavailable or refuses the request: comma-separated model ids, sent as OpenRouter's"
                            + " models list after the model. CamelOpenRouterResponseModel says which one answered.")
    private String fallbackModels;

    @UriParam(label = "routing",
              description = "Provider slugs to try in this order (comma-separated, for example anthropic,openai):"
                            + " provider.order.")
    private String providerOrder;

    @UriParam(label = "routing",
              description = "The only provider slugs that may serve the request (comma-separated): provider.only.")
    private String providerOnly;

    @UriParam(label = "routing",
              description = "Provider slugs that must not serve the request (comma-separated): provider.ignore.")
    private String providerIgnore;

    @UriParam(label = "routing",
              description = "Whether OpenRouter may use other providers when the preferred ones are unavailable"
                            + " (provider.allow_fallbacks; OpenRouter's default is true).")
    private Boolean allowFallbacks;

    @UriParam(label = "routing",
              description = "Only use providers that support every parameter of the request"
                            + " (provider.require_parameters; OpenRouter's default is false).")
    private Boolean requireParameters;

    @UriParam(label = "routing",
              description = "Only use Zero Data Retention endpoints (provider.zdr).")
    private Boolean zdr;

    @UriParam(label = "routing", enums = "allow,deny",
              description = "Whether providers that store or train on prompts may be used: allow (OpenRouter's"
                            + " default) or deny (provider.data_collection).")
    private String dataCollection;

    @UriParam(label = "routing", enums = "price,throughput,latency,exacto",
              description = "Sort the providers by price, throughput or latency (or exacto, OpenRouter's"
                            + " tool-calling quality ranking) instead of load balancing (provider.sort).")
    private String providerSort;

    @UriParam(label = "routing",
              description = "The highest price, in USD per million prompt tokens, a provider may charge"
                            + " (provider.max_price.prompt).")
    private Double maxPricePrompt;

    @UriParam(label = "routing",
              description = "The highest price, in USD per million completion tokens, a provider may charge"
                            + " (provider.max_price.completion).")
    private Double maxPriceCompletion;

    @UriParam(label = "routing",
              description = "Only providers serving the model at these quantization levels (comma-separated: int4,"
                            + " int8, fp4, mxfp4, nvfp4, fp6, fp8, mxfp8, fp16, bf16, fp32, unknown):"
                            + " provider.quantizations.")
    private String quantizations;

    // reasoning (read in request/ReasoningSettings)

    @UriParam(label = "reasoning", enums = "none,minimal,low,medium,high,xhigh,max",
              description = "How hard a reasoning model thinks before it answers (reasoning.effort): none, minimal,"
                            + " low, medium, high, xhigh or max. Cannot be combined with reasoningMaxTokens.")
    private String reasoningEffort;

    @UriParam(label = "reasoning",
              description = "The token budget of a reasoning model's thinking (reasoning.max_tokens), for models that"
                            + " take a budget rather than an effort. Cannot be combined with reasoningEffort.")
    private Integer reasoningMaxTokens;

    @UriParam(label = "reasoning",
              description = "Let the model reason but leave the reasoning text out of the reply (reasoning.exclude);"
                            + " its tokens are still counted and billed.")
    private Boolean reasoningExclude;

    // prompt caching (read in request/CacheSettings)

    @UriParam(label = "caching", enums = "none,ephemeral,1h", defaultValue = "none",
              description = "Prompt caching: none sends nothing (the provider's own caching applies); ephemeral sends"
                            + " cache_control {type: ephemeral}, so OpenRouter marks the last cacheable block for the"
                            + " provider's cache (about 5 minutes); 1h asks for a one-hour cache (ttl: 1h). Cache reads"
                            + " and writes are reported in CamelOpenRouterCachedTokens and CamelOpenRouterCacheWriteTokens.")
    private String cacheControl = "none";

    // web search (read in request/WebSearchSettings)

    @UriParam(label = "websearch", defaultValue = "false",
              description = "Let the model search the web (OpenRouter's web plugin); the pages it cites come back in"
                            + " the CamelOpenRouterCitations header. Billed per search by OpenRouter.")
    private boolean webSearch;

    @UriParam(label = "websearch",
              description = "How many search results reach the model (the web plugin's max_results; OpenRouter's default"
                            + " is 5).")
    private Integer webMaxResults;

    @UriParam(label = "websearch", enums = "native,exa,firecrawl,parallel,perplexity",
              description = "The search engine: native (the provider's own search, where the model has one), exa,"
                            + " firecrawl, parallel or perplexity. When not set, OpenRouter uses native where available,"
                            + " else exa.")
    private String webEngine;

    // sampling (read in request/SamplingSettings)

    @UriParam(label = "sampling", description = "Nucleus sampling (top_p), from 0 to 1.")
    private Double topP;

    @UriParam(label = "sampling", description = "Sample only from the K most likely tokens (top_k), 0 or more; 1 always"
                                                + " picks the most likely token.")
    private Integer topK;

    @UriParam(label = "sampling", description = "Drop tokens less likely than min_p times the most likely one (min_p),"
                                                + " from 0 to 1.")
    private Double minP;

    @UriParam(label = "sampling", description = "A random seed, for repeatable answers where the provider supports it.")
    private Long seed;

    @UriParam(label = "sampling", description = "Sequences that end the answer (comma-separated, at most 4).")
    private String stop;

    @UriParam(label = "sampling", description = "Penalise tokens by how often they already appeared"
                                                + " (frequency_penalty), from -2 to 2.")
    private Double frequencyPenalty;

    @UriParam(label = "sampling", description = "Penalise tokens that already appeared at all (presence_penalty), from -2"
                                                + " to 2.")
    private Double presencePenalty;

    @UriParam(label = "sampling", description = "Penalise repeated tokens (repetition_penalty), above 0 and at most 2; 1"
                                                + " means no penalty.")
    private Double repetitionPenalty;

    // tracking (read in request/TrackingSettings)

    @UriParam(label = "tracking", description = "Your end user's id (a stable id, hash or pseudonym), sent as user: OpenRouter"
                                                + " isolates abuse per user instead of blocking the whole account.")
    private String user;

    @UriParam(label = "tracking", description = "Your application's categories (comma-separated), sent as the"
                                                + " X-OpenRouter-Categories attribution header.")
    private String appCategories;

    // pass-through (read in request/RequestExtras)

    @UriParam(label = "advanced", prefix = "additionalBodyProperty.", multiValue = true, javaType = "java.util.Map<String, Object>",
              description = "Request fields the component does not model, merged at the top level of the request JSON:"
                            + " additionalBodyProperty.top_a=0.5 sends \"top_a\":0.5. A value that is JSON (a number,"
                            + " true/false, an object, an array) is sent as that JSON, anything else as a string. A field"
                            + " a typed option sets is refused, naming the option.")
    private Map<String, Object> additionalBodyProperty;

    @UriParam(label = "health", defaultValue = "" + DEFAULT_HEALTH_CHECK_INTERVAL, javaType = "java.time.Duration",
              description = "How often, in milliseconds, the producer health check asks OpenRouter for the account's"
                            + " credits (GET /credits, or GET /key for a key that is not a management key). Readiness"
                            + " reads the last answer, so probes of the health endpoint never call OpenRouter. Only"
                            + " while producer health checks are enabled (camel.health.producersEnabled=true).")
    private long healthCheckInterval = DEFAULT_HEALTH_CHECK_INTERVAL;

    public OpenRouterOperation getOperation() {
        return operation;
    }

    public void setOperation(OpenRouterOperation operation) {
        this.operation = operation;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public String getSystemMessage() {
        return systemMessage;
    }

    public void setSystemMessage(String systemMessage) {
        this.systemMessage = systemMessage;
    }

    public String getPdfEngine() {
        return pdfEngine;
    }

    public void setPdfEngine(String pdfEngine) {
        this.pdfEngine = pdfEngine;
    }

    public String getImageDetail() {
        return imageDetail;
    }

    public void setImageDetail(String imageDetail) {
        this.imageDetail = imageDetail;
    }

    public Double getTemperature() {
        return temperature;
    }

    public void setTemperature(Double temperature) {
        this.temperature = temperature;
    }

    public String getJsonSchema() {
        return jsonSchema;
    }

    public void setJsonSchema(String jsonSchema) {
        this.jsonSchema = jsonSchema;
    }

    /** A {@code Class}, a class name, or null. */
    public Object getOutputClass() {
        return outputClass;
    }

    /** @param outputClass a {@code Class} or a fully qualified class name */
    public void setOutputClass(Object outputClass) {
        this.outputClass = outputClass;
    }

    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = schemaName;
    }

    public boolean isStrictSchema() {
        return strictSchema;
    }

    public void setStrictSchema(boolean strictSchema) {
        this.strictSchema = strictSchema;
    }

    public String getResponseFormat() {
        return responseFormat;
    }

    public void setResponseFormat(String responseFormat) {
        this.responseFormat = responseFormat;
    }

    public Boolean getResponseHealing() {
        return responseHealing;
    }

    public void setResponseHealing(Boolean responseHealing) {
        this.responseHealing = responseHealing;
    }

    public Integer getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public long getMaxFileSize() {
        return maxFileSize;
    }

    public void setMaxFileSize(long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    public long getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public String getInternalUrls() {
        return internalUrls;
    }

    public void setInternalUrls(String internalUrls) {
        this.internalUrls = internalUrls;
    }

    public int getConversationMaxTurns() {
        return conversationMaxTurns;
    }

    public void setConversationMaxTurns(int conversationMaxTurns) {
        this.conversationMaxTurns = conversationMaxTurns;
    }

    public String getAppUrl() {
        return appUrl;
    }

    public void setAppUrl(String appUrl) {
        this.appUrl = appUrl;
    }

    public String getAppTitle() {
        return appTitle;
    }

    public void setAppTitle(String appTitle) {
        this.appTitle = appTitle;
    }

    public HttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public int getClientThreads() {
        return clientThreads;
    }

    public void setClientThreads(int clientThreads) {
        this.clientThreads = clientThreads;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public ConversationStore getConversationStore() {
        return conversationStore;
    }

    public void setConversationStore(ConversationStore conversationStore) {
        this.conversationStore = conversationStore;
    }

    public DataSource getConversationDataSource() {
        return conversationDataSource;
    }

    public void setConversationDataSource(DataSource conversationDataSource) {
        this.conversationDataSource = conversationDataSource;
    }

    public boolean isConversationCreateTables() {
        return conversationCreateTables;
    }

    public void setConversationCreateTables(boolean conversationCreateTables) {
        this.conversationCreateTables = conversationCreateTables;
    }

    public long getConversationTtl() {
        return conversationTtl;
    }

    public void setConversationTtl(long conversationTtl) {
        this.conversationTtl = conversationTtl;
    }

    public int getConversationMaxCount() {
        return conversationMaxCount;
    }

    public void setConversationMaxCount(int conversationMaxCount) {
        this.conversationMaxCount = conversationMaxCount;
    }

    public long getConversationMaxBytes() {
        return conversationMaxBytes;
    }

    public void setConversationMaxBytes(long conversationMaxBytes) {
        this.conversationMaxBytes = conversationMaxBytes;
    }

    public String getFilesAction() {
        return filesAction;
    }

    public void setFilesAction(String filesAction) {
        this.filesAction = filesAction;
    }

    public boolean isStream() {
        return stream;
    }

    public void setStream(boolean stream) {
        this.stream = stream;
    }

    public String getStreamTo() {
        return streamTo;
    }

    public void setStreamTo(String streamTo) {
        this.streamTo = streamTo;
    }

    public boolean isUploadFiles() {
        return uploadFiles;
    }

    public void setUploadFiles(boolean uploadFiles) {
        this.uploadFiles = uploadFiles;
    }

    public boolean isCheckModalities() {
        return checkModalities;
    }

    public void setCheckModalities(boolean checkModalities) {
        this.checkModalities = checkModalities;
    }

    public String getInputModalities() {
        return inputModalities;
    }

    public void setInputModalities(String inputModalities) {
        this.inputModalities = inputModalities;
    }

    public String getOutputModalities() {
        return outputModalities;
    }

    public void setOutputModalities(String outputModalities) {
        this.outputModalities = outputModalities;
    }

    public String getSupportedParameter() {
        return supportedParameter;
    }

    public void setSupportedParameter(String supportedParameter) {
        this.supportedParameter = supportedParameter;
    }

    public long getModelsCacheTtl() {
        return modelsCacheTtl;
    }

    public void setModelsCacheTtl(long modelsCacheTtl) {
        this.modelsCacheTtl = modelsCacheTtl;
    }

    public Integer getDimensions() {
        return dimensions;
    }

    public void setDimensions(Integer dimensions) {
        this.dimensions = dimensions;
    }

    public String getEncodingFormat() {
        return encodingFormat;
    }

    public void setEncodingFormat(String encodingFormat) {
        this.encodingFormat = encodingFormat;
    }

    public long getGenerationWait() {
        return generationWait;
    }

    public void setGenerationWait(long generationWait) {
        this.generationWait = generationWait;
    }

    public String getFallbackModels() {
        return fallbackModels;
    }

    public void setFallbackModels(String fallbackModels) {
        this.fallbackModels = fallbackModels;
    }

    public String getProviderOrder() {
        return providerOrder;
    }

    public void setProviderOrder(String providerOrder) {
        this.providerOrder = providerOrder;
    }

    public String getProviderOnly() {
        return providerOnly;
    }

    public void setProviderOnly(String providerOnly) {
        this.providerOnly = providerOnly;
    }

    public String getProviderIgnore() {
        return providerIgnore;
    }

    public void setProviderIgnore(String providerIgnore) {
        this.providerIgnore = providerIgnore;
    }

    public Boolean getAllowFallbacks() {
        return allowFallbacks;
    }

    public void setAllowFallbacks(Boolean allowFallbacks) {
        this.allowFallbacks = allowFallbacks;
    }

    public Boolean getRequireParameters() {
        return requireParameters;
    }

    public void setRequireParameters(Boolean requireParameters) {
        this.requireParameters = requireParameters;
    }

    public Boolean getZdr() {
        return zdr;
    }

    public void setZdr(Boolean zdr) {
        this.zdr = zdr;
    }

    public String getDataCollection() {
        return dataCollection;
    }

    public void setDataCollection(String dataCollection) {
        this.dataCollection = dataCollection;
    }

    public String getProviderSort() {
        return providerSort;
    }

    public void setProviderSort(String providerSort) {
        this.providerSort = providerSort;
    }

    public Double getMaxPricePrompt() {
        return maxPricePrompt;
    }

    public void setMaxPricePrompt(Double maxPricePrompt) {
        this.maxPricePrompt = maxPricePrompt;
    }

    public Double getMaxPriceCompletion() {
        return maxPriceCompletion;
    }

    public void setMaxPriceCompletion(Double maxPriceCompletion) {
        this.maxPriceCompletion = maxPriceCompletion;
    }

    public String getQuantizations() {
        return quantizations;
    }

    public void setQuantizations(String quantizations) {
        this.quantizations = quantizations;
    }

    public String getReasoningEffort() {
        return reasoningEffort;
    }

    public void setReasoningEffort(String reasoningEffort) {
        this.reasoningEffort = reasoningEffort;
    }

    public Integer getReasoningMaxTokens() {
        return reasoningMaxTokens;
    }

    public void setReasoningMaxTokens(Integer reasoningMaxTokens) {
        this.reasoningMaxTokens = reasoningMaxTokens;
    }

    public Boolean getReasoningExclude() {
        return reasoningExclude;
    }

    public void setReasoningExclude(Boolean reasoningExclude) {
        this.reasoningExclude = reasoningExclude;
    }

    public String getCacheControl() {
        return cacheControl;
    }

    public void setCacheControl(String cacheControl) {
        this.cacheControl = cacheControl;
    }

    public boolean isWebSearch() {
        return webSearch;
    }

    public void setWebSearch(boolean webSearch) {
        this.webSearch = webSearch;
    }

    public Integer getWebMaxResults() {
        return webMaxResults;
    }

    public void setWebMaxResults(Integer webMaxResults) {
        this.webMaxResults = webMaxResults;
    }

    public String getWebEngine() {
        return webEngine;
    }

    public void setWebEngine(String webEngine) {
        this.webEngine = webEngine;
    }

    public Double getTopP() {
        return topP;
    }

    public void setTopP(Double topP) {
        this.topP = topP;
    }

    public Integer getTopK() {
        return topK;
    }

    public void setTopK(Integer topK) {
        this.topK = topK;
    }

    public Double getMinP() {
        return minP;
    }

    public void setMinP(Double minP) {
        this.minP = minP;
    }

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public String getStop() {
        return stop;
    }

    public void setStop(String stop) {
        this.stop = stop;
    }

    public Double getFrequencyPenalty() {
        return frequencyPenalty;
    }

    public void setFrequencyPenalty(Double frequencyPenalty) {
        this.frequencyPenalty = frequencyPenalty;
    }

    public Double getPresencePenalty() {
        return presencePenalty;
    }

    public void setPresencePenalty(Double presencePenalty) {
        this.presencePenalty = presencePenalty;
    }

    public Double getRepetitionPenalty() {
        return repetitionPenalty;
    }

    public void setRepetitionPenalty(Double repetitionPenalty) {
        this.repetitionPenalty = repetitionPenalty;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getAppCategories() {
        return appCategories;
    }

    public void setAppCategories(String appCategories) {
        this.appCategories = appCategories;
    }

    public Map<String, Object> getAdditionalBodyProperty() {
        return additionalBodyProperty;
    }

    public void setAdditionalBodyProperty(Map<String, Object> additionalBodyProperty) {
        this.additionalBodyProperty = additionalBodyProperty;
    }

    public long getHealthCheckInterval() {
        return healthCheckInterval;
    }

    public void setHealthCheckInterval(long healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    public OpenRouterConfiguration copy() {
        try {
            OpenRouterConfiguration copy = (OpenRouterConfiguration) clone();
            // an endpoint's additionalBodyProperty.* must not end up in the component's defaults
            copy.additionalBodyProperty = additionalBodyProperty == null ? null : new LinkedHashMap<>(additionalBodyProperty);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
