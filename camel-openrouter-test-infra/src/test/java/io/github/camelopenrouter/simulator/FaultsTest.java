package io.github.camelopenrouter.simulator;

import static io.github.camelopenrouter.simulator.SimClient.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {

    static final String HELLO = chat(message("user", "hello")).toString();

    OpenRouterSimulator simulator;

    @BeforeEach
    void start() {
        simulator = OpenRouterSimulator.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void statusFaultSendsItsBodyAndHeaders() throws Exception {
        String body = "{\"error\":{\"code\":402,\"message\":\"Insufficient credits\"}}";
        simulator.enqueue(Fault.status(402, body).withHeader("X-Extra", "yes"));
        HttpResponse<String> response = post(simulator, HELLO);
        assertThat(response.statusCode()).isEqualTo(402);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("X-Extra")).hasValue("yes");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(post(simulator, HELLO).statusCode()).as("only the next request is faulted").isEqualTo(200);
    }

    @Test
    void errorFaultsCarryTheErrorTypeOfTheirStatus() throws Exception {
        simulator.enqueue(Fault.error(402, "Insufficient credits"), Fault.error(403, "Flagged"),
                Fault.error(413, "Too big"), Fault.error(503, "No provider"), Fault.error(500, "Oops"));
        JsonNode payment = json(post(simulator, HELLO)).path("error");
        assertThat(payment.path("code").asInt()).isEqualTo(402);
        assertThat(payment.path("message").asText()).isEqualTo("Insufficient credits");
        assertThat(payment.path("metadata").path("error_type").asText()).isEqualTo("payment_required");
        JsonNode moderation = json(post(simulator, HELLO)).path("error").path("metadata");
        assertThat(moderation.path("error_type").asText()).isEqualTo("moderation");
        assertThat(moderation.path("reasons").get(0).asText()).isEqualTo("violence");
        assertThat(moderation.has("flagged_input")).isTrue();
        assertThat(moderation.path("provider_name").asText()).isEqualTo("SimProvider");
        assertThat(json(post(simulator, HELLO)).at("/error/metadata/error_type").asText()).isEqualTo("payload_too_large");
        assertThat(json(post(simulator, HELLO)).at("/error/metadata/error_type").asText()).isEqualTo("provider_error");
        assertThat(json(post(simulator, HELLO)).at("/error/metadata/error_type").asText()).isEqualTo("server_error");
        assertThat(simulator.stats().faulted(Fault.Kind.STATUS)).isEqualTo(5);
    }

    @Test
    void rateLimitedHasRetryAfter() throws Exception {
        simulator.enqueue(Fault.rateLimited("2"));
        HttpResponse<String> response = post(simulator, HELLO);
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(json(response).at("/error/metadata/error_type").asText()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void htmlPageLooksLikeAProxy() throws Exception {
        simulator.enqueue(Fault.htmlPage(502));
        HttpResponse<String> response = post(simulator, HELLO);
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(response.body()).isEqualTo("<html><head><title>502 Bad Gateway</title></head><body><center>"
                + "<h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>");
    }

    @Test
    void dropConnectionGivesTheClientAnIOException() throws Exception {
        simulator.enqueue(Fault.dropConnection());
        assertThatThrownBy(() -> post(simulator, HELLO)).isInstanceOf(IOException.class);
        assertThat(post(simulator, HELLO).statusCode()).as("the server serves on").isEqualTo(200);
        assertThat(simulator.requestCount()).isEqualTo(2);
        assertThat(simulator.stats().faulted(Fault.Kind.DROP_CONNECTION)).isEqualTo(1);
    }

    @Test
    void dropMidReplyGivesTheClientAnIOException() throws Exception {
        simulator.enqueue(Fault.dropMidReply());
        assertThatThrownBy(() -> post(simulator, HELLO)).isInstanceOf(IOException.class);
        assertThat(post(simulator, HELLO).statusCode()).isEqualTo(200);
    }

    @Test
    void delayAnswersNormallyButLater() throws Exception {
        simulator.enqueue(Fault.delay(Duration.ofMillis(400)));
        long start = System.nanoTime();
        HttpResponse<String> response = post(simulator, HELLO);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        SimulatorStats stats = simulator.stats();
        assertThat(stats.faulted(Fault.Kind.DELAY)).isEqualTo(1);
        assertThat(stats.replied2xx()).isEqualTo(1);
    }

    @Test
    void errorInBody200() throws Exception {
        simulator.enqueue(Fault.errorInBody200());
        HttpResponse<String> response = post(simulator, HELLO);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"error\":{\"code\":502,\"message\":\"Provider returned error\","
                + "\"metadata\":{\"provider_name\":\"SimProvider\",\"error_type\":\"provider_error\"}}}");
    }

    @Test
    void finishReasonError() throws Exception {
        simulator.enqueue(Fault.finishReasonError());
        HttpResponse<String> response = post(simulator, HELLO);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode choice = json(response).path("choices").get(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("error");
        assertThat(choice.path("error").path("code").asInt()).isEqualTo(502);
        assertThat(choice.path("error").path("message").asText()).isEqualTo("Upstream generation failed");
        assertThat(choice.path("error").path("metadata").path("error_type").asText()).isEqualTo("provider_error");
        assertThat(json(response).has("usage")).isTrue();
    }

    @Test
    void generationFaultsWaitForAValidRequest() throws Exception {
        simulator.enqueue(Fault.errorInBody200());
        assertThat(post(simulator, "not json").statusCode()).isEqualTo(400);
        SimulatorStats stats = simulator.stats();
        assertThat(stats.rejected()).isEqualTo(1);
        assertThat(stats.faultedTotal()).isZero();
    }

    @Test
    void transportFaultsIgnoreTheRequest() throws Exception {
        simulator.enqueue(Fault.error(503, "busy"));
        assertThat(post(simulator, "not json", null).statusCode()).isEqualTo(503);
    }

    @Test
    void policyDecidesWhenTheQueueIsEmpty() throws Exception {
        simulator.setFaultPolicy(index -> index % 2 == 0 ? Fault.error(503, "busy #" + index) : null);
        simulator.enqueue(Fault.error(429, "queued first"));
        assertThat(post(simulator, HELLO).statusCode()).isEqualTo(429);
        assertThat(post(simulator, HELLO).statusCode()).isEqualTo(200);
        HttpResponse<String> third = post(simulator, HELLO);
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(json(third).at("/error/message").asText()).isEqualTo("busy #2");
        simulator.setFaultPolicy(null);
        assertThat(post(simulator, HELLO).statusCode()).isEqualTo(200);
    }
}
