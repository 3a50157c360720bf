package io.github.camelopenrouter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelopenrouter.sdkcheck.OpenRouterSdk;
import io.github.camelopenrouter.simulator.StreamShape;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A streamed answer: the request, the deltas at streamTo, and the exchange completed as a non-streamed one. */
class StreamingTest extends OpenRouterTestSupport {

    static final String URI = "openrouter:chat?model=google/gemma-3-27b-it&pdfEngine=cloudflare-ai";

    @Test
    void theRequestAsksForAStreamAndTheDeltasArriveInOrderAtStreamTo() throws Exception {
        simulator.setStreamShape(StreamShape.defaults().withPieceChars(7));
        Exchange exchange = sendOk(URI + "&streamTo=mock:deltas", "Tell me a story");

        assertThat(sentJson().get("stream").asBoolean()).isTrue();
        assertThat(simulator.lastRequest().header("Accept")).isEqualTo("text/event-stream");
        OpenRouterSdk.shared().assertOutbound("ChatRequest", sentJson().toString());

        String answer = exchange.getMessage().getBody(String.class);
        assertThat(answer).isEqualTo("Received 1 text part, 0 images, 0 files, 0 audio, 0 video. Text: \"Tell me a story\"");
        List<Exchange> received = getMockEndpoint("mock:deltas").getReceivedExchanges();
        int deltas = (answer.length() + 6) / 7;
        assertThat(received).hasSize(deltas + 1);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < deltas; i++) {
            Exchange delta = received.get(i);
            assertThat(delta.getMessage().getHeader(OpenRouterConstants.STREAM_INDEX)).isEqualTo(i);
            assertThat(delta.getMessage().getHeader(OpenRouterConstants.STREAM_END)).isEqualTo(false);
            assertThat(delta.getMessage().getHeader(OpenRouterConstants.RESPONSE_ID)).isEqualTo("gen-sim-1");
            assertThat(delta.getMessage().getHeader(OpenRouterConstants.STREAM_CORRELATION_ID))
                    .isEqualTo(exchange.getExchangeId());
            joined.append(delta.getMessage().getBody(String.class));
        }
        assertThat(joined.toString()).isEqualTo(answer);
        Exchange end = received.get(deltas);
        assertThat(end.getMessage().getBody(String.class)).isEmpty();
        assertThat(end.getMessage().getHeaders()).containsEntry(OpenRouterConstants.STREAM_END, true)
                .containsEntry(OpenRouterConstants.STREAM_INDEX, deltas)
                .containsEntry(OpenRouterConstants.RESPONSE_ID, "gen-sim-1")
                .doesNotContainKey(OpenRouterConstants.ERROR_TYPE);
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.TIME_TO_FIRST_TOKEN, Long.class))
                .isNotNull().isNotNegative();
    }

    @Test
    void aStreamedReplyGivesTheExchangeEveryHeaderANonStreamedOneGives() {
        byte[] pdf = TestFiles.pdf("Invoice 42 Total 99 EUR");
        Exchange plain = sendOk(URI, pdf, Map.of(OpenRouterConstants.FILE_NAME, "invoice.pdf"));
        Exchange streamed = sendOk(URI + "&streamTo=mock:deltas", pdf, Map.of(OpenRouterConstants.FILE_NAME, "invoice.pdf"));

        assertThat(streamed.getMessage().getBody(String.class)).isEqualTo(plain.getMessage().getBody(String.class))
                .endsWith("Parsed invoice.pdf with cloudflare-ai: Invoice 42 Total 99 EUR");
        Map<String, Object> actual = streamedHeadersEqualPlain(plain, streamed);
        assertThat(actual).containsKeys(OpenRouterConstants.ANNOTATIONS, OpenRouterConstants.COST,
                OpenRouterConstants.FINISH_REASON, OpenRouterConstants.TOTAL_TOKENS, OpenRouterConstants.PROVIDER);
    }

    @Test
    void aStreamedAnswerWithReasoningAndWebSearchHasTheReasoningAndCitationsANonStreamedOneHas() {
        String uri = "openrouter:chat?model=acme/thinker&reasoningEffort=high&webSearch=true&webMaxResults=2";
        Exchange plain = sendOk(uri, "Camel 4.18 news");
        Exchange streamed = sendOk(uri + "&streamTo=mock:deltas", "Camel 4.18 news");

        assertThat(sentJson().get("stream").asBoolean()).isTrue();
        OpenRouterSdk.shared().assertOutbound("ChatRequest", sentJson().toString());
        assertThat(streamed.getMessage().getBody(String.class)).isEqualTo(plain.getMessage().getBody(String.class));
        Map<String, Object> actual = streamedHeadersEqualPlain(plain, streamed);
        assertThat(actual.get(OpenRouterConstants.REASONING).toString()).startsWith("Simulated reasoning (effort high)");
        assertThat(actual.get(OpenRouterConstants.CITATIONS)).asList().hasSize(2);
        assertThat(actual.get(OpenRouterConstants.ANNOTATIONS).toString()).contains("url_citation");
        assertThat(actual).containsKey(OpenRouterConstants.REASONING_TOKENS);
    }

    @Test
    void aStreamedStructuredAnswerIsValidatedAgainstTheSchemaAsANonStreamedOne() {
        Exchange fitting = sendOk("openrouter:chat?stream=true&jsonSchema=classpath:schemas/invoice.json", "Invoice 42");
        assertThat(sentJson().get("stream").asBoolean()).isTrue();
        assertThat(fitting.getMessage().getBody(String.class)).startsWith("{\"number\":\"simulated number\",\"total\":99.5,");

        simulator.setJsonAnswer(io.github.camelopenrouter.simulator.JsonAnswer.BREAKS_SCHEMA);
        Exchange broken = send("openrouter:chat?stream=true&jsonSchema=classpath:schemas/invoice.json", "Invoice 42");

        assertThat(sentJson().get("stream").asBoolean()).isTrue();
        assertThat(broken.getException()).isInstanceOfSatisfying(OpenRouterOutputException.class,
                e -> assertThat(e.getValidationMessages()).containsExactly("$: required property 'number' not found"));
        assertThat(broken.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("invalid_output");
    }

    /**
     * The streamed exchange's reply headers equal the non-streamed one's, but for the ids of the second generation and
     * the time to the first token a stream adds; returns them, that time left out.
     */
    private static Map<String, Object> streamedHeadersEqualPlain(Exchange plain, Exchange streamed) {
        Map<String, Object> expected = replyHeaders(plain);
        expected.put(OpenRouterConstants.RESPONSE_ID, "gen-sim-2");
        expected.put(OpenRouterConstants.GENERATION_ID, "gen-sim-2");
        Map<String, Object> actual = replyHeaders(streamed);
        assertThat(actual.remove(OpenRouterConstants.TIME_TO_FIRST_TOKEN)).isNotNull();
        assertThat(actual).isEqualTo(expected);
        return actual;
    }

    private static Map<String, Object> replyHeaders(Exchange exchange) {
        Map<String, Object> headers = new TreeMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (name.startsWith("CamelOpenRouter") && !name.equals(OpenRouterConstants.FILE_NAME)) {
                headers.put(name, value);
            }
        });
        return headers;
    }

    @Test
    void streamWithoutStreamToStillStreamsAndTheHeaderTurnsItOn() {
        Exchange exchange = sendOk(URI, "Just the answer", Map.of(OpenRouterConstants.STREAM, "true"));

        assertThat(sentJson().get("stream").asBoolean()).isTrue();
        assertThat(exchange.getMessage().getBody(String.class)).endsWith("Text: \"Just the answer\"");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.TIME_TO_FIRST_TOKEN)).isNotNull();

        sendOk(URI, "Not streamed");
        assertThat(sentJson().has("stream")).as("no stream field unless asked").isFalse();
    }

    @Test
    void theStreamToHeaderWinsOverTheOptionAndTurnsStreamingOn() throws Exception {
        MockEndpoint option = getMockEndpoint("mock:option");
        option.expectedMessageCount(0);
        sendOk(URI + "&streamTo=mock:option", "Where to?", Map.of(OpenRouterConstants.STREAM_TO, "mock:header"));

        assertThat(getMockEndpoint("mock:header").getReceivedCounter()).isGreaterThan(1);
        option.assertIsSatisfied();
    }

    @Test
    void aStreamedTurnIsRememberedInTheConversation() {
        Map<String, Object> turn = Map.of(OpenRouterConstants.CONVERSATION_ID, "s-1");
        Exchange first = sendOk(URI + "&stream=true", TestFiles.pdf("Alpha"), turn);
        sendOk(URI + "&stream=true", "And then?", turn);

        assertThat(sentJson().at("/messages/1/role").asText()).isEqualTo("assistant");
        assertThat(sentJson().at("/messages/1/content").asText()).isEqualTo(first.getMessage().getBody(String.class));
        assertThat(sentJson().at("/messages/1/annotations/0/file/name").asText())
                .isEqualTo(first.getMessage().getHeader(OpenRouterConstants.ANNOTATIONS, com.fasterxml.jackson.databind.JsonNode.class)
                        .at("/0/file/name").asText());
        assertThat(simulator.stats().annotationsReused()).isEqualTo(1);
    }

    @Test
    void anUnresolvableStreamToIsRefusedBeforeSending() {
        Exchange exchange = send(URI, "hi", Map.of(OpenRouterConstants.STREAM_TO, "nosuchscheme:x"));

        assertRefusedBeforeSending(exchange, "streamTo 'nosuchscheme:x' is not an endpoint Camel can resolve");
    }

    @Test
    void aBadStreamHeaderIsRefusedBeforeSending() {
        Exchange exchange = send(URI, "hi", Map.of(OpenRouterConstants.STREAM, "yes please"));

        assertRefusedBeforeSending(exchange, OpenRouterConstants.STREAM, "not true or false");
    }

    @Test
    void processingCommentsKeepASlowFirstTokenAliveBeyondRequestTimeout() {
        simulator.setStreamShape(StreamShape.defaults().withCommentInterval(Duration.ofMillis(100)));
        simulator.enqueue(io.github.camelopenrouter.simulator.Fault.slowFirstToken(Duration.ofMillis(3000)));
        Exchange exchange = sendOk(URI + "&stream=true&requestTimeout=1200&maxRetries=0", "Think first");

        assertThat(exchange.getMessage().getBody(String.class)).endsWith("Text: \"Think first\"");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.TIME_TO_FIRST_TOKEN, Long.class))
                .isGreaterThanOrEqualTo(3000);
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);
    }

    /** More streams delivering at once than the endpoint has delivery threads: the deltas wait, none is refused. */
    @Test
    void moreConcurrentStreamsThanDeliveryThreadsAllArriveWhole() throws Exception {
        simulator.setStreamShape(StreamShape.defaults().withPieceChars(5));
        java.util.concurrent.atomic.AtomicInteger delivered = new java.util.concurrent.atomic.AtomicInteger();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slowDeltas").process(e -> {
                    Thread.sleep(5);
                    delivered.incrementAndGet();
                });
            }
        });
        List<java.util.concurrent.CompletableFuture<Exchange>> streams = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String question = "Question number " + i;
            streams.add(template.asyncSend(URI + "&streamTo=direct:slowDeltas", e -> e.getMessage().setBody(question)));
        }
        int expected = 0;
        for (int i = 0; i < streams.size(); i++) {
            Exchange exchange = streams.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(exchange.getException()).as("stream " + i).isNull();
            String answer = exchange.getMessage().getBody(String.class);
            assertThat(answer).contains("Question number " + i);
            expected += (answer.length() + 4) / 5 + 1;
        }
        assertThat(delivered.get()).isEqualTo(expected);
    }
}
