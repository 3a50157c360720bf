package io.github.camelopenrouter;

import java.net.http.HttpClient;

import io.github.camelopenrouter.conversation.ConversationStore;
import org.apache.camel.RuntimeCamelException;
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

    @UriPath(description = "The operation to perform: chat sends the message body to a model and returns its answer.",
             enums = "chat")
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

    @UriParam(defaultValue = "" + DEFAULT_MAX_FILE_SIZE,
              description = "The largest file, in bytes, that is sent; a larger one fails the exchange before anything"
                            + " is sent. 0 or less disables the check.")
    private long maxFileSize = DEFAULT_MAX_FILE_SIZE;

    @UriParam(description = "Your application's URL, sent as the HTTP-Referer attribution header (it appears in"
                            + " OpenRouter's rankings and your activity log).")
    private String appUrl;

    @UriParam(description = "Your application's name, sent as the X-OpenRouter-Title (and X-Title) attribution header.")
    private String appTitle;

    @UriParam(label = "advanced",
              description = "A java.net.http.HttpClient to use instead of the one the endpoint creates (for a proxy, a"
                            + " custom SSL context or an executor of your own). The endpoint does not close it.")
    private HttpClient httpClient;

    @UriParam(label = "advanced", defaultValue = "4",
              description = "Threads of the HTTP client the endpoint creates. Requests in flight hold no thread, so a"
                            + " few threads serve thousands of concurrent requests.")
    private int clientThreads = 4;

    @UriParam(label = "advanced",
              description = "Where conversations (see the CamelOpenRouterConversationId header) are kept. Defaults to a"
                            + " bounded in-memory store per endpoint; supply a shared implementation to serve several"
                            + " nodes.")
    private ConversationStore conversationStore;

    @UriParam(label = "advanced", defaultValue = "1000",
              description = "The most conversations the default in-memory store keeps; the least recently used go"
                            + " first.")
    private int conversationMaxCount = 1000;

    @UriParam(label = "advanced", defaultValue = "134217728",
              description = "The most bytes (files and text) the default in-memory conversation store keeps; the least"
                            + " recently used conversations go first.")
    private long conversationMaxBytes = 128L * 1024 * 1024;

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

    public ConversationStore getConversationStore() {
        return conversationStore;
    }

    public void setConversationStore(ConversationStore conversationStore) {
        this.conversationStore = conversationStore;
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

    public OpenRouterConfiguration copy() {
        try {
            return (OpenRouterConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
