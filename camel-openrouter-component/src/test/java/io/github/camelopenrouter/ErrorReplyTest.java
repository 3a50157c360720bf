package io.github.camelopenrouter;

import java.io.IOException;
import java.time.Duration;

import io.github.camelopenrouter.simulator.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReplyTest extends OpenRouterTestSupport {

    /** These tests are about how one error reply is decoded: retrying (RetryTest) would hide it. */
    private static final String NO_RETRIES = "openrouter:chat?maxRetries=0";

    private OpenRouterApiException failWith(Fault fault) {
        simulator.enqueue(fault);
        Exchange exchange = send(NO_RETRIES, "Hi");
        assertThat(exchange.getException()).isInstanceOf(OpenRouterApiException.class);
        return (OpenRouterApiException) exchange.getException();
    }

    @Test
    void insufficientCreditsCarriesStatusCodeMessageAndErrorType() {
        OpenRouterApiException e = failWith(Fault.error(402, "Insufficient credits"));

        assertThat(e.getMessage()).isEqualTo("OpenRouter returned HTTP 402: Insufficient credits");
        assertThat(e.getStatusCode()).isEqualTo(402);
        assertThat(e.getErrorCode()).isEqualTo(402);
        assertThat(e.getErrorMessage()).isEqualTo("Insufficient credits");
        assertThat(e.getErrorType()).isEqualTo("payment_required");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void moderationRefusalCarriesReasonsFlaggedInputAndProvider() {
        OpenRouterApiException e = failWith(Fault.error(403, "Input flagged by moderation"));

        assertThat(e.getStatusCode()).isEqualTo(403);
        assertThat(e.getModerationReasons()).containsExactly("violence");
        assertThat(e.getFlaggedInput()).isEqualTo("...flagged part of the input...");
        assertThat(e.getProviderName()).isEqualTo("SimProvider");
        assertThat(e.getMetadata().get("error_type").asText()).isEqualTo("moderation");
    }

    @Test
    void errorCodeGivenAsAStringIsAccepted() {
        OpenRouterApiException e = failWith(Fault.status(400,
                "{\"error\":{\"code\":\"400\",\"message\":\"Bad model\",\"metadata\":{\"error_type\":\"invalid_request\"}}}"));

        assertThat(e.getErrorCode()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("OpenRouter returned HTTP 400: Bad model");
    }

    @Test
    void htmlPageFromAProxyGivesStatusAndAShortExcerpt() {
        OpenRouterApiException e = failWith(Fault.htmlPage(502));

        assertThat(e.getStatusCode()).isEqualTo(502);
        assertThat(e.getMessage()).startsWith("OpenRouter returned HTTP 502 with a non-JSON body (text/html")
                .contains("502 Bad Gateway");
        assertThat(e.getResponseExcerpt()).hasSizeLessThanOrEqualTo(203).contains("<title>502 Bad Gateway</title>");
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void twoHundredWithAnErrorObjectIsAnError() {
        OpenRouterApiException e = failWith(Fault.errorInBody200());

        assertThat(e.getStatusCode()).isEqualTo(200);
        assertThat(e.getErrorCode()).isEqualTo(502);
        assertThat(e.getMessage()).isEqualTo("OpenRouter returned an error in a 200 reply (code 502): Provider returned error");
        assertThat(e.getProviderName()).isEqualTo("SimProvider");
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void finishReasonErrorIsAnError() {
        OpenRouterApiException e = failWith(Fault.finishReasonError());

        assertThat(e.getStatusCode()).isEqualTo(200);
        assertThat(e.getErrorCode()).isEqualTo(502);
        assertThat(e.getMessage()).contains("finish_reason \"error\"").contains("Upstream generation failed");
    }

    @Test
    void droppedConnectionFailsTheExchangeWithAnIoErrorAndDoesNotHang() {
        simulator.enqueue(Fault.dropConnection());
        Exchange dropped = send(NO_RETRIES, "Hi");
        assertThat(dropped.getException()).isInstanceOf(IOException.class);

        simulator.enqueue(Fault.dropMidReply());
        Exchange cut = send(NO_RETRIES, "Hi");
        assertThat(cut.getException()).isInstanceOf(IOException.class);
    }

    @Test
    void refusedConnectionFailsTheExchange() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Exchange exchange = send(NO_RETRIES + "&baseUrl=http://127.0.0.1:" + closedPort + "/api/v1", "Hi");

        assertThat(exchange.getException()).isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void slowReplyStillCompletesTheExchange() {
        simulator.enqueue(Fault.delay(Duration.ofMillis(300)));
        assertThat(send("openrouter:chat", "Hi").getException()).isNull();
    }
}
