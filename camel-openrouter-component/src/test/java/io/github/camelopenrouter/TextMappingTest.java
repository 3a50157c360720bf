package io.github.camelopenrouter;

import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextMappingTest extends OpenRouterTestSupport {

    @Test
    void stringBodyBecomesOneTextPartAndTheAnswerBecomesTheBody() {
        Exchange exchange = sendOk("openrouter:chat?model=google/gemini-2.5-flash", "What is Apache Camel?");

        assertThat(sentJson()).isEqualTo(json("""
                {"model":"google/gemini-2.5-flash",
                 "messages":[{"role":"user","content":[{"type":"text","text":"What is Apache Camel?"}]}]}"""));
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo(
                "Received 1 text part, 0 images, 0 files, 0 audio, 0 video. Text: \"What is Apache Camel?\"");
    }

    @Test
    void promptComesFirstThenTheBodyText() {
        sendOk("openrouter:chat?model=m/x&prompt=Translate to French", "Good morning");

        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"text","text":"Translate to French"},{"type":"text","text":"Good morning"}]"""));
    }

    @Test
    void promptHeaderBeatsPromptOption() {
        sendOk("openrouter:chat?prompt=Option prompt", "body", Map.of(OpenRouterConstants.PROMPT, "Header prompt"));

        assertThat(sentUserContent().get(0).get("text").asText()).isEqualTo("Header prompt");
    }

    @Test
    void promptAloneIsSentWhenTheBodyIsEmpty() {
        sendOk("openrouter:chat?prompt=Tell me a joke", "");

        assertThat(sentUserContent()).isEqualTo(json("[{\"type\":\"text\",\"text\":\"Tell me a joke\"}]"));
    }

    @Test
    void systemMessageGoesFirstAndItsHeaderBeatsTheOption() {
        sendOk("openrouter:chat?systemMessage=You are terse", "Hi");
        assertThat(sentJson().get("messages").get(0)).isEqualTo(json("{\"role\":\"system\",\"content\":\"You are terse\"}"));

        sendOk("openrouter:chat?systemMessage=You are terse", "Hi", Map.of(OpenRouterConstants.SYSTEM_MESSAGE, "Be verbose"));
        assertThat(sentJson().get("messages").get(0).get("content").asText()).isEqualTo("Be verbose");
    }

    @Test
    void modelHeaderBeatsModelOptionAndNoModelLeavesTheFieldOut() {
        sendOk("openrouter:chat?model=option/model", "Hi", Map.of(OpenRouterConstants.MODEL, "header/model"));
        assertThat(sentJson().get("model").asText()).isEqualTo("header/model");

        sendOk("openrouter:chat", "Hi");
        assertThat(sentJson().has("model")).isFalse();
    }

    @Test
    void temperatureAndMaxTokensFromOptionsAndHeaders() {
        sendOk("openrouter:chat?temperature=0.2&maxTokens=300", "Hi");
        assertThat(sentJson().get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(sentJson().get("max_tokens").asInt()).isEqualTo(300);

        sendOk("openrouter:chat?temperature=0.2&maxTokens=300", "Hi",
                Map.of(OpenRouterConstants.TEMPERATURE, "1.5", OpenRouterConstants.MAX_TOKENS, 42));
        assertThat(sentJson().get("temperature").asDouble()).isEqualTo(1.5);
        assertThat(sentJson().get("max_tokens").asInt()).isEqualTo(42);
    }

    @Test
    void nonNumericTemperatureHeaderIsRefusedBeforeSending() {
        Exchange exchange = send("openrouter:chat", "Hi", Map.of(OpenRouterConstants.TEMPERATURE, "hot"));

        assertRefusedBeforeSending(exchange, "CamelOpenRouterTemperature", "'hot'", "not a number");
    }

    @Test
    void outOfRangeTemperatureAndNonPositiveMaxTokensAreRefused() {
        assertRefusedBeforeSending(send("openrouter:chat", "Hi", Map.of(OpenRouterConstants.TEMPERATURE, 2.5)),
                "Temperature 2.5 is out of range", "0 to 2");
        assertRefusedBeforeSending(send("openrouter:chat", "Hi", Map.of(OpenRouterConstants.MAX_TOKENS, "many")),
                "CamelOpenRouterMaxTokens", "not a whole number");
        assertRefusedBeforeSending(send("openrouter:chat", "Hi", Map.of(OpenRouterConstants.MAX_TOKENS, 0)),
                "maxTokens 0 is not positive");
    }

    @Test
    void emptyBodyWithoutPromptIsRefusedBeforeSending() {
        assertRefusedBeforeSending(send("openrouter:chat", null), "body is empty", "prompt");
        assertRefusedBeforeSending(send("openrouter:chat", "   "), "body is empty");
    }

    @Test
    void stringBuilderAndReaderBodiesAreText() {
        sendOk("openrouter:chat", new StringBuilder("from a builder"));
        assertThat(sentUserContent().get(0).get("text").asText()).isEqualTo("from a builder");

        sendOk("openrouter:chat", new java.io.StringReader("from a reader"));
        assertThat(sentUserContent().get(0).get("text").asText()).isEqualTo("from a reader");
    }

    record Invoice(String number) {
    }

    @Test
    void aTypeWithoutAStringConverterIsRefusedWithTheSupportedTypes() {
        assertRefusedBeforeSending(send("openrouter:chat", new Invoice("42")),
                "TextMappingTest$Invoice cannot be sent", "String, byte[], InputStream, File, Path, URL or URI",
                "Convert it first");
    }

    @Test
    void aTypeWithARegisteredStringConverterIsSentAsItsText() {
        sendOk("openrouter:chat", 42);
        assertThat(sentUserContent()).isEqualTo(json("[{\"type\":\"text\",\"text\":\"42\"}]"));
    }
}
