package io.github.camelopenrouter.observe;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of one endpoint since it started, for the dev console: plain adders, kept whether or not Micrometer
 * is on the classpath, cheap enough to update on every call.
 */
public final class EndpointStats implements CallObserver {

    private final LongAdder requests = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();
    private final DoubleAdder cost = new DoubleAdder();
    private volatile String lastErrorType;

    @Override
    public void finished(CallRecord record) {
        requests.increment();
        retries.add(record.retries());
        if (!record.succeeded()) {
            failures.increment();
            lastErrorType = record.errorType();
        }
        if (record.inputTokens() != null) {
            inputTokens.add(record.inputTokens());
        }
        if (record.outputTokens() != null) {
            outputTokens.add(record.outputTokens());
        }
        if (record.cost() != null) {
            cost.add(record.cost());
        }
    }

    public long requests() {
        return requests.sum();
    }

    public long failures() {
        return failures.sum();
    }

    public long retries() {
        return retries.sum();
    }

    public long inputTokens() {
        return inputTokens.sum();
    }

    public long outputTokens() {
        return outputTokens.sum();
    }

    public double cost() {
        return cost.sum();
    }

    /** The error type of the last failure, or null. */
    public String lastErrorType() {
        return lastErrorType;
    }
}
