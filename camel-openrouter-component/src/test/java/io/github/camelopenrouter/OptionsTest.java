package io.github.camelopenrouter;

import java.net.http.HttpClient;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static io.github.camelopenrouter.TestFiles.base64;
import static org.assertj.core.api.Assertions.assertThat;

/** Every option reaches the wire whether set on the URI or as camel.component.openrouter.* properties. */
class OptionsTest extends OpenRouterTestSupport {

    @Test
    void endpointOptionsFromTheUri() {
        byte[] png = TestFiles.png();
        sendOk("openrouter:chat?model=openai/gpt-4o&prompt=Look&systemMessage=Be brief&pdfEngine=native&imageDetail=low"
               + "&temperature=0.7&maxTokens=64&appUrl=https://app.example&appTitle=App", png);

        assertThat(sentJson()).isEqualTo(json("""
                {"model":"openai/gpt-4o",
                 "messages":[{"role":"system","content":"Be brief"},
                   {"role":"user","content":[{"type":"text","text":"Look"},
                     {"type":"image_url","image_url":{"url":"data:image/png;base64,%s","detail":"low"}}]}],
                 "plugins":[{"id":"file-parser","pdf":{"engine":"native"}}],
                 "temperature":0.7,"max_tokens":64}""".formatted(base64(png))));
        assertThat(simulator.lastRequest().header("HTTP-Referer")).isEqualTo("https://app.example");
    }

    @Test
    void componentOptionsAsPropertiesAreEndpointDefaultsAndTheUriOverridesThem() throws Exception {
        try (OpenRouterSimulator server = OpenRouterSimulator.start()) {
            Main main = new Main();
            main.addInitialProperty("camel.component.openrouter.api-key", "sk-or-props");
            main.addInitialProperty("camel.component.openrouter.base-url", server.baseUrl());
            main.addInitialProperty("camel.component.openrouter.model", "props/model");
            main.addInitialProperty("camel.component.openrouter.prompt", "Props prompt");
            main.addInitialProperty("camel.component.openrouter.system-message", "Props system");
            main.addInitialProperty("camel.component.openrouter.pdf-engine", "cloudflare-ai");
            main.addInitialProperty("camel.component.openrouter.temperature", "0.3");
            main.addInitialProperty("camel.component.openrouter.max-tokens", "77");
            main.addInitialProperty("camel.component.openrouter.app-title", "Props App");
            main.addInitialProperty("camel.component.openrouter.client-threads", "2");
            main.start();
            try {
                CamelContext camel = main.getCamelContext();
                Exchange exchange = camel.createProducerTemplate().request("openrouter:chat?maxTokens=5",
                        e -> e.getMessage().setBody("Hi"));
                assertThat(exchange.getException()).isNull();
                assertThat(server.lastRequest().json()).isEqualTo(json("""
                        {"model":"props/model",
                         "messages":[{"role":"system","content":"Props system"},
                           {"role":"user","content":[{"type":"text","text":"Props prompt"},{"type":"text","text":"Hi"}]}],
                         "plugins":[{"id":"file-parser","pdf":{"engine":"cloudflare-ai"}}],
                         "temperature":0.3,"max_tokens":5}"""));
                assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer sk-or-props");
                assertThat(server.lastRequest().header("X-OpenRouter-Title")).isEqualTo("Props App");
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void aSuppliedHttpClientIsUsed() {
        AtomicInteger tasks = new AtomicInteger();
        java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(2);
        HttpClient client = HttpClient.newBuilder().executor(command -> {
            tasks.incrementAndGet();
            pool.execute(command);
        }).build();
        context.getRegistry().bind("myClient", client);
        try {
            sendOk("openrouter:chat?httpClient=#myClient", "Hi");
            assertThat(tasks.get()).as("tasks run on the supplied client's executor").isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidOptionValuesStopTheEndpointFromStartingAndNothingIsSent() {
        String[][] cases = {
                { "imageDetail=ultra", "'ultra' is not a valid imageDetail option: use one of auto, high, low" },
                { "pdfEngine=tesseract", "'tesseract' is not a valid pdfEngine option" },
                { "temperature=5", "Temperature 5.0 is out of range: use a number from 0 to 2" },
                { "maxTokens=0", "maxTokens 0 is not positive" } };
        for (String[] invalid : cases) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> template.sendBody("openrouter:chat?" + invalid[0], "Hi"))
                    .as(invalid[0]).hasStackTraceContaining(invalid[1]);
        }
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void unknownOperationFailsWithTheValidOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getEndpoint("openrouter:embed"))
                .hasStackTraceContaining("Unknown OpenRouter operation 'embed': use one of openrouter:chat, files, models,"
                                         + " embeddings, generation, credits or key");
    }
}
