package io.github.camelopenrouter;

import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.camelopenrouter.operation.ModelsCache;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates {@code openrouter:} endpoints; options set here are the defaults of every endpoint. */
@Component("openrouter")
public class OpenRouterComponent extends HealthCheckComponent implements SSLContextParametersAware {

    static final String API_KEY_VARIABLE = "OPENROUTER_API_KEY";

    private static final Logger LOG = LoggerFactory.getLogger(OpenRouterComponent.class);

    @Metadata(description = "The component's configuration: the defaults of every endpoint.")
    private OpenRouterConfiguration configuration = new OpenRouterConfiguration();

    @Metadata(label = "security", defaultValue = "false",
              description = "Use the CamelContext's global SSL context parameters when an endpoint has no"
                            + " sslContextParameters (and no httpClient of its own).")
    private boolean useGlobalSslContextParameters;

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
        setProperties(endpoint, parameters);
        if (endpointConfiguration.getSslContextParameters() == null && endpointConfiguration.getHttpClient() == null) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        return endpoint;
    }

    private static OpenRouterOperation operation(String remaining) {
        try {
            return OpenRouterOperation.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown OpenRouter operation '" + remaining + "': use one of openrouter:chat,"
                                               + " files, models, embeddings, generation, credits or key", e);
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

    String environmentVariable(String name) {
        return environment.apply(name);
    }

    void setEnvironment(UnaryOperator<String> environment) {
        this.environment = environment;
    }
}
