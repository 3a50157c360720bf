package io.github.camelopenrouter.observe;

import java.util.function.ToDoubleFunction;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer is optional: this class names no Micrometer type, so the component loads without it, and only when
 * Micrometer is on the classpath and a {@code MeterRegistry} is in Camel's registry (Spring Boot's actuator puts one
 * there, so does camel-micrometer in Camel Main) are the meters of {@link MicrometerMeters} created.
 */
public final class Meters {

    private static final Logger LOG = LoggerFactory.getLogger(Meters.class);
    private static final boolean MICROMETER = present("io.micrometer.core.instrument.MeterRegistry");

    private Meters() {
    }

    /**
     * @return an observer recording the GenAI metrics of this endpoint's calls, after registering its gauges; null when
     *         there is no Micrometer or no registry
     */
    public static <T> EndpointMeters attach(CamelContext context, String baseUrl, T endpoint, String operation,
            String endpointName, ToDoubleFunction<T> active, ToDoubleFunction<T> waiting, FlowControl flow) {
        if (!MICROMETER) {
            return null;
        }
        return MicrometerSupport.attach(context, baseUrl, endpoint, operation, endpointName, active, waiting, flow);
    }

    /** The component's limiter, read when scraped. */
    public interface FlowControl {
        int concurrencyLimit();

        int inFlight();

        int queued();

        long loadRefusals();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Meters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Kept apart so that Micrometer's types are resolved only once Micrometer is known to be there. */
    private static final class MicrometerSupport {

        static <T> EndpointMeters attach(CamelContext context, String baseUrl, T endpoint, String operation,
                String endpointName, ToDoubleFunction<T> active, ToDoubleFunction<T> waiting, FlowControl flow) {
            io.micrometer.core.instrument.MeterRegistry registry = context.getRegistry()
                    .findSingleByType(io.micrometer.core.instrument.MeterRegistry.class);
            if (registry == null) {
                LOG.debug("Micrometer is on the classpath but no MeterRegistry is in the registry: no OpenRouter metrics");
                return null;
            }
            MicrometerMeters meters = new MicrometerMeters(registry, baseUrl);
            meters.gauges(endpoint, operation, endpointName, active, waiting);
            meters.componentGauges(flow, FlowControl::concurrencyLimit, FlowControl::inFlight, FlowControl::queued,
                    FlowControl::loadRefusals);
            return meters;
        }
    }
}
