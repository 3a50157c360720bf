package io.github.camelopenrouter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.camelopenrouter.client.ComponentResources;
import io.github.camelopenrouter.conversation.jdbc.JdbcConversationStores;
import io.github.camelopenrouter.operation.ModelsCache;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.PropertiesHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates {@code openrouter:} endpoints; options set here are the defaults of every endpoint. Owns what its endpoints
 * share: the HTTP client, the timer, the worker threads and the limit on requests in flight (readable through JMX).
 */
@Component("openrouter")
@ManagedResource(description = "OpenRouter component: requests in flight, queued, and the concurrency limit")
public class OpenRouterComponent extends HealthCheckComponent implements SSLContextParametersAware {

    static final String API_KEY_VARIABLE = "OPENROUTER_API_KEY";
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;
    public static final int DEFAULT_WORKER_THREADS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(OpenRouterComponent.class);

    @Metadata(description = "The component's configuration: the defaults of every endpoint.")
    private OpenRouterConfiguration configuration = new OpenRouterConfiguration();

    @Metadata(label = "security", defaultValue = "false",
              description = "Use the CamelContext's global SSL context parameters when an endpoint has no"
                            + " sslContextParameters (and no httpClient of its own).")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "advanced", defaultValue = "" + DEFAULT_MAX_CONCURRENT_REQUESTS,
              description = "The most requests this component's endpoints together have in flight to OpenRouter; more"
                            + " wait, in the order they came, holding no thread. The asynchronous producer takes what"
                            + " a route offers without waiting for replies (a seda consumer hands over its whole backlog),"
                            + " so without this limit a backlog becomes as many requests at once. 64 keeps a few dozen"
                            + " model calls of several seconds each going (tens of requests per second) while staying"
                            + " under the concurrency a single key is usually allowed; raise it for a key with more.")
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;

    @Metadata(label = "advanced", defaultValue = "0", javaType = "java.time.Duration",
              description = "How long a request may wait for a free slot (see maxConcurrentRequests), in milliseconds,"
                            + " before its exchange fails with a QueueTimeoutException (error type queue_timeout) and"
                            + " nothing sent. The wait counts towards no attempt's requestTimeout. 0, the default, waits"
                            + " as long as it takes: the queue always moves, since every attempt in flight ends within"
                            + " requestTimeout, and failing exchanges the route has already handed over only because the"
                            + " component is busy would turn a backlog into dead letters.")
    private long queueTimeout;

    @Metadata(label = "advanced", defaultValue = "true",
              description = "Lower the limit on requests in flight when OpenRouter refuses for load (429, 503) to the"
                            + " number it was still holding (by at most half for one burst of refusals), pause every"
                            + " queued request for the Retry-After, and remember that level as the key's capacity: the"
                            + " limit tries one more only after ten times that pause (at least a second) without a"
                            + " refusal, twice as long after each such try the server refuses, at most every 5 minutes."
                            + " A refusal while other requests were in flight is the component's own burst and does not"
                            + " count against maxRetries. false keeps the limit at maxConcurrentRequests.")
    private boolean adaptiveConcurrency = true;

    @Metadata(label = "advanced", defaultValue = "" + DEFAULT_WORKER_THREADS,
              description = "Threads the route continues on once a reply is in (shared by the component's endpoints,"
                            + " from Camel's ExecutorServiceManager). The HTTP client's own threads (clientThreads) only do"
                            + " I/O, so a slow step after the call delays no other reply while a worker is free; give"
                            + " blocking work after the call as many threads as it may block at once.")
    private int workerThreads = DEFAULT_WORKER_THREADS;

    private ComponentResources resources;

    /** The conversation stores of the endpoints' conversationDataSource: one per DataSource. */
    private final JdbcConversationStores jdbcConversationStores = new JdbcConversationStores();

    /** Model lists fetched by this component's endpoints (the models operation, checkModalities). */
    private final ModelsCache modelsCache = new ModelsCache();

    /** Reads environment variables; replaceable so a test can run without touching the real environment. */
    private UnaryOperator<String> environment = System::getenv;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (parameters.containsKey("apiKey")) {
            // checked: Camel's route dump (camel.main.dumpRoutes) and getEndpointUri() show a URI's apiKey in clear text,
            // placeholders resolved; only toString() and the consoles mask it
            LOG.warn("The apiKey of openrouter:{} is set in the endpoint URI, where Camel's route dumps and"
                     + " Endpoint.getEndpointUri() show it in clear text. Set it on the component instead"
                     + " (camel.component.openrouter.api-key) or in the environment variable {}",
                    remaining, API_KEY_VARIABLE);
        }
        OpenRouterConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(operation(remaining));
        OpenRouterEndpoint endpoint = new OpenRouterEndpoint(uri, this, endpointConfiguration);
        // Camel's multi-value prefix option, as camel-openai reads it: additionalBodyProperty.x=... on the URI adds x to
        // the component's own map (a copy), the URI winning per key
        Map<String, Object> extras = PropertiesHelper.extractProperties(parameters, "additionalBodyProperty.");
        if (!extras.isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>();
            if (endpointConfiguration.getAdditionalBodyProperty() != null) {
                merged.putAll(endpointConfiguration.getAdditionalBodyProperty());
            }
            merged.putAll(extras);
            endpointConfiguration.setAdditionalBodyProperty(merged);
        }
        setProperties(endpoint, parameters);
        // before Camel's own check, which says only "Unknown parameters", nested twice
        if (!endpoint.isLenientProperties()) {
            UnknownOptions.check("openrouter:" + remaining, parameters, new OpenRouterEndpointUriFactory().propertyNames());
        }
        if (endpointConfiguration.getSslContextParameters() == null && endpointConfiguration.getHttpClient() == null) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        return endpoint;
    }

    private static OpenRouterOperation operation(String remaining) {
        try {
            return OpenRouterOperation.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new OpenRouterConfigurationException("Unknown OpenRouter operation '" + remaining + "': use one of"
                                                       + " openrouter:chat, files, models, embeddings, generation,"
                                                       + " credits or key");
        }
    }

    public OpenRouterConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(OpenRouterConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    /** The model lists this component's endpoints fetched, shared by all of them. */
    public ModelsCache getModelsCache() {
        return modelsCache;
    }

    /** The JDBC conversation stores this component's endpoints share. */
    public JdbcConversationStores getJdbcConversationStores() {
        return jdbcConversationStores;
    }

    /** The pools, client and limit this component's endpoints share, created on first use. */
    public synchronized ComponentResources resources() {
        if (resources == null) {
            resources = new ComponentResources(getCamelContext(), this, maxConcurrentRequests, adaptiveConcurrency,
                    queueTimeout, workerThreads);
        }
        return resources;
    }

    @Override
    protected void doStop() throws Exception {
        ComponentResources stopping;
        synchronized (this) {
            stopping = resources;
            resources = null;
        }
        if (stopping != null) {
            stopping.shutdown();
        }
        super.doStop();
    }

    /** The limiter's figures for metrics: one view per component, so the gauges registered once keep reading it. */
    io.github.camelopenrouter.observe.Meters.FlowControl flowControl() {
        return flowControl;
    }

    private final io.github.camelopenrouter.observe.Meters.FlowControl flowControl =
            new io.github.camelopenrouter.observe.Meters.FlowControl() {
                @Override
                public int concurrencyLimit() {
                    return getConcurrencyLimit();
                }

                @Override
                public int inFlight() {
                    return getRequestsInFlight();
                }

                @Override
                public int queued() {
                    return getQueuedRequests();
                }

                @Override
                public long loadRefusals() {
                    return getLoadRefusals();
                }
            };

    @ManagedAttribute(description = "The current limit on requests in flight (maxConcurrentRequests, lowered by refusals"
                                    + " for load when adaptiveConcurrency is on)")
    public synchronized int getConcurrencyLimit() {
        return resources == null ? maxConcurrentRequests : resources.limiter().limit();
    }

    @ManagedAttribute(description = "The most requests in flight the server was seen to hold: the level the last refusal"
                                    + " for load measured, maxConcurrentRequests before any")
    public synchronized int getConcurrencyCeiling() {
        return resources == null ? maxConcurrentRequests : resources.limiter().ceiling();
    }

    @ManagedAttribute(description = "Requests waiting for a free slot")
    public synchronized int getQueuedRequests() {
        return resources == null ? 0 : resources.limiter().queued();
    }

    @ManagedAttribute(description = "Requests in flight to OpenRouter")
    public synchronized int getRequestsInFlight() {
        return resources == null ? 0 : resources.limiter().inFlight();
    }

    @ManagedAttribute(description = "Refusals for load (429, 503) since the component started")
    public synchronized long getLoadRefusals() {
        return resources == null ? 0 : resources.limiter().refusals();
    }

    @ManagedAttribute(description = "The most requests in flight at once (the configured maxConcurrentRequests)")
    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        checkNotShared("maxConcurrentRequests");
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    @ManagedAttribute(description = "How long a request may wait for a free slot, in milliseconds (0: no bound)")
    public long getQueueTimeout() {
        return queueTimeout;
    }

    public void setQueueTimeout(long queueTimeout) {
        checkNotShared("queueTimeout");
        this.queueTimeout = queueTimeout;
    }

    @ManagedAttribute(description = "Whether refusals for load lower the limit")
    public boolean isAdaptiveConcurrency() {
        return adaptiveConcurrency;
    }

    public void setAdaptiveConcurrency(boolean adaptiveConcurrency) {
        checkNotShared("adaptiveConcurrency");
        this.adaptiveConcurrency = adaptiveConcurrency;
    }

    public int getWorkerThreads() {
        return workerThreads;
    }

    public void setWorkerThreads(int workerThreads) {
        checkNotShared("workerThreads");
        this.workerThreads = workerThreads;
    }

    /** The shared pools and limit are built when the first endpoint starts: a later change would silently not apply. */
    private synchronized void checkNotShared(String option) {
        if (resources != null) {
            throw new IllegalStateException("Cannot change " + option + " of the openrouter component once its endpoints"
                                            + " have started: set it before the routes start"
                                            + " (camel.component.openrouter." + option + ")");
        }
    }

    String environmentVariable(String name) {
        return environment.apply(name);
    }

    void setEnvironment(UnaryOperator<String> environment) {
        this.environment = environment;
    }
}
