package io.github.camelopenrouter;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sampling parameters, and user, session_id, metadata and the categories header for tracking. */
class SamplingAndTrackingTest extends NativeFeaturesTestSupport {

    @Test
    void everySamplingOptionReachesTheRequest() {
        sendOk("openrouter:chat?temperature=0.2&topP=0.9&topK=40&minP=0.05&seed=42&stop=END, STOP&frequencyPenalty=0.5"
               + "&presencePenalty=-0.5&repetitionPenalty=1.1", "Hi");

        assertSent("""
                {"messages":[%s],"temperature":0.2,"top_p":0.9,"top_k":40,"min_p":0.05,"seed":42,"stop":["END","STOP"],
                 "frequency_penalty":0.5,"presence_penalty":-0.5,"repetition_penalty":1.1}""".formatted(userText("Hi")));
    }

    @Test
    void outOfRangeSamplingValuesStopTheEndpoint() {
        assertOptionRefused("openrouter:chat?topP=1.5", "topP 1.5 is out of range: use a number from 0 to 1");
        assertOptionRefused("openrouter:chat?topK=-1", "topK -1 is out of range: use a whole number of 0 or more");
        assertOptionRefused("openrouter:chat?minP=-0.1", "minP -0.1 is out of range: use a number from 0 to 1");
        assertOptionRefused("openrouter:chat?frequencyPenalty=2.5", "frequencyPenalty 2.5 is out of range: use a number from -2 to 2");
        assertOptionRefused("openrouter:chat?presencePenalty=-3", "presencePenalty -3.0 is out of range: use a number from -2 to 2");
        assertOptionRefused("openrouter:chat?repetitionPenalty=0", "repetitionPenalty 0.0 is out of range: use a number above 0, at most 2");
        assertOptionRefused("openrouter:chat?stop=a,b,c,d,e", "stop has 5 sequences (a, b, c, d, e): OpenRouter takes at most 4");
    }

    @Test
    void userSessionAndMetadataFromOptionsAndHeaders() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("tenant", "acme");
        metadata.put("batch", 7);
        sendOk("openrouter:chat?user=option-user&appCategories=cli-agent, programming-app", "Hi",
                Map.of(OpenRouterConstants.USER, "user-42", OpenRouterConstants.SESSION_ID, "session-1",
                        OpenRouterConstants.METADATA, metadata));

        assertSent("""
                {"messages":[%s],"user":"user-42","session_id":"session-1","metadata":{"tenant":"acme","batch":"7"}}"""
                .formatted(userText("Hi")));
        assertThat(simulator.lastRequest().header("X-OpenRouter-Categories")).isEqualTo("cli-agent,programming-app");

        sendOk("openrouter:chat?user=option-user", "Hi");
        assertSent("""
                {"messages":[%s],"user":"option-user"}""".formatted(userText("Hi")));
    }

    @Test
    void theSessionDefaultsToTheConversation() {
        sendOk("openrouter:chat", "Hi", Map.of(OpenRouterConstants.CONVERSATION_ID, "ticket-1234"));
        assertSent("""
                {"messages":[%s],"session_id":"ticket-1234"}""".formatted(userText("Hi")));
    }

    @Test
    void badTrackingHeadersAreRefusedBeforeSending() {
        assertHeaderRefused("openrouter:chat", OpenRouterConstants.SESSION_ID, "s".repeat(257),
                "The session id has 257 characters; OpenRouter takes at most 256");
        Map<String, String> seventeen = new LinkedHashMap<>();
        for (int i = 0; i < 17; i++) {
            seventeen.put("k" + i, "v");
        }
        assertHeaderRefused("openrouter:chat", OpenRouterConstants.METADATA, seventeen,
                "Header CamelOpenRouterMetadata has 17 pairs; OpenRouter takes at most 16");
        assertHeaderRefused("openrouter:chat", OpenRouterConstants.METADATA, Map.of("k".repeat(65), "v"),
                "has a key of 65 characters");
        assertHeaderRefused("openrouter:chat", OpenRouterConstants.METADATA, Map.of("k", "v".repeat(513)),
                "has a value of 513 characters for the key 'k'; OpenRouter takes at most 512");
        assertHeaderRefused("openrouter:chat", OpenRouterConstants.METADATA, "tenant=acme",
                "Header CamelOpenRouterMetadata must be a Map");
    }
}
