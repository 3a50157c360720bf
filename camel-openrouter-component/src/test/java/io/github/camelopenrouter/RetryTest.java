package io.github.camelopenrouter;

import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelopenrouter.client.RetryNote;
import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.simulator.RecordedRequest;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries happen inside the component, against the simulator's faults, and end in exactly one outcome. */
class RetryTest extends OpenRouterTestSupport {

    /** Small delays keep the tests fast; the rules are the same as with the defaults. */
    private static final String FAST = "openrouter:chat?retryInitialDelay=10&retryMaxDelay=2000";

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = { 408, 429, 500, 502, 503, 524, 529 })
    void aRetryableStatusIsSentAgainAndTheExchangeSucceeds(int status) {
        simulator.enqueue(Fault.error(status, "transient " + status));

        Exchange exchange = sendOk(FAST, "Hi");

        assertThat(simulator.requestCount()).isEqualTo(2);
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(2);
        assertThat(exchange.getMessage().getBody(String.class)).startsWith("Received 1 text part");
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isNull();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = { 400, 401, 402, 403, 413 })
    void aNonRetryableStatusIsNeverSentAgain(int status) {
        simulator.enqueue(Fault.error(status, "final " + status));

        Exchange exchange = send(FAST, "Hi");

        assertThat(exchange.getException()).isInstanceOf(OpenRouterApiException.class)
                .hasMessage("OpenRouter returned HTTP " + status + ": final " + status);
        assertThat(simulator.requestCount()).isEqualTo(1);
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE))
                .isEqualTo(((OpenRouterApiException) exchange.getException()).getErrorType());
    }

    @Test
    void aTwoHundredCarryingAProviderErrorIsRetried() {
        simulator.enqueue(Fault.errorInBody200(), Fault.finishReasonError());

        Exchange exchange = sendOk(FAST, "Hi");

        assertThat(simulator.requestCount()).isEqualTo(3);
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(3);
    }

    @Test
    void connectionsDroppedBeforeOrDuringTheReplyAndProxyPagesAreRetried() {
        simulator.enqueue(Fault.dropConnection(), Fault.dropMidReply());
        assertThat(sendOk(FAST, "Hi").getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(3);

        simulator.enqueue(Fault.htmlPage(502));
        assertThat(sendOk(FAST, "Hi").getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(2);
    }

    @Test
    void everyAttemptSendsTheWholeBodyAgainFromItsSource(@TempDir Path folder) throws Exception {
        Path pdf = Files.write(folder.resolve("contract.pdf"), TestFiles.pdf("Contract 7"));
        simulator.enqueue(Fault.error(503, "overloaded"), Fault.dropMidReply());

        sendOk(FAST, pdf.toFile());
        simulator.enqueue(Fault.dropConnection());
        sendOk(FAST + "&maxRetries=1", new ByteArrayInputStream(TestFiles.png()), Map.of());

        List<RecordedRequest> requests = simulator.requests();
        assertThat(requests).hasSize(5);
        assertThat(requests.get(0).body()).contains("data:application/pdf;base64,").isEqualTo(requests.get(1).body())
                .isEqualTo(requests.get(2).body());
        assertThat(requests.get(3).body()).contains("data:image/png;base64,").isEqualTo(requests.get(4).body());
    }

    @Test
    void exhaustedRetriesEndWithTheLastErrorAndTheEarlierOnesSuppressed() {
        simulator.enqueue(Fault.error(503, "overloaded 1"), Fault.error(502, "overloaded 2"), Fault.error(503, "overloaded 3"));

        Exchange exchange = send(FAST, "Hi");

        assertThat(exchange.getException()).isInstanceOf(OpenRouterApiException.class)
                .hasMessage("OpenRouter returned HTTP 503: overloaded 3 (gave up after 3 attempts)");
        assertThat(exchange.getException().getSuppressed()).extracting(Throwable::getMessage)
                .containsExactly("OpenRouter returned HTTP 503: overloaded 1", "OpenRouter returned HTTP 502: overloaded 2");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(3);
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("provider_error");
        assertThat(simulator.requestCount()).isEqualTo(3);
    }

    @Test
    void aRefusedConnectionIsRetriedAndKeepsItsType() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Exchange exchange = send(FAST + "&baseUrl=http://127.0.0.1:" + closedPort + "/api/v1", "Hi");

        assertThat(exchange.getException()).isExactlyInstanceOf(ConnectException.class);
        assertThat(exchange.getException().getSuppressed()).hasSize(3);
        assertThat(exchange.getException().getSuppressed()[0]).isInstanceOf(RetryNote.class)
                .hasMessage("gave up after 3 attempts");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(3);
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("connection_failed");
    }

    @Test
    void retryAfterInSecondsIsWaitedBeforeTheNextAttempt() {
        simulator.enqueue(Fault.rateLimited("1"));

        long started = System.nanoTime();
        Exchange exchange = sendOk(FAST, "Hi");
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(elapsed).isBetween(1000L, 4000L);
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(2);
    }

    @Test
    void retryAfterAsAnHttpDateIsWaitedUntilThatTime() {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        simulator.enqueue(Fault.rateLimited(inTwoSeconds));

        long started = System.nanoTime();
        sendOk(FAST, "Hi");
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        // the date has whole seconds: two seconds from now, truncated, is at least one second away
        assertThat(elapsed).isBetween(900L, 4000L);
        assertThat(simulator.requestCount()).isEqualTo(2);
    }

    @Test
    void retryAfterLongerThanRetryMaxDelayFailsAtOnceAndSaysWhy() {
        simulator.enqueue(Fault.rateLimited("3600"));

        long started = System.nanoTime();
        Exchange exchange = send(FAST, "Hi");
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        OpenRouterApiException e = (OpenRouterApiException) exchange.getException();
        assertThat(e).hasMessage("OpenRouter returned HTTP 429: Rate limit exceeded: too many requests, slow down (not"
                                 + " retried: the server asked to wait 3600 s (Retry-After), longer than retryMaxDelay"
                                 + " (2000 ms))");
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(e.isRetryable()).isTrue();
        assertThat(elapsed).isLessThan(1000);
        assertThat(simulator.requestCount()).isEqualTo(1);
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void theWaitGrowsExponentially() {
        simulator.enqueue(Fault.error(503, "a"), Fault.error(503, "b"));

        long started = System.nanoTime();
        sendOk("openrouter:chat?retryInitialDelay=200&retryMaxDelay=5000", "Hi");
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        // first wait 100..200 ms, second 200..400 ms (jitter takes up to half away)
        assertThat(elapsed).isBetween(300L, 2000L);
    }

    @Test
    void waitingRetriesHoldNoThread() throws Exception {
        int exchanges = 40;
        for (int i = 0; i < exchanges; i++) {
            simulator.enqueue(Fault.rateLimited("1"));
        }
        // about the retries' timers: the limiter would otherwise pause every request after the first refusal
        context.getComponent("openrouter", OpenRouterComponent.class).setAdaptiveConcurrency(false);
        AsyncProducer producer = context.getEndpoint(FAST + "&clientThreads=1").createAsyncProducer();
        producer.start();
        CountDownLatch done = new CountDownLatch(exchanges);
        ConcurrentLinkedQueue<Exchange> finished = new ConcurrentLinkedQueue<>();

        long started = System.nanoTime();
        for (int i = 0; i < exchanges; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody("Hi " + i);
            boolean sync = producer.process(exchange, doneSync -> {
                finished.add(exchange);
                done.countDown();
            });
            assertThat(sync).as("completed synchronously").isFalse();
        }
        long submitted = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        producer.stop();

        // 40 waits of one second on one client thread and one timer thread: in parallel, not one after another
        assertThat(submitted).isLessThan(1000);
        assertThat(elapsed).isBetween(1000L, 5000L);
        assertThat(finished).hasSize(exchanges).allSatisfy(e -> {
            assertThat(e.getException()).isNull();
            assertThat(e.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(2);
        });
        assertThat(simulator.requestCount()).isEqualTo(2 * exchanges);
    }

    @Test
    void stoppingTheEndpointEndsAnExchangeWaitingForItsRetry() throws Exception {
        simulator.enqueue(Fault.rateLimited("2"));
        OpenRouterEndpoint endpoint = context.getEndpoint("openrouter:chat?retryMaxDelay=10000&clientThreads=1",
                OpenRouterEndpoint.class);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody("Hi");
        CountDownLatch done = new CountDownLatch(1);

        producer.process(exchange, doneSync -> done.countDown());
        awaitWaitingRetry(endpoint);
        long stopping = System.nanoTime();
        endpoint.stop();

        assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping)).isLessThan(1500);
        assertThat(exchange.getException()).isInstanceOf(OpenRouterApiException.class)
                .hasMessageEndingWith("(not retried: the endpoint stopped)");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void stoppingTheEndpointEndsAnExchangeWhoseRequestIsInFlight() throws Exception {
        simulator.enqueue(Fault.delay(Duration.ofSeconds(5)));
        OpenRouterEndpoint endpoint = context.getEndpoint("openrouter:chat?clientThreads=1", OpenRouterEndpoint.class);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody("Hi");
        CountDownLatch done = new CountDownLatch(1);

        producer.process(exchange, doneSync -> done.countDown());
        simulator.awaitRequests(1, Duration.ofSeconds(5));
        endpoint.stop();

        assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(exchange.getException()).isInstanceOf(java.util.concurrent.RejectedExecutionException.class)
                .hasMessage("The endpoint stopped while attempt 1 was in flight");
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("stopped");
    }

    private static void awaitWaitingRetry(OpenRouterEndpoint endpoint) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (endpoint.getSender().waitingRetries() == 0) {
            assertThat(System.nanoTime()).as("a retry is waiting").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void maxRetriesZeroSendsOnce() {
        simulator.enqueue(Fault.error(503, "overloaded"));

        Exchange exchange = send("openrouter:chat?maxRetries=0", "Hi");

        assertThat(exchange.getException()).hasMessage("OpenRouter returned HTTP 503: overloaded");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void aRefusedInputMadeNoAttempt() {
        Exchange exchange = send(FAST, new byte[0]);

        assertThat(exchange.getException()).isInstanceOf(OpenRouterInputException.class);
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(0);
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("invalid_input");
        assertThat(simulator.requestCount()).isZero();
    }
}
