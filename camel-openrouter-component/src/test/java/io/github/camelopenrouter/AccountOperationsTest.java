package io.github.camelopenrouter;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelopenrouter.simulator.ApiRequest;
import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.wire.Credits;
import io.github.camelopenrouter.wire.Generation;
import io.github.camelopenrouter.wire.KeyInfo;
import io.github.camelopenrouter.wire.ModelInfo;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelopenrouter.FilesOperationTest.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** openrouter:models, embeddings, generation, credits and key against the simulator. */
class AccountOperationsTest extends OpenRouterTestSupport {

    @Test
    void modelsAreFilteredByTheServerAndCachedPerComponent() {
        Exchange first = sendOk("openrouter:models?inputModalities=file&supportedParameter=tools", null);
        List<?> models = first.getMessage().getBody(List.class);
        assertThat(models).extracting(m -> ((ModelInfo) m).id())
                .containsExactly("google/gemini-2.5-flash", "anthropic/claude-3.5-haiku", "openai/gpt-4o-mini");
        ModelInfo gpt = (ModelInfo) models.get(2);
        assertThat(gpt.name()).isEqualTo("OpenAI: GPT-4o-mini");
        assertThat(gpt.contextLength()).isEqualTo(128_000L);
        assertThat(gpt.inputModalities()).containsExactly("text", "image", "file");
        assertThat(gpt.outputModalities()).containsExactly("text");
        assertThat(gpt.promptPrice()).isEqualByComparingTo("0.00000015");
        assertThat(gpt.completionPrice()).isEqualByComparingTo("0.0000006");
        assertThat(first.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);
        ApiRequest request = simulator.apiRequests().get(0);
        assertThat(request.method() + " " + request.path() + "?" + request.query())
                .isEqualTo("GET /api/v1/models?input_modalities=file&supported_parameters=tools");

        // a second endpoint of the same component with the same filters: answered from the cache
        Exchange cached = sendOk("openrouter:models?supportedParameter=tools&inputModalities=file&clientThreads=2", null);
        assertThat(cached.getMessage().getBody(List.class)).isEqualTo(models);
        assertThat(cached.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(0);
        assertThat(simulator.apiRequests()).hasSize(1);

        List<?> embeddingModels = sendOk("openrouter:models?outputModalities=embeddings", null).getMessage().getBody(List.class);
        assertThat(embeddingModels).extracting(m -> ((ModelInfo) m).id())
                .containsExactly("openai/text-embedding-3-small", "mistralai/mistral-embed-2312");
        sendOk("openrouter:models?outputModalities=embeddings&modelsCacheTtl=0", null);
        assertThat(simulator.apiRequests()).hasSize(3);

        assertApiError(send("openrouter:models?inputModalities=pdf", null), 400,
                "input_modalities: unknown modality \"pdf\"", "invalid_request");
    }

    @Test
    void embeddingsOfAStringAndOfAListAreFloatArraysInInputOrder() throws Exception {
        Exchange one = sendOk("openrouter:embeddings?model=openai/text-embedding-3-small&dimensions=4", "alpha");
        List<?> vectors = one.getMessage().getBody(List.class);
        assertThat(vectors).hasSize(1);
        float[] alpha = (float[]) vectors.get(0);
        assertThat(alpha).hasSize(4);
        double norm = 0;
        for (float v : alpha) {
            norm += v * v;
        }
        assertThat(norm).isCloseTo(1.0, within(0.001));
        assertThat(simulator.apiRequests().get(0).json()).isEqualTo(json(
                "{\"model\":\"openai/text-embedding-3-small\",\"input\":\"alpha\",\"dimensions\":4}"));
        assertThat(simulator.apiRequests().get(0).header("Content-Type")).isEqualTo("application/json");
        assertThat(one.getMessage().getHeader(OpenRouterConstants.RESPONSE_MODEL)).isEqualTo("openai/text-embedding-3-small");
        assertThat(one.getMessage().getHeader(OpenRouterConstants.PROMPT_TOKENS)).isEqualTo(2);
        assertThat(one.getMessage().getHeader(OpenRouterConstants.TOTAL_TOKENS)).isEqualTo(2);
        assertThat(one.getMessage().getHeader(OpenRouterConstants.COST, Double.class)).isEqualTo(0.00000004);

        Exchange two = sendOk("openrouter:embeddings?dimensions=4&encodingFormat=base64", List.of("beta", "alpha"),
                Map.of(OpenRouterConstants.MODEL, "openai/text-embedding-3-small"));
        List<?> both = two.getMessage().getBody(List.class);
        assertThat(both).hasSize(2);
        assertThat((float[]) both.get(1)).as("the same text gives the same vector, base64 or not").isEqualTo(alpha);
        assertThat(simulator.apiRequests().get(1).json()).isEqualTo(json("{\"model\":\"openai/text-embedding-3-small\","
                + "\"input\":[\"beta\",\"alpha\"],\"dimensions\":4,\"encoding_format\":\"base64\"}"));
        io.github.camelopenrouter.sdkcheck.OpenRouterSdk.shared().assertOutbound("CreateEmbeddingsRequestBody",
                simulator.apiRequests().get(1).body());

        assertApiError(send("openrouter:embeddings?model=openai/gpt-4o-mini", "x"), 400,
                "is not an embeddings model", "invalid_request");
        Exchange noModel = send("openrouter:embeddings", "x");
        assertThat(noModel.getException()).isInstanceOf(OpenRouterInputException.class)
                .hasMessageStartingWith("embeddings needs a model");
        Exchange notText = send("openrouter:embeddings?model=openai/text-embedding-3-small", List.of("a", 7));
        assertThat(notText.getException()).isInstanceOf(OpenRouterInputException.class)
                .hasMessage("embeddings takes a String or a List of Strings: element 1 of the body is a java.lang.Integer");
        assertThat(simulator.apiRequests()).hasSize(3);
    }

    @Test
    void generationWaitsOutOpenRouters404AndReturnsCostLatencyAndNativeTokens() {
        simulator.setGenerationDelay(Duration.ofMillis(600));
        Exchange chat = sendOk("openrouter:chat?model=openai/gpt-4o-mini", "How much did this cost?");
        String id = chat.getMessage().getHeader(OpenRouterConstants.RESPONSE_ID, String.class);

        Exchange exchange = sendOk("openrouter:generation", null, Map.of(OpenRouterConstants.RESPONSE_ID, id));
        Generation generation = exchange.getMessage().getBody(Generation.class);
        assertThat(generation.id()).isEqualTo(id);
        assertThat(generation.model()).isEqualTo("openai/gpt-4o-mini");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.COST, Double.class))
                .isEqualTo(chat.getMessage().getHeader(OpenRouterConstants.COST, Double.class));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.NATIVE_PROMPT_TOKENS))
                .isEqualTo(chat.getMessage().getHeader(OpenRouterConstants.PROMPT_TOKENS));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.NATIVE_COMPLETION_TOKENS))
                .isEqualTo(chat.getMessage().getHeader(OpenRouterConstants.COMPLETION_TOKENS));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.LATENCY)).isEqualTo(0L);
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.PROVIDER)).isEqualTo("SimProvider");
        int attempts = exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS, Integer.class);
        assertThat(attempts).as("404s asked again every 250 ms until readable").isBetween(2, 4);
        List<ApiRequest> requests = simulator.apiRequests();
        assertThat(requests).hasSize(attempts).allSatisfy(r -> assertThat(r.method() + " " + r.path() + "?" + r.query())
                .isEqualTo("GET /api/v1/generation?id=" + id));

        Exchange never = send("openrouter:generation?generationWait=600", "gen-sim-999");
        assertApiError(never, 404, "Generation gen-sim-999 not found", "not_found");
        assertThat(never.getMessage().getHeader(OpenRouterConstants.ATTEMPTS, Integer.class)).isBetween(2, 3);
        Exchange noWait = send("openrouter:generation?generationWait=0", "gen-sim-998");
        assertThat(noWait.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);

        Exchange noId = send("openrouter:generation", null);
        assertThat(noId.getException()).isInstanceOf(OpenRouterInputException.class)
                .hasMessageStartingWith("generation needs a generation id (gen-...)");
    }

    @Test
    void creditsAndKeyGoDownWithTheCostOfEachCall() {
        Exchange before = sendOk("openrouter:credits", null);
        assertThat(before.getMessage().getBody(Credits.class).totalCredits()).isEqualByComparingTo("10");
        assertThat(before.getMessage().getHeader(OpenRouterConstants.CREDITS_REMAINING)).isEqualTo(10.0);
        Exchange chat = sendOk("openrouter:chat", "Spend a little");
        double cost = chat.getMessage().getHeader(OpenRouterConstants.COST, Double.class);

        Exchange after = sendOk("openrouter:credits", null);
        assertThat(after.getMessage().getBody(Credits.class).totalUsage()).isEqualByComparingTo(BigDecimal.valueOf(cost));
        assertThat(after.getMessage().getHeader(OpenRouterConstants.CREDITS_REMAINING, Double.class))
                .isCloseTo(10.0 - cost, within(1e-12));
        Exchange key = sendOk("openrouter:key", null);
        KeyInfo info = key.getMessage().getBody(KeyInfo.class);
        assertThat(info.limit()).isEqualByComparingTo("5");
        assertThat(info.label()).isEqualTo("sk-or-v1-tes...def");
        assertThat(key.getMessage().getHeader(OpenRouterConstants.KEY_LIMIT_REMAINING, Double.class))
                .isCloseTo(5.0 - cost, within(1e-12));
        simulator.setKeyLimit(null);
        assertThat(sendOk("openrouter:key", null).getMessage().getHeaders())
                .doesNotContainKey(OpenRouterConstants.KEY_LIMIT_REMAINING);
        assertThat(simulator.apiRequests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /api/v1/credits", "GET /api/v1/credits", "GET /api/v1/key", "GET /api/v1/key");

        assertApiError(send("openrouter:credits?apiKey=sk-or-v1-not-a-management-key", null), 403,
                "Only management keys can read the credits", "forbidden");
        assertApiError(send("openrouter:key?apiKey=sk-or-invalid", null), 401, "User not found.", "unauthorized");
        simulator.enqueueApi(Fault.rateLimited("0"));
        Exchange retried = sendOk("openrouter:key?retryInitialDelay=10", null);
        assertThat(retried.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(2);
    }

    /** A cached list is used while it is younger than modelsCacheTtl, and asked for again once it is older. */
    @Test
    void aCachedModelListExpiresAfterModelsCacheTtl() throws Exception {
        String uri = "openrouter:models?inputModalities=image&modelsCacheTtl=1500";
        sendOk(uri, null);
        long fetched = System.nanoTime();
        Exchange second = sendOk(uri, null);
        long age = Duration.ofNanos(System.nanoTime() - fetched).toMillis();
        // on a machine too loaded to ask twice within the TTL, the second call must have asked again
        assertThat(simulator.apiRequests()).hasSize(age < 1500 ? 1 : 2);
        assertThat(second.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(age < 1500 ? 0 : 1);

        Thread.sleep(Math.max(0, 1700 - Duration.ofNanos(System.nanoTime() - fetched).toMillis()));
        int before = simulator.apiRequests().size();
        Exchange expired = sendOk(uri, null);

        assertThat(expired.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);
        assertThat(simulator.apiRequests()).hasSize(before + 1);
        assertThat(simulator.apiRequests().get(before).query()).isEqualTo("input_modalities=image");
    }

    @Test
    void embeddingsErrorRepliesFailTheExchangeAndTransientOnesAreRetried() {
        String uri = "openrouter:embeddings?model=openai/text-embedding-3-small&retryInitialDelay=10";
        assertApiError(send(uri + "&apiKey=sk-or-invalid", "x"), 401, "User not found.", "unauthorized");

        simulator.enqueueApi(Fault.error(402, "Insufficient credits"));
        assertApiError(send(uri, "x"), 402, "Insufficient credits", "payment_required");

        simulator.enqueueApi(Fault.error(503, "overloaded"));
        Exchange retried = sendOk(uri, "x");
        assertThat(retried.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(2);
        assertThat(retried.getMessage().getBody(List.class)).hasSize(1);

        simulator.enqueueApi(Fault.rateLimited("0"));
        Exchange refused = send(uri + "&maxRetries=0", "x");
        assertThat(refused.getException()).isInstanceOf(OpenRouterApiException.class);
        assertThat(((OpenRouterApiException) refused.getException()).getStatusCode()).isEqualTo(429);
        assertThat(refused.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);
    }
}
