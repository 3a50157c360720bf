package io.github.camelopenrouter.benchmarks.peers;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelopenrouter.OpenRouterComponent;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.benchmarks.BenchRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * This component in a route, configured as its documentation shows: a file goes in as a {@link java.nio.file.Path}
 * body, the prompt as a header. The template sends without a thread per request ({@code threadedAsyncMode=false}), so
 * W4 runs on the component's own non-blocking client.
 */
public final class ComponentPeer implements Peer {

    private final CamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate template;

    public ComponentPeer(String baseUrl) throws Exception {
        this(baseUrl, OpenRouterComponent.DEFAULT_MAX_CONCURRENT_REQUESTS);
    }

    /** @param maxConcurrentRequests W4 measures 2,000 requests in flight at once: it raises the component's limit */
    public ComponentPeer(String baseUrl, int maxConcurrentRequests) throws Exception {
        OpenRouterComponent component = camel.getComponent("openrouter", OpenRouterComponent.class);
        // the key on the component, as the docs advise: in the URI it would show in every endpoint dump (and the
        // component warns about exactly that)
        component.getConfiguration().setApiKey(BenchRequest.API_KEY);
        component.setMaxConcurrentRequests(maxConcurrentRequests);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send")
                        .to("openrouter:chat?baseUrl=" + baseUrl
                            + "&model=" + BenchRequest.MODEL);
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
        template.setThreadedAsyncMode(false);
        template.start();
    }

    @Override
    public String send(BenchRequest request) {
        return template.requestBodyAndHeaders("direct:send", body(request), headers(request), String.class);
    }

    @Override
    public boolean hasAsyncApi() {
        return true;
    }

    @Override
    public CompletableFuture<String> sendAsync(BenchRequest request) {
        return template.asyncRequestBodyAndHeaders("direct:send", body(request), headers(request), String.class);
    }

    private static Object body(BenchRequest request) {
        return request.hasFile() ? request.file() : request.prompt();
    }

    private static Map<String, Object> headers(BenchRequest request) {
        return request.hasFile() ? Map.of(OpenRouterConstants.PROMPT, request.prompt()) : Map.of();
    }

    /** For the test that checks the peer is configured as the docs advise. */
    CamelContext camel() {
        return camel;
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
