package io.github.camelopenrouter.examples.mainjob;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.camelopenrouter.OpenRouterConstants;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Watches one route's exchanges (the folder route's, the invoice extraction's): prints one line per file as it completes and adds up tokens and cost. Camel
 * signals completion after the file component has moved the original, so a printed file is really done. Files finish
 * on several threads at once; notify is synchronized so the lines and their numbers come out whole and in order.
 */
final class JobProgress extends EventNotifierSupport {

    private final String routeId;
    private final int expected;
    private final Function<String, String> answerPath;
    private final String failedPath;
    private final PrintStream out;
    private final CountDownLatch finished;
    private final AtomicInteger seen = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong completionTokens = new AtomicLong();
    private final AtomicReference<BigDecimal> cost = new AtomicReference<>(BigDecimal.ZERO);

    /** The folder route's progress: answers in outbox/NAME.md, failures in inbox/.failed/. */
    JobProgress(String routeId, int expected, PrintStream out) {
        this(routeId, expected, out, name -> "outbox/" + name + ".md", "inbox/.failed/");
    }

    /**
     * @param answerPath where the answer to a file of this name is written, as printed
     * @param failedPath where a failed file goes, as printed
     */
    JobProgress(String routeId, int expected, PrintStream out, Function<String, String> answerPath, String failedPath) {
        this.routeId = routeId;
        this.expected = expected;
        this.answerPath = answerPath;
        this.failedPath = failedPath;
        this.out = out;
        this.finished = new CountDownLatch(expected);
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return (event instanceof ExchangeCompletedEvent || event instanceof ExchangeFailedEvent)
               && routeId.equals(((CamelEvent.ExchangeEvent) event).getExchange().getFromRouteId());
    }

    @Override
    public synchronized void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        String name = originalName(exchange);
        int position = seen.incrementAndGet();
        String counter = String.format("[%" + String.valueOf(expected).length() + "d/%d]", position, expected);
        if (exchange.isFailed()) {
            failed.incrementAndGet();
            out.printf("%s FAILED %-24s -> %s  %s%n", counter, name, failedPath, reason(exchange.getException()));
        } else {
            done.incrementAndGet();
            Message message = exchange.getMessage();
            long prompt = count(message.getHeader(OpenRouterConstants.PROMPT_TOKENS, Long.class));
            long completion = count(message.getHeader(OpenRouterConstants.COMPLETION_TOKENS, Long.class));
            Double fileCost = message.getHeader(OpenRouterConstants.COST, Double.class);
            BigDecimal price = fileCost == null ? BigDecimal.ZERO : BigDecimal.valueOf(fileCost);
            promptTokens.addAndGet(prompt);
            completionTokens.addAndGet(completion);
            cost.accumulateAndGet(price, BigDecimal::add);
            out.printf("%s done   %-24s -> %s  %,d tokens, $%s%n", counter, name, answerPath.apply(name), prompt + completion,
                    plain(price));
        }
        finished.countDown();
    }

    /** @return whether every expected file was reported within the timeout */
    boolean await(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    Summary summary() {
        return new Summary(expected, done.get(), failed.get(), promptTokens.get(), completionTokens.get(), cost.get());
    }

    private static String originalName(Exchange exchange) {
        // the route renames CamelFileName to the answer's name; the consumed file itself is kept as a property
        if (exchange.getProperty(Exchange.FILE_EXCHANGE_FILE) instanceof GenericFile<?> file) {
            return file.getFileNameOnly();
        }
        return exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, "?", String.class);
    }

    private static String reason(Exception exception) {
        if (exception == null) {
            return "";
        }
        String message = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
        message = message.lines().findFirst().orElse("");
        return message.length() > 140 ? message.substring(0, 137) + "..." : message;
    }

    private static long count(Long value) {
        return value == null ? 0 : value;
    }

    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** What the job did, for the last line and the exit code. */
    record Summary(int files, int done, int failed, long promptTokens, long completionTokens, BigDecimal cost) {

        long totalTokens() {
            return promptTokens + completionTokens;
        }

        boolean allDone() {
            return done == files;
        }

        /** Both runs' figures added up: the job is done when both are. */
        Summary plus(Summary other) {
            return new Summary(files + other.files, done + other.done, failed + other.failed,
                    promptTokens + other.promptTokens, completionTokens + other.completionTokens, cost.add(other.cost));
        }
    }
}
