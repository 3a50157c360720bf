package io.github.camelopenrouter.simulator;

import static io.github.camelopenrouter.simulator.SimClient.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests that ask for JSON get JSON made up from their schema, or on demand JSON that breaks it. */
class JsonAnswerTest {

    private static final String SCHEMA = """
            {"type":"object","properties":{
               "number":{"type":"string"},
               "total":{"type":"number","minimum":100,"maximum":200},
               "count":{"type":["integer","null"],"exclusiveMaximum":10},
               "currency":{"enum":["USD","EUR"]},
               "kind":{"const":"invoice"},
               "due":{"type":"string","format":"date"},
               "paid":{"type":"boolean"},
               "code":{"type":"string","minLength":12,"maxLength":14},
               "lines":{"type":"array","minItems":2,"items":{"$ref":"#/$defs/line"}},
               "note":{"anyOf":[{"type":"null"},{"type":"string"}]}},
             "required":["number","total"],
             "$defs":{"line":{"type":"object","properties":{"sku":{"type":"string"}}}}}""";

    OpenRouterSimulator simulator;

    @BeforeEach
    void start() {
        simulator = OpenRouterSimulator.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aJsonSchemaRequestIsAnsweredWithJsonThatFitsTheSchema() throws Exception {
        assertThat(content(post(simulator, withSchema(SCHEMA, false)))).isEqualTo(
                "{\"number\":\"simulated number\",\"total\":100.0,\"count\":9,\"currency\":\"USD\",\"kind\":\"invoice\","
                + "\"due\":\"2024-03-31\",\"paid\":true,\"code\":\"simulated code\",\"lines\":[{\"sku\":\"simulated sku\"},"
                + "{\"sku\":\"simulated sku\"}],\"note\":\"simulated note\"}");
    }

    @Test
    void onDemandTheAnswerBreaksTheSchemaByLeavingOutTheFirstRequiredProperty() throws Exception {
        simulator.setJsonAnswer(JsonAnswer.BREAKS_SCHEMA);
        JsonNode answer = SimClient.JSON.readTree(content(post(simulator, withSchema(SCHEMA, false))));
        assertThat(answer.has("number")).isFalse();
        assertThat(answer.path("total").asDouble()).isEqualTo(100.0);

        simulator.setJsonAnswer(JsonAnswer.BREAKS_SCHEMA);
        assertThat(content(post(simulator, withSchema("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}",
                false)))).isEqualTo("{\"a\":12345}");
    }

    @Test
    void proseAroundTheJsonIsRemovedByResponseHealingOnly() throws Exception {
        simulator.setJsonAnswer(JsonAnswer.NOT_JSON);
        String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}}";
        assertThat(content(post(simulator, withSchema(schema, false))))
                .isEqualTo("Here is the JSON you asked for:\n```json\n{\n  \"a\" : 42\n}\n```");
        assertThat(content(post(simulator, withSchema(schema, true)))).isEqualTo("{\"a\":42}");

        ObjectNode disabled = withSchema(schema, true);
        ((ObjectNode) disabled.path("plugins").get(0)).put("enabled", false);
        assertThat(content(post(simulator, disabled))).startsWith("Here is the JSON");
    }

    @Test
    void jsonObjectIsAnsweredWithTheDescriptionInAnObject() throws Exception {
        ObjectNode request = chat(message("user", "Hi"));
        request.putObject("response_format").put("type", "json_object");
        assertThat(content(post(simulator, request))).isEqualTo(
                "{\"answer\":\"Received 1 text part, 0 images, 0 files, 0 audio, 0 video. Text: \\\"Hi\\\"\"}");
    }

    @Test
    void aMalformedResponseFormatIsA400NamingThePlace() throws Exception {
        ObjectNode unknown = chat(message("user", "Hi"));
        unknown.putObject("response_format").put("type", "xml");
        assertThat(error(post(simulator, unknown))).isEqualTo(
                "response_format.type: must be one of text, json_object, json_schema, grammar, python, got \"xml\"");

        ObjectNode unnamed = chat(message("user", "Hi"));
        unnamed.putObject("response_format").put("type", "json_schema").putObject("json_schema").putObject("schema");
        assertThat(error(post(simulator, unnamed))).isEqualTo("response_format.json_schema.name: must be a string, got nothing");

        ObjectNode badPlugin = chat(message("user", "Hi"));
        badPlugin.putArray("plugins").addObject().put("id", "response-healing").put("enabled", "yes");
        assertThat(error(post(simulator, badPlugin))).isEqualTo("plugins[0].enabled: must be true or false, got \"yes\"");
    }

    private static ObjectNode withSchema(String schema, boolean healing) throws Exception {
        ObjectNode request = chat(message("user", "Extract"));
        ObjectNode format = request.putObject("response_format").put("type", "json_schema");
        format.putObject("json_schema").put("name", "answer").put("strict", true)
                .set("schema", SimClient.JSON.readTree(schema));
        if (healing) {
            request.putArray("plugins").addObject().put("id", "response-healing");
        }
        return request;
    }

    private static String content(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("choices").get(0).path("message").path("content").asText();
    }

    private static String error(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        return json(response).path("error").path("message").asText();
    }
}
