package io.github.camelopenrouter.benchmarks.peers;

import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelopenrouter.benchmarks.BenchRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * What a Camel user writes without this component: a processor that reads the file, base64-encodes it and lets
 * Jackson build the request, camel-http to post it, Jackson again to pick the answer out of the reply. camel-http's
 * producer blocks its thread; its connection pool is raised to 2,000 so W4 is not limited to the default 20 per host.
 */
public final class CamelHttpJacksonPeer implements Peer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate template;

    public CamelHttpJacksonPeer(String baseUrl) throws Exception {
        HttpComponent http = new HttpComponent();
        http.setMaxTotalConnections(2500);
        http.setConnectionsPerRoute(2500);
        camel.addComponent("http", http);
        String endpoint = baseUrl + "/chat/completions";
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // what a Camel user adds for transient failures (a 429 among them): Camel's redelivery, the same
                // budget as the other peers' (2 retries), exponential from 500 ms; it does not read Retry-After
                errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(500).useExponentialBackOff()
                        .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.OFF)
                        .retriesExhaustedLogLevel(org.apache.camel.LoggingLevel.OFF));
                from("direct:send")
                        .process(CamelHttpJacksonPeer::buildRequest)
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader("Authorization", constant("Bearer " + BenchRequest.API_KEY))
                        .to(endpoint)
                        .process(CamelHttpJacksonPeer::readAnswer);
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    private static void buildRequest(Exchange exchange) throws Exception {
        BenchRequest request = exchange.getMessage().getBody(BenchRequest.class);
        Object content = request.prompt();
        if (request.hasFile()) {
            String dataUrl = "data:" + request.mediaType() + ";base64,"
                             + Base64.getEncoder().encodeToString(Files.readAllBytes(request.file()));
            Map<String, Object> media = request.isPdf()
                    ? Map.of("type", "file", "file", Map.of("filename", request.fileName(), "file_data", dataUrl))
                    : Map.of("type", "image_url", "image_url", Map.of("url", dataUrl));
            content = List.of(Map.of("type", "text", "text", request.prompt()), media);
        }
        Map<String, Object> body = Map.of("model", BenchRequest.MODEL,
                "messages", List.of(Map.of("role", "user", "content", content)));
        exchange.getMessage().setBody(JSON.writeValueAsBytes(body));
    }

    private static void readAnswer(Exchange exchange) throws Exception {
        JsonNode reply = JSON.readTree(exchange.getMessage().getBody(byte[].class));
        exchange.getMessage().setBody(reply.path("choices").path(0).path("message").path("content").asText());
    }

    @Override
    public String send(BenchRequest request) {
        return template.requestBody("direct:send", request, String.class);
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
