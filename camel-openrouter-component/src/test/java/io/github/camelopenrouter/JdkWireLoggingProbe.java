package io.github.camelopenrouter;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run in a child JVM by {@code ApiKeyLeakTest} with {@code -Djdk.httpclient.HttpClient.log=headers}: one request
 * through the component, to show what the JDK's own wire logging prints. Arguments: base URL, API key.
 */
public final class JdkWireLoggingProbe {

    private JdkWireLoggingProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            OpenRouterComponent component = new OpenRouterComponent();
            component.getConfiguration().setBaseUrl(args[0]);
            component.getConfiguration().setApiKey(args[1]);
            camel.addComponent("openrouter", component);
            camel.start();
            Exchange exchange = camel.createProducerTemplate().request("openrouter:chat", e -> e.getMessage().setBody("Hi"));
            System.out.println("probe finished: " + (exchange.getException() == null ? "ok" : exchange.getException()));
        }
    }
}
