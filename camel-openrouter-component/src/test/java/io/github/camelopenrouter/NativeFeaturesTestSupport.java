package io.github.camelopenrouter;

import java.util.List;

import io.github.camelopenrouter.sdkcheck.OpenRouterSdk;
import org.apache.camel.Exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * For the tests of OpenRouter's own request features: the exact JSON the simulator received, and that the official
 * SDK would send that same document unchanged.
 */
abstract class NativeFeaturesTestSupport extends OpenRouterTestSupport {

    /** A user message with one text part, as the component sends a String body. */
    static String userText(String text) {
        return "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}";
    }

    /** The simulator received exactly this JSON, and OpenRouter's SDK would send it unchanged. */
    static void assertSent(String expectedJson) {
        assertThat(sentJson()).isEqualTo(json(expectedJson));
        OpenRouterSdk.shared().assertOutbound("ChatRequest", simulator.lastRequest().body());
    }

    /**
     * The simulator received exactly this JSON, and the SDK sends all of it but the listed problems: fields OpenRouter
     * accepts that the SDK's schema does not model (its zod schema strips them).
     */
    static void assertSentWhereTheSdkStrips(String expectedJson, String... sdkProblems) {
        assertThat(sentJson()).isEqualTo(json(expectedJson));
        assertThat(OpenRouterSdk.shared().problemsOutbound("ChatRequest", simulator.lastRequest().body()))
                .containsExactly(sdkProblems);
    }

    /** The endpoint does not start with this option value, and nothing is sent. */
    void assertOptionRefused(String uri, String... fragments) {
        var thrown = assertThatThrownBy(() -> template.sendBody(uri, "Hi")).as(uri);
        for (String fragment : fragments) {
            thrown.hasStackTraceContaining(fragment);
        }
        assertThat(simulator.requestCount()).isZero();
    }

    /** The exchange failed with an OpenRouterInputException containing each fragment, and nothing was sent. */
    void assertHeaderRefused(String uri, String header, Object value, String... fragments) {
        Exchange exchange = send(uri, "Hi", java.util.Map.of(header, value));
        assertRefusedBeforeSending(exchange, fragments);
    }

    static List<String> list(String... values) {
        return List.of(values);
    }
}
