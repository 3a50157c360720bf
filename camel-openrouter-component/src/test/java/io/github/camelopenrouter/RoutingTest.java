package io.github.camelopenrouter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Model fallbacks ({@code models}) and provider routing ({@code provider}), from options and headers. */
class RoutingTest extends NativeFeaturesTestSupport {

    @Test
    void theFirstModelDownTheFallbackAnswersAndTheExchangeSaysWhich() {
        simulator.setUnavailableModels("acme/first");

        Exchange exchange = sendOk("openrouter:chat?model=acme/first&fallbackModels=acme/second, acme/third", "Hi");

        assertSent("""
                {"model":"acme/first","models":["acme/first","acme/second","acme/third"],
                 "messages":[%s]}""".formatted(userText("Hi")));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.RESPONSE_MODEL)).isEqualTo("acme/second");
    }

    @Test
    void theFallbackModelsHeaderAsAListOrAStringBeatsTheOption() {
        sendOk("openrouter:chat?model=acme/first&fallbackModels=acme/option",
                "Hi", Map.of(OpenRouterConstants.FALLBACK_MODELS, List.of("acme/x", "acme/y")));
        assertSent("""
                {"model":"acme/first","models":["acme/first","acme/x","acme/y"],"messages":[%s]}""".formatted(userText("Hi")));

        sendOk("openrouter:chat", "Hi", Map.of(OpenRouterConstants.FALLBACK_MODELS, "acme/x,acme/y"));
        assertSent("""
                {"models":["acme/x","acme/y"],"messages":[%s]}""".formatted(userText("Hi")));
    }

    @Test
    void everyProviderOptionReachesTheProviderObject() {
        Exchange exchange = sendOk("openrouter:chat?model=acme/m&providerOrder=anthropic,openai&providerOnly=anthropic,openai,google"
                                   + "&providerIgnore=deepinfra&allowFallbacks=false&requireParameters=true&zdr=true"
                                   + "&dataCollection=deny&providerSort=price&maxPricePrompt=1.5&maxPriceCompletion=3"
                                   + "&quantizations=fp8,bf16", "Hi");

        assertSent("""
                {"model":"acme/m","messages":[%s],
                 "provider":{"order":["anthropic","openai"],"only":["anthropic","openai","google"],"ignore":["deepinfra"],
                   "allow_fallbacks":false,"require_parameters":true,"data_collection":"deny","zdr":true,"sort":"price",
                   "max_price":{"prompt":"1.5","completion":"3"},"quantizations":["fp8","bf16"]}}""".formatted(userText("Hi")));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.PROVIDER)).as("the provider that served it")
                .isEqualTo("anthropic");
    }

    @Test
    void theProviderPreferencesHeaderReplacesTheOptions() {
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("order", List.of("groq"));
        preferences.put("sort", Map.of("by", "latency", "partition", "none"));
        preferences.put("preferred_max_latency", 2);

        Exchange exchange = sendOk("openrouter:chat?providerOrder=anthropic&zdr=true", "Hi",
                Map.of(OpenRouterConstants.PROVIDER_PREFERENCES, preferences));

        assertSent("""
                {"messages":[%s],"provider":{"order":["groq"],"sort":{"by":"latency","partition":"none"},
                 "preferred_max_latency":2}}""".formatted(userText("Hi")));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.PROVIDER)).isEqualTo("groq");
    }

    @Test
    void badOptionValuesStopTheEndpoint() {
        assertOptionRefused("openrouter:chat?dataCollection=never", "'never' is not a valid dataCollection option: use one of allow, deny");
        assertOptionRefused("openrouter:chat?providerSort=cheapest",
                "'cheapest' is not a valid providerSort option: use one of exacto, latency, price, throughput");
        assertOptionRefused("openrouter:chat?quantizations=fp8,fp7", "'fp7' is not a valid quantizations option value");
        assertOptionRefused("openrouter:chat?maxPricePrompt=-1", "maxPricePrompt -1.0 is not a price");
    }

    @Test
    void badProviderPreferencesHeadersAreRefusedBeforeSending() {
        assertHeaderRefused("openrouter:chat", OpenRouterConstants.PROVIDER_PREFERENCES, Map.of("orders", List.of("a")),
                "has the key 'orders', which is not a field of OpenRouter's provider object: use allow_fallbacks,");
        assertHeaderRefused("openrouter:chat", OpenRouterConstants.PROVIDER_PREFERENCES, "order=anthropic",
                "must be a Map in the shape of OpenRouter's provider object");
        assertHeaderRefused("openrouter:chat", OpenRouterConstants.PROVIDER_PREFERENCES, Map.of("allow_fallbacks", "no"),
                "allow_fallbacks=no, which is not a Boolean");
        assertHeaderRefused("openrouter:chat", OpenRouterConstants.PROVIDER_PREFERENCES, Map.of("order", "anthropic"),
                "order=anthropic, which is not a List");
        assertHeaderRefused("openrouter:chat", OpenRouterConstants.PROVIDER_PREFERENCES, Map.of("sort", "cheapest"),
                "'cheapest' is not a valid CamelOpenRouterProviderPreferences sort");
    }

    @Test
    void noModelOfTheListAvailableIsOpenRoutersError() {
        simulator.setUnavailableModels("acme/first", "acme/second");

        Exchange exchange = send("openrouter:chat?maxRetries=0&model=acme/first&fallbackModels=acme/second", "Hi");

        assertThat(exchange.getException()).isInstanceOf(OpenRouterApiException.class)
                .hasMessageContaining("503").hasMessageContaining("No endpoints available for acme/first, acme/second");
    }
}
