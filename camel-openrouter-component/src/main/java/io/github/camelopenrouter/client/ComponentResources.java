package io.github.camelopenrouter.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * What a component's endpoints share: one timer, one pool of worker threads the routes continue on, one limit on
 * requests in flight, and one HTTP client per distinct set of client settings (most components have exactly one), with
 * its connection pool and I/O threads. Twenty routes with twenty prompts then open one pool of connections and count
 * against one limit, as they would against the one API key behind them.
 */
public final class ComponentResources {

    /**
     * What makes two endpoints' HTTP clients differ; endpoints with equal settings share one client.
     *
     * @param sslContextParameters compared by identity: the same bean means the same SSL context
     * @param proxy                the HTTP proxy to go through, or {@code null} for direct connections
     */
    public record ClientSettings(Duration connectTimeout, SSLContextParameters sslContextParameters, int clientThreads,
                                 ProxySettings proxy) {

        @Override
        public boolean equals(Object other) {
            return other instanceof ClientSettings that && connectTimeout.equals(that.connectTimeout)
                   && sslContextParameters == that.sslContextParameters && clientThreads == that.clientThreads
                   && java.util.Objects.equals(proxy, that.proxy);
        }

        @Override
        public int hashCode() {
            return (connectTimeout.hashCode() * 31 * 31 + System.identityHashCode(sslContextParameters) * 31 + clientThreads)
                   * 31 + java.util.Objects.hashCode(proxy);
        }
    }

    private final CamelContext camelContext;
    private final Object owner;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final Delays delays;
    private final ConcurrencyLimiter limiter;
    private final long queueTimeoutMillis;
    private final Map<ClientSettings, HttpClient> clients = new HashMap<>();
    private final Map<ClientSettings, ExecutorService> clientExecutors = new HashMap<>();

    /**
     * @param owner         the component, for thread names and the executor service manager's bookkeeping
     * @param workerThreads threads the routes continue on once a reply is in
     */
    public ComponentResources(CamelContext camelContext, Object owner, int maxConcurrentRequests, boolean adaptive,
                              long queueTimeoutMillis, int workerThreads) {
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be 1 or more, got " + workerThreads);
        }
        if (queueTimeoutMillis < 0) {
            throw new IllegalArgumentException("queueTimeout must be 0 (no bound) or a positive number of milliseconds,"
                                               + " got " + queueTimeoutMillis);
        }
        this.camelContext = camelContext;
        this.owner = owner;
        ExecutorServiceManager manager = camelContext.getExecutorServiceManager();
        // one timeout watchdog per request in flight, plus waiting retries and queue timeouts: thousands at once under
        // load, so the queue must not be bounded (Camel's default profile rejects beyond 1000 queued tasks). Abort, not
        // Camel's default caller-runs policy, which silently drops tasks once the pool is shut down: the client handles
        // the rejection.
        ThreadPoolProfile timerProfile = new ThreadPoolProfile("OpenRouterTimer");
        timerProfile.setPoolSize(1);
        timerProfile.setMaxPoolSize(1);
        timerProfile.setMaxQueueSize(-1);
        timerProfile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        this.timer = manager.newScheduledThreadPool(owner, "OpenRouterTimer", timerProfile);
        if (timer instanceof ScheduledThreadPoolExecutor pool) {
            // almost every watchdog is cancelled by its reply long before it is due (requestTimeout defaults to 5
            // minutes): left in the queue, they would pile up to hundreds of thousands under load
            pool.setRemoveOnCancelPolicy(true);
        }
        // a fixed pool with an unbounded queue: a reply waiting for a worker must wait, never be rejected or run on the
        // HTTP client's I/O thread (for a thread pool, Camel reads a maxQueueSize of -1 as "no queue": hand-over only)
        ThreadPoolProfile workerProfile = new ThreadPoolProfile("OpenRouterWorker");
        workerProfile.setPoolSize(workerThreads);
        workerProfile.setMaxPoolSize(workerThreads);
        workerProfile.setMaxQueueSize(Integer.MAX_VALUE);
        workerProfile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        this.workers = manager.newThreadPool(owner, "OpenRouterWorker", workerProfile);
        this.delays = new Delays(timer, workers);
        this.limiter = new ConcurrencyLimiter(maxConcurrentRequests, adaptive, delays);
        this.queueTimeoutMillis = queueTimeoutMillis;
    }

    /** The shared HTTP client for these settings, built on first use. */
    public synchronized HttpClient httpClient(ClientSettings settings) throws Exception {
        HttpClient client = clients.get(settings);
        if (client == null) {
            ExecutorService io = camelContext.getExecutorServiceManager().newFixedThreadPool(owner, "OpenRouterClient",
                    Math.max(1, settings.clientThreads()));
            HttpClient.Builder builder = HttpClient.newBuilder().executor(io).connectTimeout(settings.connectTimeout());
            if (settings.sslContextParameters() != null) {
                builder.sslContext(settings.sslContextParameters().createSSLContext(camelContext));
            }
            if (settings.proxy() != null) {
                settings.proxy().applyTo(builder);
            }
            client = builder.build();
            clients.put(settings, client);
            clientExecutors.put(settings, io);
        }
        return client;
    }

    /** HTTP clients built so far (for tests and monitoring). */
    public synchronized int httpClients() {
        return clients.size();
    }

    public ScheduledExecutorService timer() {
        return timer;
    }

    public ExecutorService workers() {
        return workers;
    }

    public ConcurrencyLimiter limiter() {
        return limiter;
    }

    /** A sender for one endpoint: its client and retry policy, this component's limit, queue and workers. */
    public RetryingSender sender(OpenRouterClient client, RetryPolicy policy) {
        return new RetryingSender(client, policy, limiter, queueTimeoutMillis, workers);
    }

    /** Shuts the pools down; endpoints have been stopped (their requests ended) before. */
    public synchronized void shutdown() {
        ExecutorServiceManager manager = camelContext.getExecutorServiceManager();
        manager.shutdown(timer);
        manager.shutdown(workers);
        clientExecutors.values().forEach(manager::shutdown);
        clientExecutors.clear();
        clients.clear();
    }
}
