package io.github.camelopenrouter.health;

import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of one {@code openrouter:} producer: the last {@link AccountStatus} its endpoint's {@link AccountMonitor}
 * learnt. Calling it never calls OpenRouter, so a probe every second costs nothing. Readiness only, as Camel's producer
 * checks are: a revoked key or empty credits should take the pod out of service, not restart it.
 */
public final class OpenRouterProducerHealthCheck implements HealthCheck {

    private final String id;
    private final AccountMonitor monitor;
    private final Map<String, Object> identity;
    private volatile boolean enabled = true;

    /**
     * @param endpointId  the endpoint's id, as Camel's producer checks name themselves ({@code producer:<component>-<id>})
     * @param endpointUri the endpoint's URI already sanitised (no key)
     */
    public OpenRouterProducerHealthCheck(String endpointId, String endpointUri, String baseUrl, String operation,
                                         AccountMonitor monitor) {
        this.id = "producer:openrouter-" + endpointId;
        this.monitor = monitor;
        this.identity = Map.of(HealthCheck.ENDPOINT_URI, endpointUri, "openrouter.base.url", baseUrl,
                "openrouter.operation", operation);
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        AccountStatus status = monitor.status();
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).state(status.state())
                .details(identity).details(status.details());
        if (status.state() != State.UP) {
            builder.message(status.reason());
        }
        return builder.build();
    }
}
