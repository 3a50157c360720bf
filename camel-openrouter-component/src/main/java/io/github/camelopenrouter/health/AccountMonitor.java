package io.github.camelopenrouter.health;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelopenrouter.OpenRouterApiException;
import io.github.camelopenrouter.client.ApiCall;
import io.github.camelopenrouter.client.ApiOutcome;
import io.github.camelopenrouter.client.Failures;
import io.github.camelopenrouter.client.OpenRouterClient;
import io.github.camelopenrouter.client.RetryingSender;
import io.github.camelopenrouter.wire.Credits;
import io.github.camelopenrouter.wire.DataEnvelope;
import io.github.camelopenrouter.wire.KeyInfo;
import io.github.camelopenrouter.wire.WireJson;
import org.apache.camel.health.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the account on a schedule - {@code GET /credits}, or {@code GET /key} for a key that may not read the credits
 * (OpenRouter answers 403 unless it is a management key) - and keeps what it learnt as an {@link AccountStatus}. A health
 * check only reads that status: Kubernetes probing readiness every few seconds never turns into calls to OpenRouter, and
 * no exchange ever waits for a probe. A call refused with 401 or 402 marks the account DOWN at once, and the next
 * success (of a call or a probe) brings it back.
 */
public final class AccountMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(AccountMonitor.class);

    private static final ObjectReader CREDITS = WireJson.MAPPER.readerFor(new TypeReference<DataEnvelope<Credits>>() {
    });
    private static final ObjectReader KEY = WireJson.MAPPER.readerFor(new TypeReference<DataEnvelope<KeyInfo>>() {
    });

    private final RetryingSender sender;
    private final ScheduledExecutorService timer;
    private final long intervalMillis;
    private final String baseUrl;
    private volatile AccountStatus status = AccountStatus.notCheckedYet();
    /** Set once {@code GET /credits} answered 403: this key may read its own limits only. */
    private volatile boolean keyOnly;
    private volatile boolean stopped;
    private volatile ScheduledFuture<?> next;

    /**
     * @param sender a sender without retries: a probe that fails says so, and the next one comes at the next interval
     * @param timer  only starts the probe (sending holds no thread); the reply is judged on the client's threads
     */
    public AccountMonitor(RetryingSender sender, ScheduledExecutorService timer, long intervalMillis, String baseUrl) {
        this.sender = sender;
        this.timer = timer;
        this.intervalMillis = intervalMillis;
        this.baseUrl = baseUrl;
    }

    /** The first probe goes out now, the next ones {@code intervalMillis} after each answer. */
    public void start() {
        schedule(0);
    }

    public void stop() {
        stopped = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    public AccountStatus status() {
        return status;
    }

    /** A call's outcome: 401 and 402 say at once what the next probe would; a success clears a DOWN. */
    public void observe(Throwable failure) {
        if (failure == null) {
            if (status.state() == HealthCheck.State.DOWN) {
                status = AccountStatus.up("a call succeeded", null, "a call");
            }
            return;
        }
        if (failure instanceof OpenRouterApiException api && (api.getStatusCode() == 401 || api.getStatusCode() == 402)) {
            status = refused(api, "a call");
        }
    }

    private void schedule(long delayMillis) {
        if (stopped) {
            return;
        }
        try {
            next = timer.schedule(this::probe, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the endpoint is stopping: its timer no longer takes work
        }
    }

    private void probe() {
        if (stopped) {
            return;
        }
        CompletableFuture<? extends ApiOutcome<AccountStatus>> outcome;
        try {
            outcome = keyOnly ? sender.send(ApiCall.get("/key", this::keyStatus))
                    : sender.send(ApiCall.get("/credits", this::creditsStatus));
        } catch (RuntimeException e) {
            judged(null, e);
            return;
        }
        outcome.whenComplete((result, unexpected) -> judged(result, unexpected));
    }

    private void judged(ApiOutcome<AccountStatus> outcome, Throwable unexpected) {
        if (stopped) {
            return;
        }
        Throwable failure = unexpected != null ? OpenRouterClient.unwrap(unexpected) : outcome.failure();
        if (failure == null) {
            status = outcome.result();
        } else if (!keyOnly && failure instanceof OpenRouterApiException api && api.getStatusCode() == 403) {
            LOG.debug("GET /credits answered 403 (not a management key): checking GET /key instead");
            keyOnly = true;
            schedule(0);
            return;
        } else {
            status = failed(failure);
        }
        LOG.debug("OpenRouter account at {}: {} ({})", baseUrl, status.state(), status.reason());
        schedule(intervalMillis);
    }

    private AccountStatus creditsStatus(int httpStatus, java.net.http.HttpHeaders headers, byte[] body) throws IOException {
        DataEnvelope<Credits> envelope = CREDITS.readValue(body);
        BigDecimal remaining = envelope == null || envelope.data() == null ? null : envelope.data().remaining();
        if (remaining != null && remaining.signum() <= 0) {
            return AccountStatus.down("credits exhausted: " + envelope.data().totalUsage().toPlainString() + " of "
                                      + envelope.data().totalCredits().toPlainString() + " USD used; add credits at"
                                      + " https://openrouter.ai/settings/credits", httpStatus, remaining, "GET /credits");
        }
        return AccountStatus.up("credits available", remaining, "GET /credits");
    }

    private AccountStatus keyStatus(int httpStatus, java.net.http.HttpHeaders headers, byte[] body) throws IOException {
        DataEnvelope<KeyInfo> envelope = KEY.readValue(body);
        BigDecimal remaining = envelope == null || envelope.data() == null ? null : envelope.data().limitRemaining();
        if (remaining != null && remaining.signum() <= 0) {
            return AccountStatus.down("the key's spending limit is reached (" + envelope.data().limit().toPlainString()
                                      + " USD); raise it at https://openrouter.ai/settings/keys", httpStatus, remaining,
                    "GET /key");
        }
        return AccountStatus.up("key accepted", remaining, "GET /key");
    }

    private AccountStatus failed(Throwable failure) {
        if (failure instanceof OpenRouterApiException api) {
            if (api.getStatusCode() == 401 || api.getStatusCode() == 402) {
                return refused(api, keyOnly ? "GET /key" : "GET /credits");
            }
            if (api.getStatusCode() == 429) {
                // the key is fine: OpenRouter only asks to slow down, and calls are retried after its Retry-After
                return AccountStatus.up("rate limited (429), key accepted", null, keyOnly ? "GET /key" : "GET /credits");
            }
            return AccountStatus.down("OpenRouter answered HTTP " + api.getStatusCode() + ": " + api.getErrorMessage(),
                    api.getStatusCode(), null, keyOnly ? "GET /key" : "GET /credits");
        }
        String type = Failures.errorType(failure);
        return AccountStatus.down("OpenRouter unreachable at " + baseUrl + " (" + type + ": "
                                  + (failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName())
                                  + ")", null, null, keyOnly ? "GET /key" : "GET /credits");
    }

    private static AccountStatus refused(OpenRouterApiException api, String source) {
        String reason = api.getStatusCode() == 401
                ? "OpenRouter rejected the API key (401: " + api.getErrorMessage() + "); check camel.component.openrouter.api-key"
                  + " or OPENROUTER_API_KEY"
                : "credits exhausted (402: " + api.getErrorMessage() + "); add credits at https://openrouter.ai/settings/credits";
        return AccountStatus.down(reason, api.getStatusCode(), null, source);
    }
}
