package io.github.camelopenrouter;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.wire.ChatResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reply tells besides its text: the provider's own finish reason, the generation id (X-Generation-Id, else the
 * body's id), the cost details and whether the user's own provider key paid (BYOK), as headers on the exchange.
 */
class ReplyExtrasTest extends OpenRouterTestSupport {

    @Test
    void theExchangeGetsEveryReplyHeader() {
        Exchange exchange = sendOk("openrouter:chat?model=anthropic/claude-sonnet-4", "Hi");

        String text = "Received 1 text part, 0 images, 0 files, 0 audio, 0 video. Text: \"Hi\"";
        int completion = (text.length() + 3) / 4;
        Map<String, Object> expected = new TreeMap<>();
        expected.put(OpenRouterConstants.ATTEMPTS, 1);
        expected.put(OpenRouterConstants.RESPONSE_ID, "gen-sim-1");
        expected.put(OpenRouterConstants.GENERATION_ID, "gen-sim-1");
        expected.put(OpenRouterConstants.RESPONSE_MODEL, "anthropic/claude-sonnet-4");
        expected.put(OpenRouterConstants.PROVIDER, "SimProvider");
        expected.put(OpenRouterConstants.FINISH_REASON, "stop");
        expected.put(OpenRouterConstants.NATIVE_FINISH_REASON, "end_turn");
        expected.put(OpenRouterConstants.PROMPT_TOKENS, 1);
        expected.put(OpenRouterConstants.COMPLETION_TOKENS, completion);
        expected.put(OpenRouterConstants.TOTAL_TOKENS, 1 + completion);
        expected.put(OpenRouterConstants.COST, usd("0.0000003").add(usd("0.0000025").multiply(BigDecimal.valueOf(completion)))
                .doubleValue());
        Map<String, Object> costDetails = new LinkedHashMap<>();
        costDetails.put("upstream_inference_cost", null);
        costDetails.put("upstream_inference_prompt_cost", 0.0000003);
        costDetails.put("upstream_inference_completions_cost", usd("0.0000025").multiply(BigDecimal.valueOf(completion))
                .doubleValue());
        expected.put(OpenRouterConstants.COST_DETAILS, costDetails);
        expected.put(OpenRouterConstants.BYOK, false);
        // usage.prompt_tokens_details / completion_tokens_details: nothing cached, no reasoning
        expected.put(OpenRouterConstants.CACHED_TOKENS, 0);
        expected.put(OpenRouterConstants.REASONING_TOKENS, 0);
        expected.put(OpenRouterConstants.QUEUED_MILLIS, 0L);

        assertThat(openRouterHeaders(exchange)).isEqualTo(expected);
        assertThat(exchange.getMessage().getBody()).isEqualTo(text);
        assertThat(sentJson()).isEqualTo(json("""
                {"model":"anthropic/claude-sonnet-4","messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}]}"""));
    }

    @Test
    void byokRepliesSayWhatTheProviderCharged() {
        simulator.setByok(true);
        Exchange exchange = sendOk("openrouter:chat?model=google/gemini-2.5-flash", "Hi");

        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.BYOK)).isEqualTo(true);
        Map<?, ?> details = exchange.getMessage().getHeader(OpenRouterConstants.COST_DETAILS, Map.class);
        double prompt = ((Number) details.get("upstream_inference_prompt_cost")).doubleValue();
        double completions = ((Number) details.get("upstream_inference_completions_cost")).doubleValue();
        assertThat(((Number) details.get("upstream_inference_cost")).doubleValue()).isEqualTo(prompt + completions,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.NATIVE_FINISH_REASON)).isEqualTo("STOP");
    }

    @Test
    void theGenerationIdComesFromTheResponseHeaderWhenItIsThere() {
        simulator.enqueue(Fault.delay(Duration.ZERO).withHeader("X-Generation-Id", "gen-from-header-7"));
        Exchange exchange = sendOk("openrouter:chat", "Hi");

        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.GENERATION_ID)).isEqualTo("gen-from-header-7");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.RESPONSE_ID)).isEqualTo("gen-sim-1");
        assertThat(exchange.getProperty(OpenRouterConstants.RESPONSE, ChatResponse.class).generationId())
                .isEqualTo("gen-from-header-7");
    }

    @Test
    void withoutTheResponseHeaderTheGenerationIdIsTheBodysId() {
        simulator.setGenerationIdHeader(false);
        Exchange exchange = sendOk("openrouter:chat", "Hi");

        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.GENERATION_ID)).isEqualTo("gen-sim-1");
    }

    private static BigDecimal usd(String value) {
        return new BigDecimal(value);
    }

    private static Map<String, Object> openRouterHeaders(Exchange exchange) {
        Map<String, Object> headers = new TreeMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (name.startsWith("CamelOpenRouter")) {
                headers.put(name, value);
            }
        });
        return headers;
    }
}
