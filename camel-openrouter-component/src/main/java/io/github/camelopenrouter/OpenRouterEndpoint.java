package io.github.camelopenrouter;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

import io.github.camelopenrouter.client.ClientSafety;
import io.github.camelopenrouter.client.ComponentResources;
import io.github.camelopenrouter.client.OpenRouterClient;
import io.github.camelopenrouter.client.ProxySettings;
import io.github.camelopenrouter.client.RetryPolicy;
import io.github.camelopenrouter.client.RetryingSender;
import io.github.camelopenrouter.conversation.ConversationStore;
import io.github.camelopenrouter.conversation.Conversations;
import io.github.camelopenrouter.conversation.InMemoryConversationStore;
import io.github.camelopenrouter.health.AccountMonitor;
import io.github.camelopenrouter.observe.CallObserver;
import io.github.camelopenrouter.observe.CallRecord;
import io.github.camelopenrouter.observe.EndpointMeters;
import io.github.camelopenrouter.observe.EndpointStats;
import io.github.camelopenrouter.observe.Meters;
import io.github.camelopenrouter.operation.ApiOperation;
import io.github.camelopenrouter.operation.ChatFileUploads;
import io.github.camelopenrouter.operation.ChatStep;
import io.github.camelopenrouter.operation.ModalityCheck;
import io.github.camelopenrouter.operation.Operations;
import io.github.camelopenrouter.request.ChatRequestFactory;
import io.github.camelopenrouter.request.OutputSchema;
import io.github.camelopenrouter.request.RequestSettings;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the exchange - text, files, images, PDFs, audio, video, URLs or mail attachments - to an OpenRouter model and
 * returns the model's answer.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "openrouter", title = "OpenRouter", syntax = "openrouter:operation",
             producerOnly = true, category = { Category.AI }, headersClass = OpenRouterConstants.class)
public class OpenRouterEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(OpenRouterEndpoint.class);

    @UriParam
    private OpenRouterConfiguration configuration;

    private RetryingSender sender;
    private ApiOperation<?> apiOperation;
    private ChatRequestFactory requestFactory;
    private List<ChatStep> chatSteps = List.of();
    private Conversations conversations;
    private ExecutorService streamExecutor;

    private OpenRouterClient client;
    private volatile EndpointStats stats = new EndpointStats();
    private volatile AccountMonitor accountMonitor;
    private EndpointMeters meters;
    /** Stats, the account monitor, meters: each hears of every finished call. */
    private final List<CallObserver> observers = new CopyOnWriteArrayList<>();
    private final CallObserver callObserver = this::callFinished;

    public OpenRouterEndpoint(String uri, OpenRouterComponent component, OpenRouterConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public OpenRouterComponent getComponent() {
        return (OpenRouterComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new OpenRouterProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The openrouter component only sends (use it in to(), not from())");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        OutputSchema outputSchema = OutputSchema.fromOptions(configuration, getCamelContext());
        RequestSettings.validateOptions(configuration, outputSchema);
        validateSafetyOptions();
        String apiKey = resolveApiKey();
        ClientSafety.warnIfCleartext(configuration.getBaseUrl(), getEndpointBaseUri());
        RetryPolicy retryPolicy = new RetryPolicy(configuration.getMaxRetries(), configuration.getRetryInitialDelay(),
                configuration.getRetryMaxDelay());
        Duration requestTimeout = positive(configuration.getRequestTimeout(), "requestTimeout");
        HttpClient http = configuration.getHttpClient();
        if (http != null && configuration.getSslContextParameters() != null) {
            throw new OpenRouterConfigurationException("Both httpClient and sslContextParameters are set on " + getEndpointBaseUri()
                                            + ": sslContextParameters applies only to the HTTP client the endpoint"
                                            + " creates. Configure the SSLContext on your own HttpClient"
                                            + " (HttpClient.newBuilder().sslContext(...)), or remove the httpClient option");
        }
        ProxySettings proxy = ProxySettings.of(configuration, getEndpointBaseUri());
        if (http != null && proxy != null) {
            throw new IllegalStateException("Both httpClient and proxyHost are set on " + getEndpointBaseUri()
                                            + ": the proxy options apply only to the HTTP client the component creates."
                                            + " Configure the proxy on your own HttpClient"
                                            + " (HttpClient.newBuilder().proxy(...)), or remove the httpClient option");
        }
        if (proxy != null) {
            proxy.checkCredentialsCanReach(configuration.getBaseUrl(), getEndpointBaseUri());
        }
        ComponentResources shared = getComponent().resources();
        if (http == null) {
            http = shared.httpClient(new ComponentResources.ClientSettings(
                    positive(configuration.getConnectTimeout(), "connectTimeout"),
                    configuration.getSslContextParameters(), configuration.getClientThreads(), proxy));
        } else {
            ClientSafety.checkUserClient(http, getEndpointBaseUri());
        }
        client = new OpenRouterClient(http, configuration.getBaseUrl(), apiKey,
                new OpenRouterClient.Attribution(configuration.getAppUrl(), configuration.getAppTitle(),
                        configuration.getAppCategories()),
                proxy == null ? null : proxy.authorization(), requestTimeout, shared.timer(), shared.workers(),
                configuration.getMaxResponseSize());
        sender = shared.sender(client, retryPolicy);
        apiOperation = Operations.create(configuration.getOperation(), sender, configuration,
                getComponent().getModelsCache());
        stats = new EndpointStats();
        observers.clear();
        observers.add(stats);
        if (apiOperation != null) {
            apiOperation.observeWith(callObserver);
        }
        meters = Meters.attach(getCamelContext(), configuration.getBaseUrl(), this, configuration.getOperation().name(),
                URISupport.sanitizeUri(getEndpointUri()), OpenRouterEndpoint::getActiveRequests,
                OpenRouterEndpoint::getWaitingRetries, getComponent().flowControl());
        if (meters != null) {
            observers.add(meters);
        }
        conversations = new Conversations(conversationStore(), configuration.getConversationMaxTurns());
        requestFactory = new ChatRequestFactory(configuration, outputSchema, conversations, getEndpointBaseUri());
        chatSteps = chatSteps(sender);
        if (configuration.getStreamTo() != null && !configuration.getStreamTo().isBlank()) {
            resolveStreamTo(configuration.getStreamTo().trim());
        }
        // delivers streamed deltas to streamTo endpoints: never the HTTP client's threads, so a consumer that blocks
        // holds up its own stream only. Threads exist only while deltas are being delivered.
        ThreadPoolProfile streamProfile = new ThreadPoolProfile("OpenRouterStreamTo");
        streamProfile.setPoolSize(STREAM_THREADS);
        streamProfile.setMaxPoolSize(STREAM_THREADS);
        streamProfile.setAllowCoreThreadTimeOut(true);
        streamProfile.setKeepAliveTime(30L);
        // a queue, not Camel's direct hand-off (what a size of 0 or less gives): with every stream thread held by a
        // consumer that blocks, a hand-off would refuse the next stream's deltas, and delivering them on the caller's
        // thread would block the HTTP client's. Each stream has at most one task queued.
        streamProfile.setMaxQueueSize(Integer.MAX_VALUE);
        streamProfile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        streamExecutor = getCamelContext().getExecutorServiceManager().newThreadPool(this, "OpenRouterStreamTo",
                streamProfile);
    }

    /** The supplied store, the component's JDBC store of conversationDataSource, or a new in-memory one. */
    private ConversationStore conversationStore() {
        if (configuration.getConversationStore() != null) {
            if (configuration.getConversationDataSource() != null) {
                throw new OpenRouterConfigurationException("Both conversationStore and conversationDataSource are set on "
                                                           + getEndpointBaseUri() + ": use one (conversationDataSource"
                                                           + " is a JDBC conversation store on that DataSource)");
            }
            return configuration.getConversationStore();
        }
        if (configuration.getConversationDataSource() != null) {
            return getComponent().getJdbcConversationStores().store(configuration.getConversationDataSource(),
                    configuration.getConversationMaxTurns(), configuration.getConversationTtl(),
                    configuration.isConversationCreateTables());
        }
        return new InMemoryConversationStore(configuration.getConversationMaxCount(), configuration.getConversationMaxBytes(),
                configuration.getConversationMaxTurns(), Duration.ofMillis(configuration.getConversationTtl()),
                Clock.systemUTC());
    }

    /** Threads delivering streamed deltas to streamTo endpoints; deltas of one stream go out one at a time anyway. */
    static final int STREAM_THREADS = 8;

    /**
     * The streamTo endpoint, resolved by Camel (placeholders included).
     *
     * @throws OpenRouterInputException when Camel cannot resolve it, naming the URI and the reason
     */
    org.apache.camel.Endpoint resolveStreamTo(String uri) {
        try {
            org.apache.camel.Endpoint target = getCamelContext().getEndpoint(uri);
            if (target != null) {
                return target;
            }
        } catch (RuntimeException e) {
            throw new OpenRouterInputException("streamTo '" + uri + "' is not an endpoint Camel can resolve: "
                                               + e.getMessage() + ". Use an endpoint URI such as seda:partial or"
                                               + " kafka:answers, with its component on the classpath");
        }
        throw new OpenRouterInputException("streamTo '" + uri + "' is not an endpoint Camel can resolve. Use an endpoint"
                                           + " URI such as seda:partial or kafka:answers, with its component on the"
                                           + " classpath");
    }

    Executor getStreamExecutor() {
        return streamExecutor;
    }

    /** What chat does before sending, in order: refuse parts the model cannot read, then upload files. */
    private List<ChatStep> chatSteps(RetryingSender sender) {
        List<ChatStep> steps = new ArrayList<>(2);
        if (configuration.isCheckModalities()) {
            steps.add(new ModalityCheck(sender, getComponent().getModelsCache(), configuration));
        }
        if (configuration.isUploadFiles()) {
            steps.add(new ChatFileUploads(sender));
        }
        return List.copyOf(steps);
    }

    private void validateSafetyOptions() {
        String internalUrls = configuration.getInternalUrls();
        if (!List.of("warn", "refuse", "allow").contains(internalUrls)) {
            throw new IllegalArgumentException("'" + internalUrls + "' is not a valid internalUrls option on "
                                               + getEndpointBaseUri() + ": use warn, refuse or allow");
        }
        if (configuration.getConversationTtl() < 0) {
            throw new IllegalArgumentException("conversationTtl must be 0 (never expire) or a positive duration, got "
                                               + configuration.getConversationTtl() + " ms on " + getEndpointBaseUri());
        }
        if (configuration.getConversationMaxTurns() < 1) {
            throw new IllegalArgumentException("conversationMaxTurns must be at least 1, got "
                                               + configuration.getConversationMaxTurns() + " on " + getEndpointBaseUri());
        }
    }

    private Duration positive(long millis, String option) {
        if (millis <= 0) {
            throw new OpenRouterConfigurationException(option + " must be a positive number of milliseconds, got " + millis
                                               + " on " + getEndpointBaseUri());
        }
        return Duration.ofMillis(millis);
    }

    private String resolveApiKey() {
        String key = configuration.getApiKey();
        if (key == null || key.isBlank()) {
            key = getComponent().environmentVariable(OpenRouterComponent.API_KEY_VARIABLE);
        }
        if (key == null || key.isBlank()) {
            throw new OpenRouterConfigurationException("No OpenRouter API key for " + getEndpointBaseUri() + ": set the apiKey option"
                                            + " (for example camel.component.openrouter.api-key={{env:OPENROUTER_API_KEY}})"
                                            + " or the environment variable " + OpenRouterComponent.API_KEY_VARIABLE);
        }
        return key.trim();
    }

    /**
     * Starts looking at the account on a schedule (once, however many producers ask): called when a producer registers
     * its health check, so an application without health checks never probes.
     */
    public synchronized AccountMonitor startAccountMonitor() {
        if (accountMonitor == null) {
            long interval = positive(configuration.getHealthCheckInterval(), "healthCheckInterval").toMillis();
            // no retries: a probe that fails says so, and the next one comes at the next interval; outside the
            // component's limit, so that a backlog of exchanges does not make the account look unreachable
            RetryingSender probes = new RetryingSender(client, new RetryPolicy(0, 0, 0));
            AccountMonitor monitor = new AccountMonitor(probes, getComponent().resources().timer(), interval,
                    configuration.getBaseUrl());
            observers.add(record -> monitor.observe(record.failure()));
            monitor.start();
            accountMonitor = monitor;
        }
        return accountMonitor;
    }

    /** The account monitor, or null when no health check asked for one. */
    public AccountMonitor getAccountMonitor() {
        return accountMonitor;
    }

    /** Running totals since the endpoint started, for the dev console. */
    public EndpointStats getStats() {
        return stats;
    }

    /** Requests under way: sent and waiting for their reply, or waiting for a retry. */
    public int getActiveRequests() {
        return sender == null ? 0 : sender.activeRequests();
    }

    /** Requests waiting for their next attempt. */
    public int getWaitingRetries() {
        return sender == null ? 0 : sender.waitingRetries();
    }

    /** Adds a listener of finished calls (meters, for example) until the endpoint stops. */
    public void addCallObserver(CallObserver observer) {
        observers.add(observer);
    }

    CallObserver callObserver() {
        return callObserver;
    }

    private void callFinished(CallRecord record) {
        for (CallObserver observer : observers) {
            try {
                observer.finished(record);
            } catch (RuntimeException e) {
                // a listener's bug must not fail the exchange nor starve the others
                LOG.debug("A call observer failed", e);
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (accountMonitor != null) {
                accountMonitor.stop();
                accountMonitor = null;
            }
        }
        observers.clear();
        if (meters != null) {
            meters.close();
            meters = null;
        }
        if (sender != null) {
            // exchanges waiting for a retry end now, with their last error, instead of never
            sender.stop();
        }
        if (streamExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(streamExecutor);
            streamExecutor = null;
        }
        super.doStop();
    }

    public OpenRouterConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(OpenRouterConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The operation other than chat this endpoint runs, or null for chat. */
    ApiOperation<?> getApiOperation() {
        return apiOperation;
    }

    List<ChatStep> getChatSteps() {
        return chatSteps;
    }

    RetryingSender getSender() {
        return sender;
    }

    ChatRequestFactory getRequestFactory() {
        return requestFactory;
    }

    public ConversationStore getConversationStore() {
        return conversations == null ? null : conversations.store();
    }

    Conversations getConversations() {
        return conversations;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return configuration.getModel() == null ? null : Map.of("model", configuration.getModel());
    }
}
