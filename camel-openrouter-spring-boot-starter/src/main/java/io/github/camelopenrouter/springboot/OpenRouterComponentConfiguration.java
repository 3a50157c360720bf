package io.github.camelopenrouter.springboot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code camel.component.openrouter.*}: the options of the openrouter component, as Spring Boot binds them
 * (relaxed names, environment variables such as {@code CAMEL_COMPONENT_OPENROUTER_APIKEY}). An unknown name
 * fails the start. Options that take an object (an HttpClient, a ConversationStore, SSLContextParameters)
 * take a reference to a bean, {@code #name}. Durations take {@code 30s}, {@code 5m} or milliseconds.
 *
 * <p>Generated from the component's catalog by StarterSource (tests of this module): do not edit; run
 * {@code mvn -pl camel-openrouter-spring-boot-starter test -Dtest=StarterMatchesCatalogTest
 * -Dopenrouter.starter.update=true} after adding an option.
 */
@ConfigurationProperties(prefix = "camel.component.openrouter", ignoreUnknownFields = false)
public class OpenRouterComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Your application's name, sent as the X-OpenRouter-Title (and X-Title) attribution header.
     */
    private String appTitle;

    /**
     * Your application's URL, sent as the HTTP-Referer attribution header (it appears in OpenRouter's rankings and
     * your activity log).
     */
    private String appUrl;

    /**
     * The base URL of the OpenRouter API (an OpenRouter-compatible gateway or a test server may be used instead).
     * Default: https://openrouter.ai/api/v1.
     */
    private String baseUrl;

    /**
     * The detail level requested for images; when not set, the provider's default applies. One of: auto, low, high.
     */
    private String imageDetail;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing. Default: false.
     */
    private Boolean lazyStartProducer;

    /**
     * The largest file, in bytes, that is sent; a larger one fails the exchange before anything is sent. 0 or less
     * disables the check. Default: 67108864.
     */
    private Long maxFileSize;

    /**
     * The maximum number of tokens to generate.
     */
    private Integer maxTokens;

    /**
     * The model to use, for example google/gemini-2.5-flash. When neither this option nor the CamelOpenRouterModel
     * header is set, OpenRouter uses the account's default model.
     */
    private String model;

    /**
     * The engine OpenRouter uses to parse PDFs: mistral-ocr (scanned documents, paid per page), cloudflare-ai (free),
     * native (the model reads the file; billed as input tokens) or pdf-text (deprecated alias of cloudflare-ai). When
     * not set, OpenRouter uses the model's native file support and may fall back to the paid mistral-ocr. One of:
     * mistral-ocr, cloudflare-ai, native, pdf-text.
     */
    private String pdfEngine;

    /**
     * An instruction sent as the first text part of the user message, before the body.
     */
    private String prompt;

    /**
     * A system message sent before the user message.
     */
    private String systemMessage;

    /**
     * Sampling temperature, from 0 to 2.
     */
    private Double temperature;

    /**
     * Lower the limit on requests in flight when OpenRouter refuses for load (429, 503) to the number it was still
     * holding (by at most half for one burst of refusals), pause every queued request for the Retry-After, and
     * remember that level as the key's capacity: the limit tries one more only after ten times that pause (at least a
     * second) without a refusal, twice as long after each such try the server refuses, at most every 5 minutes. A
     * refusal while other requests were in flight is the component's own burst and does not count against maxRetries.
     * false keeps the limit at maxConcurrentRequests. Default: true.
     */
    private Boolean adaptiveConcurrency;

    /**
     * Request fields the component does not model, merged at the top level of the request JSON:
     * additionalBodyProperty.top_a=0.5 sends top_a:0.5. A value that is JSON (a number, true/false, an object, an
     * array) is sent as that JSON, anything else as a string. A field a typed option sets is refused, naming the
     * option. This is a multi-value option with prefix: additionalBodyProperty. A reference to a bean of type
     * java.util.Map<String, Object>, as #name.
     */
    private String additionalBodyProperty;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc. Default: true.
     */
    private Boolean autowiredEnabled;

    /**
     * I/O threads of the HTTP client the component creates; endpoints with the same connectTimeout,
     * sslContextParameters and clientThreads share one client (its connections and threads). Requests in flight hold
     * no thread, so a few threads serve thousands of concurrent requests; the route continues on the component's
     * workerThreads, not here. Default: 4.
     */
    private Integer clientThreads;

    /**
     * Whether the conversation store of conversationDataSource creates its tables on first use (CREATE TABLE IF NOT
     * EXISTS); turn it off when the schema is managed elsewhere (the DDL is in the documentation). Default: true.
     */
    private Boolean conversationCreateTables;

    /**
     * A javax.sql.DataSource (for example #myDataSource) whose database keeps the conversations: the component then
     * uses a JdbcConversationStore on it, one per DataSource shared by its endpoints, so that several Camel instances
     * continue each other's conversations and a restart forgets nothing. Its tables are created on first use
     * (conversationCreateTables); it keeps the newest conversationMaxTurns turns of each conversation and expires them
     * after conversationTtl. Tested on PostgreSQL. Not together with conversationStore. A reference to a bean of type
     * javax.sql.DataSource, as #name.
     */
    private String conversationDataSource;

    /**
     * The most bytes (files and text) the default in-memory conversation store keeps; the least recently used
     * conversations go first. Default: 134217728.
     */
    private Long conversationMaxBytes;

    /**
     * The most conversations the default in-memory store keeps; the least recently used go first. Default: 1000.
     */
    private Integer conversationMaxCount;

    /**
     * The most turns (a question and its answer) of one conversation sent with a new question; older turns are
     * dropped, oldest first, and the default in-memory store keeps no more. Bounds what a long-running conversation
     * costs per request (every turn is sent, and billed, again) and what it holds in memory. Default: 50.
     */
    private Integer conversationMaxTurns;

    /**
     * Where conversations (see the CamelOpenRouterConversationId header) are kept. Defaults to a bounded in-memory
     * store per endpoint; supply a shared implementation to serve several nodes (for example #jdbcStore, a
     * JdbcConversationStore bean), or set conversationDataSource instead. A reference to a bean of type
     * io.github.camelopenrouter.conversation.ConversationStore, as #name.
     */
    private String conversationStore;

    /**
     * How long a conversation lives after its last turn, in milliseconds (or a duration such as 30m): an older
     * conversation starts afresh. Applies to the default in-memory store and to the store of conversationDataSource,
     * which deletes expired conversations in small batches. 0, the default, never expires a conversation (the stores'
     * other bounds still apply). Default: 0 ms.
     */
    private Duration conversationTtl;

    /**
     * A java.net.http.HttpClient to use instead of the one the endpoint creates (for a proxy, a custom SSL context or
     * an executor of your own). The endpoint does not close it. A reference to a bean of type
     * java.net.http.HttpClient, as #name.
     */
    private String httpClient;

    /**
     * The most requests this component's endpoints together have in flight to OpenRouter; more wait, in the order they
     * came, holding no thread. The asynchronous producer takes what a route offers without waiting for replies (a seda
     * consumer hands over its whole backlog), so without this limit a backlog becomes as many requests at once. 64
     * keeps a few dozen model calls of several seconds each going (tens of requests per second) while staying under
     * the concurrency a single key is usually allowed; raise it for a key with more. Default: 64.
     */
    private Integer maxConcurrentRequests;

    /**
     * The largest reply body read from OpenRouter, in bytes (default 64 MB). A longer reply - a runaway generation, a
     * broken or hostile server sending without end - fails the exchange with ResponseTooLargeException (error type
     * response_too_large, not retried) and its connection is closed, instead of filling the heap. Raise it to download
     * larger files. Default: 67108864.
     */
    private Long maxResponseSize;

    /**
     * How long a request may wait for a free slot (see maxConcurrentRequests), in milliseconds, before its exchange
     * fails with a QueueTimeoutException (error type queue_timeout) and nothing sent. The wait counts towards no
     * attempt's requestTimeout. 0, the default, waits as long as it takes: the queue always moves, since every attempt
     * in flight ends within requestTimeout, and failing exchanges the route has already handed over only because the
     * component is busy would turn a backlog into dead letters. Default: 0 ms.
     */
    private Duration queueTimeout;

    /**
     * Threads the route continues on once a reply is in (shared by the component's endpoints, from Camel's
     * ExecutorServiceManager). The HTTP client's own threads (clientThreads) only do I/O, so a slow step after the
     * call delays no other reply while a worker is free; give blocking work after the call as many threads as it may
     * block at once. Default: 10.
     */
    private Integer workerThreads;

    /**
     * Prompt caching: none sends nothing (the provider's own caching applies); ephemeral sends cache_control {type:
     * ephemeral}, so OpenRouter marks the last cacheable block for the provider's cache (about 5 minutes); 1h asks for
     * a one-hour cache (ttl: 1h). Cache reads and writes are reported in CamelOpenRouterCachedTokens and
     * CamelOpenRouterCacheWriteTokens. One of: none, ephemeral, 1h. Default: none.
     */
    private String cacheControl;

    /**
     * Before sending, check that the model accepts every image, PDF, audio and video part (its input_modalities in
     * OpenRouter's model list, cached for modelsCacheTtl); refuse with an OpenRouterInputException naming the models
     * that would accept it, sending nothing. Default: false.
     */
    private Boolean checkModalities;

    /**
     * Upload each file (PDF) of the message to OpenRouter's Files API once and reference it by file_id instead of
     * sending its bytes; in a conversation the store then keeps the id, so follow-up questions send neither the file
     * nor its parse again. Default: false.
     */
    private Boolean uploadFiles;

    /**
     * The number of dimensions of the embeddings, for models that can shorten them.
     */
    private Integer dimensions;

    /**
     * How OpenRouter encodes the vectors on the wire: float (JSON numbers) or base64 (smaller replies). The body is a
     * List of float either way. One of: float, base64.
     */
    private String encodingFormat;

    /**
     * What the files operation does: upload sends the body (any binary body chat accepts) to OpenRouter's Files API
     * and sets the CamelOpenRouterFileId header; list returns the files; get, delete and download act on the file
     * named by the CamelOpenRouterFileId header (or a body that is a file record or id). One of: upload, list, get,
     * delete, download. Default: upload.
     */
    private String filesAction;

    /**
     * How long, in milliseconds, a 404 from the generation endpoint is asked again (every 250 ms): OpenRouter makes a
     * generation readable a moment after the call. 0 fails at once. Default: 3000 ms.
     */
    private Duration generationWait;

    /**
     * Used for enabling or disabling all consumer based health checks from this component. Default: true.
     */
    private Boolean healthCheckConsumerEnabled;

    /**
     * How often, in milliseconds, the producer health check asks OpenRouter for the account's credits (GET /credits,
     * or GET /key for a key that is not a management key). Readiness reads the last answer, so probes of the health
     * endpoint never call OpenRouter. Only while producer health checks are enabled
     * (camel.health.producersEnabled=true). Default: 60000 ms.
     */
    private Duration healthCheckInterval;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true. Default: true.
     */
    private Boolean healthCheckProducerEnabled;

    /**
     * Only models that accept all of these input modalities (comma-separated: text, image, file, audio, video).
     */
    private String inputModalities;

    /**
     * How long, in milliseconds, the component keeps a model list it fetched (per filter) before asking OpenRouter
     * again; shared by the models operation and checkModalities. 0 disables the cache. Default: 3600000 ms.
     */
    private Duration modelsCacheTtl;

    /**
     * Only models that produce all of these output modalities (comma-separated: text, image, embeddings, audio, ...;
     * all for every model). When not set, OpenRouter lists models with text output.
     */
    private String outputModalities;

    /**
     * Only models that support all of these request parameters (comma-separated, for example tools,response_format).
     */
    private String supportedParameter;

    /**
     * The password for proxyAuthUsername.
     */
    private String proxyAuthPassword;

    /**
     * The user name for an HTTP proxy that asks for credentials (Basic authentication, sent with every request to the
     * proxy only). For an https baseUrl the JVM must allow Basic credentials on tunnels: start it with
     * -Djdk.http.auth.tunneling.disabledSchemes= (the JDK refuses them by default); the endpoint refuses to start
     * otherwise, saying so.
     */
    private String proxyAuthUsername;

    /**
     * The HTTP proxy to reach OpenRouter through (host name or address), for networks that allow no direct connection.
     * HTTPS goes through it with CONNECT, so the proxy sees the host name but neither the requests nor the API key.
     * Applies to the HTTP client the component creates (not to one given with the httpClient option).
     */
    private String proxyHost;

    /**
     * The port of the HTTP proxy set with proxyHost.
     */
    private Integer proxyPort;

    /**
     * How hard a reasoning model thinks before it answers (reasoning.effort): none, minimal, low, medium, high, xhigh
     * or max. Cannot be combined with reasoningMaxTokens. One of: none, minimal, low, medium, high, xhigh, max.
     */
    private String reasoningEffort;

    /**
     * Let the model reason but leave the reasoning text out of the reply (reasoning.exclude); its tokens are still
     * counted and billed. Default: false.
     */
    private Boolean reasoningExclude;

    /**
     * The token budget of a reasoning model's thinking (reasoning.max_tokens), for models that take a budget rather
     * than an effort. Cannot be combined with reasoningEffort.
     */
    private Integer reasoningMaxTokens;

    /**
     * How long, in milliseconds, connecting to OpenRouter may take. Applies to the HTTP client the endpoint creates
     * (not to one given with the httpClient option). Default: 10000 ms.
     */
    private Duration connectTimeout;

    /**
     * How many times a failed request is sent again: on 408, 429, 500, 502, 503, 524 and 529 replies, a 200 reply
     * carrying such an error, timeouts and connections that failed or dropped before the whole reply arrived. Never on
     * 400, 401, 402, 403 or 413. 0 disables retries. Default: 2.
     */
    private Integer maxRetries;

    /**
     * How long, in milliseconds, one attempt may take from sending the request to the last byte of the reply.
     * Generations with large files or long answers are slow: keep it generous. An attempt that times out counts as
     * retryable, like OpenRouter's own 408. Default: 300000 ms.
     */
    private Duration requestTimeout;

    /**
     * The wait before the first retry, in milliseconds; it doubles with each further retry, up to retryMaxDelay, and
     * is randomised between half and all of that value (jitter). A Retry-After the server sends is waited instead when
     * it is longer. Default: 500 ms.
     */
    private Duration retryInitialDelay;

    /**
     * The longest wait between two attempts, in milliseconds. When the server's Retry-After asks for a longer wait,
     * the request is not retried and the exchange fails at once with that error (see
     * OpenRouterApiException.getRetryAfter()). Default: 30000 ms.
     */
    private Duration retryMaxDelay;

    /**
     * Whether OpenRouter may use other providers when the preferred ones are unavailable (provider.allow_fallbacks;
     * OpenRouter's default is true). Default: false.
     */
    private Boolean allowFallbacks;

    /**
     * Whether providers that store or train on prompts may be used: allow (OpenRouter's default) or deny
     * (provider.data_collection). One of: allow, deny.
     */
    private String dataCollection;

    /**
     * Models to try, in order, when the model (the model option or CamelOpenRouterModel header) is unavailable or
     * refuses the request: comma-separated model ids, sent as OpenRouter's models list after the model.
     * CamelOpenRouterResponseModel says which one answered.
     */
    private String fallbackModels;

    /**
     * The highest price, in USD per million completion tokens, a provider may charge (provider.max_price.completion).
     */
    private Double maxPriceCompletion;

    /**
     * The highest price, in USD per million prompt tokens, a provider may charge (provider.max_price.prompt).
     */
    private Double maxPricePrompt;

    /**
     * Provider slugs that must not serve the request (comma-separated): provider.ignore.
     */
    private String providerIgnore;

    /**
     * The only provider slugs that may serve the request (comma-separated): provider.only.
     */
    private String providerOnly;

    /**
     * Provider slugs to try in this order (comma-separated, for example anthropic,openai): provider.order.
     */
    private String providerOrder;

    /**
     * Sort the providers by price, throughput or latency (or exacto, OpenRouter's tool-calling quality ranking)
     * instead of load balancing (provider.sort). One of: price, throughput, latency, exacto.
     */
    private String providerSort;

    /**
     * Only providers serving the model at these quantization levels (comma-separated: int4, int8, fp4, mxfp4, nvfp4,
     * fp6, fp8, mxfp8, fp16, bf16, fp32, unknown): provider.quantizations.
     */
    private String quantizations;

    /**
     * Only use providers that support every parameter of the request (provider.require_parameters; OpenRouter's
     * default is false). Default: false.
     */
    private Boolean requireParameters;

    /**
     * Only use Zero Data Retention endpoints (provider.zdr). Default: false.
     */
    private Boolean zdr;

    /**
     * Penalise tokens by how often they already appeared (frequency_penalty), from -2 to 2.
     */
    private Double frequencyPenalty;

    /**
     * Drop tokens less likely than min_p times the most likely one (min_p), from 0 to 1.
     */
    private Double minP;

    /**
     * Penalise tokens that already appeared at all (presence_penalty), from -2 to 2.
     */
    private Double presencePenalty;

    /**
     * Penalise repeated tokens (repetition_penalty), above 0 and at most 2; 1 means no penalty.
     */
    private Double repetitionPenalty;

    /**
     * A random seed, for repeatable answers where the provider supports it.
     */
    private Long seed;

    /**
     * Sequences that end the answer (comma-separated, at most 4).
     */
    private String stop;

    /**
     * Sample only from the K most likely tokens (top_k), 0 or more; 1 always picks the most likely token.
     */
    private Integer topK;

    /**
     * Nucleus sampling (top_p), from 0 to 1.
     */
    private Double topP;

    /**
     * The OpenRouter API key. When not set, the environment variable OPENROUTER_API_KEY is used; when neither is set
     * the endpoint does not start.
     */
    private String apiKey;

    /**
     * What to do when the message body holds a URL to an internal address (loopback, private or link-local such as the
     * cloud metadata service 169.254.169.254, localhost, .internal) or a URL carrying credentials (user info, a token
     * or signature query parameter), which would go to OpenRouter and the model's provider: warn (log a WARN line
     * naming the host and parameter, never the URL, and send), refuse (fail with OpenRouterInputException before
     * sending) or allow. Endpoint option, not a header: a sender cannot switch it off. One of: warn, refuse, allow.
     * Default: warn.
     */
    private String internalUrls;

    /**
     * TLS settings (trust store, key store, protocols) of the HTTP client the endpoint creates, for example to trust a
     * private CA in front of OpenRouter. Certificates are always verified; without this option the JVM's default trust
     * store is used. Cannot be combined with the httpClient option (configure the SSLContext on that client instead).
     * A reference to a bean of type org.apache.camel.support.jsse.SSLContextParameters, as #name.
     */
    private String sslContextParameters;

    /**
     * Use the CamelContext's global SSL context parameters when an endpoint has no sslContextParameters (and no
     * httpClient of its own). Default: false.
     */
    private Boolean useGlobalSslContextParameters;

    /**
     * Ask OpenRouter to stream the answer (stream: true, server-sent events): the exchange still completes with the
     * whole answer and every reply header, and also gets CamelOpenRouterTimeToFirstToken; the connection stays busy
     * while the model thinks, so idle-cutting proxies do not drop long answers. Implied by streamTo. Default: false.
     */
    private Boolean stream;

    /**
     * An endpoint URI (seda:partial, kafka:answers, vertx-websocket:...) that receives every text delta of a streamed
     * answer as its own exchange, in order (headers CamelOpenRouterStreamIndex, CamelOpenRouterResponseId,
     * CamelOpenRouterStreamCorrelationId), then one last exchange with CamelOpenRouterStreamEnd=true. Setting it turns
     * stream on. A slow endpoint slows the reading of the stream instead of filling memory.
     */
    private String streamTo;

    /**
     * The JSON Schema the answer must follow: inline JSON ({...}) or a resource (classpath:, file:, http:, loaded once
     * when the endpoint starts). Sent as response_format json_schema; the answer is checked against it and becomes the
     * body as JSON text. The CamelOpenRouterJsonSchema header replaces it per exchange.
     */
    private String jsonSchema;

    /**
     * A Java class (a Class, or its fully qualified name) the answer is unmarshalled into (with Jackson) as the body;
     * its JSON Schema is generated from the class (victools jsonschema-generator, Jackson annotations honoured) and
     * sent as response_format json_schema. Cannot be combined with jsonSchema. A reference to a bean of type
     * java.lang.Object, as #name.
     */
    private String outputClass;

    /**
     * The answer's format: text, json_object (any JSON object, checked to be one) or json_schema (implied by
     * jsonSchema and outputClass, which it needs). When not set, the model answers in text unless a schema is given.
     * One of: text, json_object, json_schema.
     */
    private String responseFormat;

    /**
     * Whether OpenRouter's response-healing plugin repairs malformed JSON answers (a code fence, prose around the
     * JSON, a missing bracket). Defaults to true whenever JSON output is requested; false sends the plugin with
     * enabled false, so an account default cannot turn it on. Never sent when the answer is text. Default: false.
     */
    private Boolean responseHealing;

    /**
     * The name of the schema sent in response_format.json_schema.name. Default: answer.
     */
    private String schemaName;

    /**
     * Whether the model must follow the schema exactly (response_format.json_schema.strict). Default: true.
     */
    private Boolean strictSchema;

    /**
     * Your application's categories (comma-separated), sent as the X-OpenRouter-Categories attribution header.
     */
    private String appCategories;

    /**
     * Your end user's id (a stable id, hash or pseudonym), sent as user: OpenRouter isolates abuse per user instead of
     * blocking the whole account.
     */
    private String user;

    /**
     * The search engine: native (the provider's own search, where the model has one), exa, firecrawl, parallel or
     * perplexity. When not set, OpenRouter uses native where available, else exa. One of: native, exa, firecrawl,
     * parallel, perplexity.
     */
    private String webEngine;

    /**
     * How many search results reach the model (the web plugin's max_results; OpenRouter's default is 5).
     */
    private Integer webMaxResults;

    /**
     * Let the model search the web (OpenRouter's web plugin); the pages it cites come back in the
     * CamelOpenRouterCitations header. Billed per search by OpenRouter. Default: false.
     */
    private Boolean webSearch;

    public String getAppTitle() {
        return appTitle;
    }

    public void setAppTitle(String appTitle) {
        this.appTitle = appTitle;
    }

    public String getAppUrl() {
        return appUrl;
    }

    public void setAppUrl(String appUrl) {
        this.appUrl = appUrl;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getImageDetail() {
        return imageDetail;
    }

    public void setImageDetail(String imageDetail) {
        this.imageDetail = imageDetail;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Long getMaxFileSize() {
        return maxFileSize;
    }

    public void setMaxFileSize(Long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    public Integer getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getPdfEngine() {
        return pdfEngine;
    }

    public void setPdfEngine(String pdfEngine) {
        this.pdfEngine = pdfEngine;
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

    public Double getTemperature() {
        return temperature;
    }

    public void setTemperature(Double temperature) {
        this.temperature = temperature;
    }

    public Boolean getAdaptiveConcurrency() {
        return adaptiveConcurrency;
    }

    public void setAdaptiveConcurrency(Boolean adaptiveConcurrency) {
        this.adaptiveConcurrency = adaptiveConcurrency;
    }

    public String getAdditionalBodyProperty() {
        return additionalBodyProperty;
    }

    public void setAdditionalBodyProperty(String additionalBodyProperty) {
        this.additionalBodyProperty = additionalBodyProperty;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Integer getClientThreads() {
        return clientThreads;
    }

    public void setClientThreads(Integer clientThreads) {
        this.clientThreads = clientThreads;
    }

    public Boolean getConversationCreateTables() {
        return conversationCreateTables;
    }

    public void setConversationCreateTables(Boolean conversationCreateTables) {
        this.conversationCreateTables = conversationCreateTables;
    }

    public String getConversationDataSource() {
        return conversationDataSource;
    }

    public void setConversationDataSource(String conversationDataSource) {
        this.conversationDataSource = conversationDataSource;
    }

    public Long getConversationMaxBytes() {
        return conversationMaxBytes;
    }

    public void setConversationMaxBytes(Long conversationMaxBytes) {
        this.conversationMaxBytes = conversationMaxBytes;
    }

    public Integer getConversationMaxCount() {
        return conversationMaxCount;
    }

    public void setConversationMaxCount(Integer conversationMaxCount) {
        this.conversationMaxCount = conversationMaxCount;
    }

    public Integer getConversationMaxTurns() {
        return conversationMaxTurns;
    }

    public void setConversationMaxTurns(Integer conversationMaxTurns) {
        this.conversationMaxTurns = conversationMaxTurns;
    }

    public String getConversationStore() {
        return conversationStore;
    }

    public void setConversationStore(String conversationStore) {
        this.conversationStore = conversationStore;
    }

    public Duration getConversationTtl() {
        return conversationTtl;
    }

    public void setConversationTtl(Duration conversationTtl) {
        this.conversationTtl = conversationTtl;
    }

    public String getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(String httpClient) {
        this.httpClient = httpClient;
    }

    public Integer getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public Long getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(Long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public Duration getQueueTimeout() {
        return queueTimeout;
    }

    public void setQueueTimeout(Duration queueTimeout) {
        this.queueTimeout = queueTimeout;
    }

    public Integer getWorkerThreads() {
        return workerThreads;
    }

    public void setWorkerThreads(Integer workerThreads) {
        this.workerThreads = workerThreads;
    }

    public String getCacheControl() {
        return cacheControl;
    }

    public void setCacheControl(String cacheControl) {
        this.cacheControl = cacheControl;
    }

    public Boolean getCheckModalities() {
        return checkModalities;
    }

    public void setCheckModalities(Boolean checkModalities) {
        this.checkModalities = checkModalities;
    }

    public Boolean getUploadFiles() {
        return uploadFiles;
    }

    public void setUploadFiles(Boolean uploadFiles) {
        this.uploadFiles = uploadFiles;
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

    public String getFilesAction() {
        return filesAction;
    }

    public void setFilesAction(String filesAction) {
        this.filesAction = filesAction;
    }

    public Duration getGenerationWait() {
        return generationWait;
    }

    public void setGenerationWait(Duration generationWait) {
        this.generationWait = generationWait;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Duration getHealthCheckInterval() {
        return healthCheckInterval;
    }

    public void setHealthCheckInterval(Duration healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getInputModalities() {
        return inputModalities;
    }

    public void setInputModalities(String inputModalities) {
        this.inputModalities = inputModalities;
    }

    public Duration getModelsCacheTtl() {
        return modelsCacheTtl;
    }

    public void setModelsCacheTtl(Duration modelsCacheTtl) {
        this.modelsCacheTtl = modelsCacheTtl;
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

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
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

    public String getReasoningEffort() {
        return reasoningEffort;
    }

    public void setReasoningEffort(String reasoningEffort) {
        this.reasoningEffort = reasoningEffort;
    }

    public Boolean getReasoningExclude() {
        return reasoningExclude;
    }

    public void setReasoningExclude(Boolean reasoningExclude) {
        this.reasoningExclude = reasoningExclude;
    }

    public Integer getReasoningMaxTokens() {
        return reasoningMaxTokens;
    }

    public void setReasoningMaxTokens(Integer reasoningMaxTokens) {
        this.reasoningMaxTokens = reasoningMaxTokens;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(Duration retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public Boolean getAllowFallbacks() {
        return allowFallbacks;
    }

    public void setAllowFallbacks(Boolean allowFallbacks) {
        this.allowFallbacks = allowFallbacks;
    }

    public String getDataCollection() {
        return dataCollection;
    }

    public void setDataCollection(String dataCollection) {
        this.dataCollection = dataCollection;
    }

    public String getFallbackModels() {
        return fallbackModels;
    }

    public void setFallbackModels(String fallbackModels) {
        this.fallbackModels = fallbackModels;
    }

    public Double getMaxPriceCompletion() {
        return maxPriceCompletion;
    }

    public void setMaxPriceCompletion(Double maxPriceCompletion) {
        this.maxPriceCompletion = maxPriceCompletion;
    }

    public Double getMaxPricePrompt() {
        return maxPricePrompt;
    }

    public void setMaxPricePrompt(Double maxPricePrompt) {
        this.maxPricePrompt = maxPricePrompt;
    }

    public String getProviderIgnore() {
        return providerIgnore;
    }

    public void setProviderIgnore(String providerIgnore) {
        this.providerIgnore = providerIgnore;
    }

    public String getProviderOnly() {
        return providerOnly;
    }

    public void setProviderOnly(String providerOnly) {
        this.providerOnly = providerOnly;
    }

    public String getProviderOrder() {
        return providerOrder;
    }

    public void setProviderOrder(String providerOrder) {
        this.providerOrder = providerOrder;
    }

    public String getProviderSort() {
        return providerSort;
    }

    public void setProviderSort(String providerSort) {
        this.providerSort = providerSort;
    }

    public String getQuantizations() {
        return quantizations;
    }

    public void setQuantizations(String quantizations) {
        this.quantizations = quantizations;
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

    public Double getFrequencyPenalty() {
        return frequencyPenalty;
    }

    public void setFrequencyPenalty(Double frequencyPenalty) {
        this.frequencyPenalty = frequencyPenalty;
    }

    public Double getMinP() {
        return minP;
    }

    public void setMinP(Double minP) {
        this.minP = minP;
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

    public Integer getTopK() {
        return topK;
    }

    public void setTopK(Integer topK) {
        this.topK = topK;
    }

    public Double getTopP() {
        return topP;
    }

    public void setTopP(Double topP) {
        this.topP = topP;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getInternalUrls() {
        return internalUrls;
    }

    public void setInternalUrls(String internalUrls) {
        this.internalUrls = internalUrls;
    }

    public String getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(String sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public Boolean getStream() {
        return stream;
    }

    public void setStream(Boolean stream) {
        this.stream = stream;
    }

    public String getStreamTo() {
        return streamTo;
    }

    public void setStreamTo(String streamTo) {
        this.streamTo = streamTo;
    }

    public String getJsonSchema() {
        return jsonSchema;
    }

    public void setJsonSchema(String jsonSchema) {
        this.jsonSchema = jsonSchema;
    }

    public String getOutputClass() {
        return outputClass;
    }

    public void setOutputClass(String outputClass) {
        this.outputClass = outputClass;
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

    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = schemaName;
    }

    public Boolean getStrictSchema() {
        return strictSchema;
    }

    public void setStrictSchema(Boolean strictSchema) {
        this.strictSchema = strictSchema;
    }

    public String getAppCategories() {
        return appCategories;
    }

    public void setAppCategories(String appCategories) {
        this.appCategories = appCategories;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getWebEngine() {
        return webEngine;
    }

    public void setWebEngine(String webEngine) {
        this.webEngine = webEngine;
    }

    public Integer getWebMaxResults() {
        return webMaxResults;
    }

    public void setWebMaxResults(Integer webMaxResults) {
        this.webMaxResults = webMaxResults;
    }

    public Boolean getWebSearch() {
        return webSearch;
    }

    public void setWebSearch(Boolean webSearch) {
        this.webSearch = webSearch;
    }

    /** The options that were set, by their Camel names, durations in milliseconds. */
    public Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>();
        put(options, "appTitle", appTitle);
        put(options, "appUrl", appUrl);
        put(options, "baseUrl", baseUrl);
        put(options, "imageDetail", imageDetail);
        put(options, "lazyStartProducer", lazyStartProducer);
        put(options, "maxFileSize", maxFileSize);
        put(options, "maxTokens", maxTokens);
        put(options, "model", model);
        put(options, "pdfEngine", pdfEngine);
        put(options, "prompt", prompt);
        put(options, "systemMessage", systemMessage);
        put(options, "temperature", temperature);
        put(options, "adaptiveConcurrency", adaptiveConcurrency);
        put(options, "additionalBodyProperty", additionalBodyProperty);
        put(options, "autowiredEnabled", autowiredEnabled);
        put(options, "clientThreads", clientThreads);
        put(options, "conversationCreateTables", conversationCreateTables);
        put(options, "conversationDataSource", conversationDataSource);
        put(options, "conversationMaxBytes", conversationMaxBytes);
        put(options, "conversationMaxCount", conversationMaxCount);
        put(options, "conversationMaxTurns", conversationMaxTurns);
        put(options, "conversationStore", conversationStore);
        put(options, "conversationTtl", conversationTtl);
        put(options, "httpClient", httpClient);
        put(options, "maxConcurrentRequests", maxConcurrentRequests);
        put(options, "maxResponseSize", maxResponseSize);
        put(options, "queueTimeout", queueTimeout);
        put(options, "workerThreads", workerThreads);
        put(options, "cacheControl", cacheControl);
        put(options, "checkModalities", checkModalities);
        put(options, "uploadFiles", uploadFiles);
        put(options, "dimensions", dimensions);
        put(options, "encodingFormat", encodingFormat);
        put(options, "filesAction", filesAction);
        put(options, "generationWait", generationWait);
        put(options, "healthCheckConsumerEnabled", healthCheckConsumerEnabled);
        put(options, "healthCheckInterval", healthCheckInterval);
        put(options, "healthCheckProducerEnabled", healthCheckProducerEnabled);
        put(options, "inputModalities", inputModalities);
        put(options, "modelsCacheTtl", modelsCacheTtl);
        put(options, "outputModalities", outputModalities);
        put(options, "supportedParameter", supportedParameter);
        put(options, "proxyAuthPassword", proxyAuthPassword);
        put(options, "proxyAuthUsername", proxyAuthUsername);
        put(options, "proxyHost", proxyHost);
        put(options, "proxyPort", proxyPort);
        put(options, "reasoningEffort", reasoningEffort);
        put(options, "reasoningExclude", reasoningExclude);
        put(options, "reasoningMaxTokens", reasoningMaxTokens);
        put(options, "connectTimeout", connectTimeout);
        put(options, "maxRetries", maxRetries);
        put(options, "requestTimeout", requestTimeout);
        put(options, "retryInitialDelay", retryInitialDelay);
        put(options, "retryMaxDelay", retryMaxDelay);
        put(options, "allowFallbacks", allowFallbacks);
        put(options, "dataCollection", dataCollection);
        put(options, "fallbackModels", fallbackModels);
        put(options, "maxPriceCompletion", maxPriceCompletion);
        put(options, "maxPricePrompt", maxPricePrompt);
        put(options, "providerIgnore", providerIgnore);
        put(options, "providerOnly", providerOnly);
        put(options, "providerOrder", providerOrder);
        put(options, "providerSort", providerSort);
        put(options, "quantizations", quantizations);
        put(options, "requireParameters", requireParameters);
        put(options, "zdr", zdr);
        put(options, "frequencyPenalty", frequencyPenalty);
        put(options, "minP", minP);
        put(options, "presencePenalty", presencePenalty);
        put(options, "repetitionPenalty", repetitionPenalty);
        put(options, "seed", seed);
        put(options, "stop", stop);
        put(options, "topK", topK);
        put(options, "topP", topP);
        put(options, "apiKey", apiKey);
        put(options, "internalUrls", internalUrls);
        put(options, "sslContextParameters", sslContextParameters);
        put(options, "useGlobalSslContextParameters", useGlobalSslContextParameters);
        put(options, "stream", stream);
        put(options, "streamTo", streamTo);
        put(options, "jsonSchema", jsonSchema);
        put(options, "outputClass", outputClass);
        put(options, "responseFormat", responseFormat);
        put(options, "responseHealing", responseHealing);
        put(options, "schemaName", schemaName);
        put(options, "strictSchema", strictSchema);
        put(options, "appCategories", appCategories);
        put(options, "user", user);
        put(options, "webEngine", webEngine);
        put(options, "webMaxResults", webMaxResults);
        put(options, "webSearch", webSearch);
        return options;
    }

    private static void put(Map<String, Object> options, String name, Object value) {
        if (value instanceof Duration duration) {
            options.put(name, duration.toMillis());
        } else if (value != null) {
            options.put(name, value);
        }
    }
}
