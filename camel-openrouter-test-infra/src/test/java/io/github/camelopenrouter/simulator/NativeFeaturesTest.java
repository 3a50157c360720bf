package io.github.camelopenrouter.simulator;

import static io.github.camelopenrouter.simulator.SimClient.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelopenrouter.sdkcheck.OpenRouterSdk;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenRouter's own request features as the simulator answers them; every reply parses with the SDK's ChatResult. */
class NativeFeaturesTest {

    static OpenRouterSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = OpenRouterSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    private static JsonNode ok(String body) throws Exception {
        HttpResponse<String> response = post(simulator, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        OpenRouterSdk.shared().assertInbound("ChatResult", response.body());
        return json(response);
    }

    private static String badRequest(String body) throws Exception {
        HttpResponse<String> response = post(simulator, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("metadata").path("error_type").asText()).isEqualTo("invalid_request");
        return error.path("message").asText();
    }

    private static String request(String fields) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi there\"}]" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    @Test
    void anUnavailableModelIsSkippedAndTheReplySaysWhichAnswered() throws Exception {
        simulator.setUnavailableModels("a/one");
        assertThat(ok(request("\"model\":\"a/one\",\"models\":[\"a/one\",\"a/two\"]")).path("model").asText())
                .isEqualTo("a/two");
        HttpResponse<String> none = post(simulator, request("\"model\":\"a/one\""));
        assertThat(none.statusCode()).isEqualTo(503);
        assertThat(json(none).at("/error/message").asText()).contains("No endpoints available for a/one");
    }

    @Test
    void theProviderChosenIsEchoed() throws Exception {
        assertThat(ok(request("\"provider\":{\"order\":[\"x\",\"y\"],\"ignore\":[\"x\"]}")).path("provider").asText())
                .isEqualTo("y");
        assertThat(ok(request("\"provider\":{\"only\":[\"z\"]}")).path("provider").asText()).isEqualTo("z");
        assertThat(ok(request("")).path("provider").asText()).isEqualTo("SimProvider");
    }

    @Test
    void reasoningTextAndTokensWhenAsked() throws Exception {
        JsonNode reply = ok(request("\"reasoning\":{\"effort\":\"high\"}"));
        String reasoning = "Simulated reasoning (effort high): the question was read, the answer follows.";
        assertThat(reply.at("/choices/0/message/reasoning").asText()).isEqualTo(reasoning);
        long tokens = (reasoning.length() + 3) / 4;
        assertThat(reply.at("/usage/completion_tokens_details/reasoning_tokens").asLong()).isEqualTo(tokens);

        JsonNode excluded = ok(request("\"reasoning\":{\"max_tokens\":100,\"exclude\":true}"));
        assertThat(excluded.at("/choices/0/message/reasoning").isMissingNode()).isTrue();
        assertThat(excluded.at("/usage/completion_tokens_details/reasoning_tokens").asLong()).isPositive();

        assertThat(ok(request("")).at("/usage/completion_tokens_details/reasoning_tokens").asLong()).isZero();
    }

    @Test
    void aRepeatedPromptWithCacheControlIsReadFromTheCache() throws Exception {
        String body = request("\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":\"1h\"}");
        JsonNode first = ok(body);
        long prompt = first.at("/usage/prompt_tokens").asLong();
        assertThat(first.at("/usage/prompt_tokens_details/cache_write_tokens").asLong()).isEqualTo(prompt);
        assertThat(first.at("/usage/prompt_tokens_details/cached_tokens").asLong()).isZero();
        JsonNode second = ok(body);
        assertThat(second.at("/usage/prompt_tokens_details/cached_tokens").asLong()).isEqualTo(prompt);
        assertThat(second.at("/usage/prompt_tokens_details/cache_write_tokens").isMissingNode()).isTrue();
        assertThat(ok(request("")).at("/usage/prompt_tokens_details/cached_tokens").asLong()).as("no cache_control").isZero();
    }

    @Test
    void theWebPluginAddsUrlCitations() throws Exception {
        JsonNode reply = ok(request("\"plugins\":[{\"id\":\"web\",\"max_results\":2,\"engine\":\"exa\"}]"));
        assertThat(reply.at("/choices/0/message/annotations")).isEqualTo(JSON.readTree("""
                [{"type":"url_citation","url_citation":{"url":"https://search.simulator.invalid/result/1",
                  "title":"Result 1 (exa)","content":"What the web says about: Hi there","start_index":0,"end_index":10}},
                 {"type":"url_citation","url_citation":{"url":"https://search.simulator.invalid/result/2",
                  "title":"Result 2 (exa)","content":"What the web says about: Hi there","start_index":0,"end_index":10}}]"""));
        assertThat(ok(request("\"plugins\":[{\"id\":\"web\"}]")).at("/choices/0/message/annotations").size()).isEqualTo(5);
    }

    @Test
    void outOfRangeValuesAre400sNamingTheField() throws Exception {
        assertThat(badRequest(request("\"top_p\":1.5"))).isEqualTo("top_p: must be a number from 0 to 1, got 1.5");
        assertThat(badRequest(request("\"top_k\":-1"))).startsWith("top_k: must be an integer of 0 or more");
        assertThat(badRequest(request("\"min_p\":2"))).startsWith("min_p: must be a number from 0 to 1");
        assertThat(badRequest(request("\"frequency_penalty\":-3"))).startsWith("frequency_penalty: must be a number from -2 to 2");
        assertThat(badRequest(request("\"presence_penalty\":3"))).startsWith("presence_penalty: must be a number from -2 to 2");
        assertThat(badRequest(request("\"repetition_penalty\":0"))).startsWith("repetition_penalty: must be a number above 0");
        assertThat(badRequest(request("\"seed\":1.5"))).startsWith("seed: must be an integer");
        assertThat(badRequest(request("\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]"))).startsWith("stop: must be a string or an array of at most 4");
        assertThat(badRequest(request("\"reasoning\":{\"effort\":\"huge\"}"))).startsWith("reasoning.effort: must be one of");
        assertThat(badRequest(request("\"reasoning\":{\"effort\":\"low\",\"max_tokens\":5}"))).startsWith("reasoning: only one of");
        assertThat(badRequest(request("\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":\"2h\"}"))).startsWith("cache_control.ttl");
        assertThat(badRequest(request("\"provider\":{\"sort\":\"cheap\"}"))).startsWith("provider.sort: must be one of");
        assertThat(badRequest(request("\"provider\":{\"max_price\":{\"prompt\":\"-1\"}}"))).startsWith("provider.max_price.prompt");
        assertThat(badRequest(request("\"session_id\":\"" + "s".repeat(257) + "\""))).startsWith("session_id: must be a string of at most 256");
        assertThat(badRequest(request("\"metadata\":{\"k\":1}"))).startsWith("metadata.k:");
        assertThat(badRequest(request("\"plugins\":[{\"id\":\"web\",\"max_results\":0}]"))).startsWith("plugins[0].max_results");
    }
}
