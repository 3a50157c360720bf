package io.github.camelopenrouter.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;

import io.github.camelopenrouter.OpenRouterApiException;
import io.github.camelopenrouter.OpenRouterInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arithmetic and the rules of retrying, without a server: what waits how long, and what is never retried. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, 500, 30_000);

    @Test
    void theNominalWaitDoublesUpToTheCap() {
        assertThat(policy.nominalBackoff(1)).isEqualTo(500);
        assertThat(policy.nominalBackoff(2)).isEqualTo(1000);
        assertThat(policy.nominalBackoff(3)).isEqualTo(2000);
        assertThat(policy.nominalBackoff(7)).isEqualTo(30_000);
        assertThat(policy.nominalBackoff(1000)).isEqualTo(30_000);
    }

    @Test
    void jitterKeepsTheWaitBetweenHalfAndAllOfTheNominalOne() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            long wait = policy.backoff(2);
            assertThat(wait).isBetween(500L, 1000L);
            seen.add(wait);
        }
        assertThat(seen).as("distinct waits").hasSizeGreaterThan(100);
    }

    @Test
    void retryableFailuresAreRetriedUntilMaxRetries() {
        OpenRouterApiException overloaded = api(503, null);

        assertThat(policy.decide(overloaded, 1, true).retry()).isTrue();
        assertThat(policy.decide(overloaded, 5, true).retry()).isTrue();
        RetryPolicy.Decision last = policy.decide(overloaded, 6, true);
        assertThat(last.retry()).isFalse();
        assertThat(last.note()).isEqualTo("gave up after 6 attempts");
    }

    @Test
    void transportFailuresAndTimeoutsAreRetriedButNotTlsOrBodyFailures() {
        assertThat(policy.decide(new ConnectException("refused"), 1, true).retry()).isTrue();
        assertThat(policy.decide(new IOException("HTTP/1.1 header parser received no bytes"), 1, true).retry()).isTrue();
        assertThat(policy.decide(new HttpTimeoutException("request timed out"), 1, true).retry()).isTrue();
        assertThat(policy.decide(new SSLHandshakeException("PKIX path building failed"), 1, true).retry()).isFalse();
        assertThat(policy.decide(new IOException(new RequestBodyException("disk gone", null)), 1, true).retry()).isFalse();
        assertThat(policy.decide(new OpenRouterInputException("bad"), 1, true).retry()).isFalse();
        assertThat(policy.decide(new IllegalStateException("bug"), 1, true).retry()).isFalse();
    }

    @Test
    void nonRetryableStatusesAreNeverRetried() {
        for (int status : new int[] { 400, 401, 402, 403, 404, 413, 422 }) {
            assertThat(policy.decide(api(status, null), 1, true).retry()).as("HTTP %d", status).isFalse();
        }
    }

    @Test
    void retryAfterIsAFloorForTheWait() {
        assertThat(policy.decide(api(429, Duration.ofSeconds(7)), 1, true).delayMillis()).isEqualTo(7000);
        assertThat(policy.decide(api(429, Duration.ZERO), 1, true).delayMillis()).isBetween(250L, 500L);
        assertThat(policy.decide(api(429, Duration.ofSeconds(30)), 1, true).delayMillis()).isEqualTo(30_000);
    }

    @Test
    void retryAfterLongerThanTheCapIsNotWaited() {
        RetryPolicy.Decision decision = policy.decide(api(429, Duration.ofMillis(30_001)), 2, true);

        assertThat(decision.retry()).isFalse();
        assertThat(decision.note()).isEqualTo("not retried: the server asked to wait 30 s (Retry-After), longer than"
                                              + " retryMaxDelay (30000 ms), after 2 attempts");
    }

    @Test
    void aBodyThatCannotBeReadAgainIsNotRetried() {
        RetryPolicy.Decision decision = policy.decide(api(503, null), 1, false);

        assertThat(decision.retry()).isFalse();
        assertThat(decision.note()).startsWith("not retried: the request body comes from a source that can be read only once");
    }

    @Test
    void maxRetriesZeroGivesUpWithoutANote() {
        RetryPolicy.Decision decision = new RetryPolicy(0, 500, 30_000).decide(api(503, null), 1, true);

        assertThat(decision.retry()).isFalse();
        assertThat(decision.note()).isNull();
    }

    @Test
    void negativeSettingsAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(-1, 500, 30_000)).hasMessageContaining("maxRetries must be 0 or more");
        assertThatThrownBy(() -> new RetryPolicy(2, -5, 30_000)).hasMessageContaining("retryInitialDelay");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

        assertThat(RetryAfter.parse("120", clock)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", clock)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("Sun, 01 Jun 2025 12:00:30 GMT", clock)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sun, 01 Jun 2025 11:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("99999999999999999999999", clock)).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(RetryAfter.parse("soon", clock)).isNull();
        assertThat(RetryAfter.parse("-5", clock)).isNull();
        assertThat(RetryAfter.parse(null, clock)).isNull();
    }

    private static OpenRouterApiException api(int status, Duration retryAfter) {
        return new OpenRouterApiException("HTTP " + status, status, status, "x", null, null, retryAfter);
    }
}
