package io.github.camelopenrouter.stream;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.github.camelopenrouter.OpenRouterConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.spi.HeadersMapFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the deltas of one stream to the {@code streamTo} endpoint, one exchange each, strictly in order: the next is
 * sent when the previous one is done. Sending runs on the component's stream executor, never on the HTTP client's
 * threads, so a blocking endpoint (a direct: route that sleeps, a full seda: queue) holds up only its own stream. A
 * few deltas are queued ({@value #HIGH} at most); beyond that the reader is told to stop reading the socket until the
 * queue is down to {@value #LOW} (see {@link DeltaSink#hasRoom}).
 *
 * <p>When the stream ends, {@link #end} sends the last exchange ({@code CamelOpenRouterStreamEnd=true}, with the error
 * type when it failed) and then runs what completes the original exchange, so that a route sees every delta before the
 * whole answer. A delta the endpoint fails cancels the stream.
 */
public final class StreamToDelivery implements DeltaSink {

    private static final Logger LOG = LoggerFactory.getLogger(StreamToDelivery.class);

    static final int HIGH = 64;
    static final int LOW = 16;
    /** Deliveries done in one go on a worker before it hands over, so one busy stream does not starve the others. */
    private static final int BATCH = 256;

    private final Endpoint target;
    private final AsyncProducer producer;
    private final Executor executor;
    private final String correlationId;
    private final Runnable onDeliveryFailure;
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private int index;
    private boolean running;
    private Runnable resume;
    private volatile Exception failure;
    private volatile String lastResponseId;
    private final HeadersMapFactory headersFactory;
    private Map<String, Object> deltaHeaders;

    private record Item(Exchange exchange, Runnable after) {
    }

    /**
     * @param onDeliveryFailure cancels the stream when the endpoint fails a delta
     */
    public StreamToDelivery(Endpoint target, AsyncProducer producer, Executor executor, String correlationId,
                            Runnable onDeliveryFailure) {
        this.target = target;
        this.producer = producer;
        this.executor = executor;
        this.correlationId = correlationId;
        this.onDeliveryFailure = onDeliveryFailure;
        this.headersFactory = target.getCamelContext().getCamelContextExtension().getHeadersMapFactory();
    }

    @Override
    public void delta(String text, String responseId) {
        lastResponseId = responseId;
        Exchange delta = exchange(text, deltaHeaders(responseId));
        boolean start;
        synchronized (this) {
            delta.getMessage().setHeader(OpenRouterConstants.STREAM_INDEX, index++);
            queue.add(new Item(delta, null));
            start = !running;
            running = true;
        }
        if (start) {
            schedule();
        }
    }

    @Override
    public synchronized boolean hasRoom(Runnable resume) {
        if (queue.size() < HIGH || failure != null) {
            return true;
        }
        this.resume = resume;
        return false;
    }

    /**
     * The stream is over: sends the end exchange after the queued deltas, then runs {@code then} (also when the
     * endpoint failed a delta: the original exchange must complete on every path).
     *
     * @param errorType the error type of the failure that ended the stream, or null
     */
    public void end(String responseId, String errorType, Runnable then) {
        Exchange last = exchange("", headers(responseId != null ? responseId : lastResponseId));
        last.getMessage().setHeader(OpenRouterConstants.STREAM_END, true);
        if (errorType != null) {
            last.getMessage().setHeader(OpenRouterConstants.ERROR_TYPE, errorType);
        }
        boolean start;
        synchronized (this) {
            last.getMessage().setHeader(OpenRouterConstants.STREAM_INDEX, index);
            queue.add(new Item(last, then));
            start = !running;
            running = true;
        }
        if (start) {
            schedule();
        }
    }

    /** The exception of the delta the endpoint failed, or null. */
    public Exception failure() {
        return failure;
    }

    private Exchange exchange(String text, Map<String, Object> headers) {
        Exchange exchange = target.createExchange(ExchangePattern.InOnly);
        Message message = exchange.getMessage();
        message.setBody(text);
        // a copy of headers already sorted: Camel's case-insensitive map copies one without comparing a key, where
        // setting the same three headers one by one compares long CamelOpenRouter... names at every delta
        message.setHeaders(headersFactory.newMap(headers));
        return exchange;
    }

    /**
     * The headers every delta of the stream carries but its index, built again only when the reply id changes. Used
     * by the reader's thread alone, which calls {@link #delta}.
     */
    private Map<String, Object> deltaHeaders(String responseId) {
        if (deltaHeaders == null || !Objects.equals(deltaHeaders.get(OpenRouterConstants.RESPONSE_ID), responseId)) {
            deltaHeaders = headers(responseId);
        }
        return deltaHeaders;
    }

    private Map<String, Object> headers(String responseId) {
        Map<String, Object> headers = headersFactory.newMap();
        if (responseId != null) {
            headers.put(OpenRouterConstants.RESPONSE_ID, responseId);
        }
        headers.put(OpenRouterConstants.STREAM_CORRELATION_ID, correlationId);
        headers.put(OpenRouterConstants.STREAM_END, false);
        return headers;
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // the component is stopping: deliver here rather than lose the end (and the original exchange with it)
            drain();
        }
    }

    private void drain() {
        for (int done = 0; done < BATCH; done++) {
            Item item;
            Runnable wake = null;
            synchronized (this) {
                item = queue.poll();
                if (item == null) {
                    running = false;
                    return;
                }
                if (resume != null && queue.size() <= LOW) {
                    wake = resume;
                    resume = null;
                }
            }
            if (wake != null) {
                wake.run();
            }
            if (!send(item)) {
                return; // continues from the endpoint's callback
            }
        }
        schedule();
    }

    /** True when the exchange was done at once; else the callback goes on with the next one. */
    private boolean send(Item item) {
        if (failure != null && item.after() == null) {
            return true; // the stream is being cancelled: the deltas still queued go nowhere
        }
        if (failure != null) {
            item.after().run();
            return true;
        }
        try {
            return producer.process(item.exchange(), doneSync -> {
                sent(item);
                if (!doneSync) {
                    schedule();
                }
            });
        } catch (Throwable t) {
            item.exchange().setException(t);
            sent(item);
            return true;
        }
    }

    private void sent(Item item) {
        Exception problem = item.exchange().getException();
        if (problem != null && failure == null) {
            LOG.debug("{} failed delta {} of stream {}: {}", target, item.exchange().getMessage()
                    .getHeader(OpenRouterConstants.STREAM_INDEX), correlationId, problem.toString());
            failure = problem;
            Runnable wake;
            synchronized (this) {
                wake = resume;
                resume = null;
            }
            onDeliveryFailure.run();
            if (wake != null) {
                wake.run();
            }
        }
        if (item.after() != null) {
            item.after().run();
        }
    }
}
