package io.github.camelopenrouter;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** additionalBodyProperty.* and CamelOpenRouterRequestExtras: merged at the top level, never over a typed option. */
class PassThroughTest extends NativeFeaturesTestSupport {

    @Test
    void uriPropertiesAreMergedAtTheTopLevelAsJsonOrText() {
        sendOk("openrouter:chat?model=acme/m&additionalBodyProperty.top_a=0.5&additionalBodyProperty.service_tier=flex"
               + "&additionalBodyProperty.logprobs=true&additionalBodyProperty.top_logprobs=3", "Hi");

        assertSent("""
                {"model":"acme/m","messages":[%s],"top_a":0.5,"service_tier":"flex","logprobs":true,"top_logprobs":3}"""
                .formatted(userText("Hi")));
    }

    @Test
    void theHeaderWinsPerKeyAndMaySendAFieldNoTypedOptionSets() {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("top_a", 0.9);
        extras.put("reasoning", Map.of("effort", "low", "summary", "auto"));
        sendOk("openrouter:chat?additionalBodyProperty.top_a=0.5&additionalBodyProperty.service_tier=flex", "Hi",
                Map.of(OpenRouterConstants.REQUEST_EXTRAS, extras));

        assertSent("""
                {"messages":[%s],"top_a":0.9,"service_tier":"flex","reasoning":{"effort":"low","summary":"auto"}}"""
                .formatted(userText("Hi")));
    }

    @Test
    void componentDefaultsAndTheUriMerge() {
        context.getComponent("openrouter", OpenRouterComponent.class).getConfiguration()
                .setAdditionalBodyProperty(new LinkedHashMap<>(Map.of("top_a", "0.2", "service_tier", "auto")));

        sendOk("openrouter:chat?additionalBodyProperty.service_tier=flex", "Hi");
        assertSent("""
                {"messages":[%s],"top_a":0.2,"service_tier":"flex"}""".formatted(userText("Hi")));
        assertThat(context.getComponent("openrouter", OpenRouterComponent.class).getConfiguration()
                .getAdditionalBodyProperty()).as("the endpoint's property stays on the endpoint")
                .containsEntry("service_tier", "auto");
    }

    @Test
    void aFieldATypedOptionSetsIsRefusedNamingTheOption() {
        assertOptionRefused("openrouter:chat?temperature=0.5&additionalBodyProperty.temperature=1",
                "The request extra 'temperature' (additionalBodyProperty.temperature or CamelOpenRouterRequestExtras) is"
                + " already set by the temperature option");
        assertOptionRefused("openrouter:chat?reasoningEffort=high&additionalBodyProperty.reasoning=x",
                "already set by the reasoningEffort, reasoningMaxTokens and reasoningExclude options");
        assertOptionRefused("openrouter:chat?responseFormat=json_object&additionalBodyProperty.response_format=x",
                "already set by the responseFormat, jsonSchema and outputClass options");
        assertOptionRefused("openrouter:chat?additionalBodyProperty.stream=true",
                "The request extra 'stream' is refused: the component reads the reply as the stream option says");
        assertHeaderRefused("openrouter:chat?model=acme/m", OpenRouterConstants.REQUEST_EXTRAS, Map.of("model", "other/m"),
                "The request extra 'model'", "is already set by the model option / CamelOpenRouterModel header");
        assertHeaderRefused("openrouter:chat", OpenRouterConstants.REQUEST_EXTRAS, Map.of("messages", "[]"),
                "is already set by the message body");
        assertHeaderRefused("openrouter:chat", OpenRouterConstants.REQUEST_EXTRAS, "top_a=1",
                "Header CamelOpenRouterRequestExtras must be a Map");
    }
}
