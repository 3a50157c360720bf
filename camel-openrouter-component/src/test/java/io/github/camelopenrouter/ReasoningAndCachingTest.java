package io.github.camelopenrouter;

import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reasoning ({@code reasoning}) and prompt caching ({@code cache_control}): the request, and what the reply tells. */
class ReasoningAndCachingTest extends NativeFeaturesTestSupport {

    private static final String REASONING = "Simulated reasoning (effort high): the question was read, the answer follows.";

    @Test
    void reasoningEffortIsSentAndTheReasoningComesBackAsHeaders() {
        Exchange exchange = sendOk("openrouter:chat?model=acme/thinker&reasoningEffort=high", "Why?");

        assertSent("""
                {"model":"acme/thinker","messages":[%s],"reasoning":{"effort":"high"}}""".formatted(userText("Why?")));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.REASONING)).isEqualTo(REASONING);
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.REASONING_TOKENS))
                .isEqualTo((REASONING.length() + 3) / 4);
    }

    @Test
    void theEffortHeaderBeatsTheOptions() {
        Exchange exchange = sendOk("openrouter:chat?reasoningEffort=low", "Why?",
                Map.of(OpenRouterConstants.REASONING_EFFORT, "high"));
        assertSent("""
                {"messages":[%s],"reasoning":{"effort":"high"}}""".formatted(userText("Why?")));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.REASONING)).isEqualTo(REASONING);

        sendOk("openrouter:chat?reasoningMaxTokens=2000", "Why?", Map.of(OpenRouterConstants.REASONING_EFFORT, "minimal"));
        assertSent("""
                {"messages":[%s],"reasoning":{"effort":"minimal"}}""".formatted(userText("Why?")));
    }

    @Test
    void aTokenBudgetAndExcludeAreSentThoughTheSdkSchemaDropsThem() {
        Exchange exchange = sendOk("openrouter:chat?reasoningMaxTokens=2000&reasoningExclude=true", "Why?");

        // OpenRouter's API takes reasoning.max_tokens and reasoning.exclude; SDK 1.3.19's ChatRequestReasoning models
        // only effort and summary, so the SDK itself would strip them: the check names exactly that
        assertSentWhereTheSdkStrips("""
                {"messages":[%s],"reasoning":{"max_tokens":2000,"exclude":true}}""".formatted(userText("Why?")),
                ".reasoning.max_tokens: sent 2000, the SDK would send (absent)");
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey(OpenRouterConstants.REASONING);
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.REASONING_TOKENS, Integer.class)).isPositive();

        // the SDK's check stops at the first difference: exclude on its own shows it is stripped too
        sendOk("openrouter:chat?reasoningEffort=low&reasoningExclude=true", "Why?");
        assertSentWhereTheSdkStrips("""
                {"messages":[%s],"reasoning":{"effort":"low","exclude":true}}""".formatted(userText("Why?")),
                ".reasoning.exclude: sent true, the SDK would send (absent)");
    }

    @Test
    void withoutReasoningNothingIsSentAndNoReasoningHeader() {
        Exchange exchange = sendOk("openrouter:chat", "Hi");
        assertSent("""
                {"messages":[%s]}""".formatted(userText("Hi")));
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey(OpenRouterConstants.REASONING);
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.REASONING_TOKENS)).isEqualTo(0);
    }

    @Test
    void badReasoningValuesAreRefused() {
        assertOptionRefused("openrouter:chat?reasoningEffort=extreme",
                "'extreme' is not a valid reasoningEffort option: use one of high, low, max, medium, minimal, none, xhigh");
        assertOptionRefused("openrouter:chat?reasoningEffort=low&reasoningMaxTokens=100",
                "reasoningEffort (low) and reasoningMaxTokens (100) are both set");
        assertOptionRefused("openrouter:chat?reasoningMaxTokens=0", "reasoningMaxTokens 0 is not positive");
        assertHeaderRefused("openrouter:chat", OpenRouterConstants.REASONING_EFFORT, "extreme",
                "'extreme' is not a valid reasoningEffort option / CamelOpenRouterReasoningEffort header");
    }

    @Test
    void aRepeatedPromptWithCacheControlIsReadFromTheCache() {
        Exchange first = sendOk("openrouter:chat?cacheControl=ephemeral", "A long shared prefix");
        assertSent("""
                {"messages":[%s],"cache_control":{"type":"ephemeral"}}""".formatted(userText("A long shared prefix")));
        int prompt = first.getMessage().getHeader(OpenRouterConstants.PROMPT_TOKENS, Integer.class);
        assertThat(first.getMessage().getHeader(OpenRouterConstants.CACHE_WRITE_TOKENS)).isEqualTo(prompt);
        assertThat(first.getMessage().getHeader(OpenRouterConstants.CACHED_TOKENS)).isEqualTo(0);

        Exchange second = sendOk("openrouter:chat?cacheControl=ephemeral", "A long shared prefix");
        assertThat(second.getMessage().getHeader(OpenRouterConstants.CACHED_TOKENS)).isEqualTo(prompt);
        assertThat(second.getMessage().getHeaders()).doesNotContainKey(OpenRouterConstants.CACHE_WRITE_TOKENS);
    }

    @Test
    void theOneHourCacheAndTheHeader() {
        sendOk("openrouter:chat?cacheControl=1h", "Hi");
        assertSent("""
                {"messages":[%s],"cache_control":{"type":"ephemeral","ttl":"1h"}}""".formatted(userText("Hi")));

        sendOk("openrouter:chat?cacheControl=1h", "Hi", Map.of(OpenRouterConstants.CACHE_CONTROL, "none"));
        assertSent("""
                {"messages":[%s]}""".formatted(userText("Hi")));

        sendOk("openrouter:chat", "Hi", Map.of(OpenRouterConstants.CACHE_CONTROL, "ephemeral"));
        assertSent("""
                {"messages":[%s],"cache_control":{"type":"ephemeral"}}""".formatted(userText("Hi")));
    }

    @Test
    void badCacheControlValuesAreRefused() {
        assertOptionRefused("openrouter:chat?cacheControl=forever",
                "'forever' is not a valid cacheControl option: use one of 1h, ephemeral, none");
        assertHeaderRefused("openrouter:chat", OpenRouterConstants.CACHE_CONTROL, "5m",
                "'5m' is not a valid cacheControl option / CamelOpenRouterCacheControl header");
    }
}
