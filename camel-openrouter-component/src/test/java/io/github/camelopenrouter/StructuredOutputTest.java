package io.github.camelopenrouter;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.camelopenrouter.sdkcheck.OpenRouterSdk;
import io.github.camelopenrouter.simulator.JsonAnswer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Structured output end to end: the schema (a classpath resource, inline, a header, generated from a class) goes out as
 * response_format json_schema with response healing; the simulator's answer comes back checked, as the JSON body or an
 * instance of the class; an answer that breaks the schema is an OpenRouterOutputException with the validator's
 * messages. Every request is also checked against the official SDK's ChatRequest schema.
 */
class StructuredOutputTest extends OpenRouterTestSupport {

    private static final String INVOICE_SCHEMA = resource("/schemas/invoice.json");

    /** What the simulator makes up for schemas/invoice.json: every property, the first enum value, a date. */
    private static final String FITTING_INVOICE
            = "{\"number\":\"simulated number\",\"total\":99.5,\"currency\":\"EUR\",\"dueDate\":\"2024-03-31\"}";

    private static final String USER_TEXT = "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Invoice 42\"}]}";

    @Test
    void aSchemaFromAClasspathResourceIsSentAndTheFittingAnswerBecomesTheBody() {
        Exchange exchange = sendOk("openrouter:chat?model=openai/gpt-4o&jsonSchema=classpath:schemas/invoice.json",
                "Invoice 42");

        assertThat(sentJson()).isEqualTo(json("""
                {"model":"openai/gpt-4o","messages":[%s],
                 "plugins":[{"id":"response-healing"}],
                 "response_format":{"type":"json_schema",
                   "json_schema":{"name":"answer","strict":true,"schema":%s}}}""".formatted(USER_TEXT, INVOICE_SCHEMA)));
        assertSdkSendsItUnchanged();
        assertThat(exchange.getMessage().getBody()).isEqualTo(FITTING_INVOICE);
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.RAW_ANSWER)).isEqualTo(FITTING_INVOICE);
    }

    @Test
    void anInlineSchemaOptionIsSentAsItIs() {
        String schema = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"],"
                        + "\"additionalProperties\":false}";
        Exchange exchange = sendOk("openrouter:chat?jsonSchema=RAW(" + schema + ")", "Invoice 42");

        assertThat(sentJson().at("/response_format")).isEqualTo(json("""
                {"type":"json_schema","json_schema":{"name":"answer","strict":true,"schema":%s}}""".formatted(schema)));
        assertSdkSendsItUnchanged();
        assertThat(exchange.getMessage().getBody()).isEqualTo("{\"city\":\"simulated city\"}");
    }

    @Test
    void theSchemaHeaderReplacesTheOptionAsAStringOrAMap() {
        String city = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}";
        Exchange fromString = sendOk("openrouter:chat?jsonSchema=classpath:schemas/invoice.json", "Invoice 42",
                Map.of(OpenRouterConstants.JSON_SCHEMA, city));
        assertThat(sentJson().at("/response_format/json_schema/schema")).isEqualTo(json(city));
        assertSdkSendsItUnchanged();
        assertThat(fromString.getMessage().getBody()).isEqualTo("{\"city\":\"simulated city\"}");

        Map<String, Object> schema = Map.of("type", "object",
                "properties", Map.of("count", Map.of("type", "integer", "minimum", 7)), "required", List.of("count"));
        Exchange fromMap = sendOk("openrouter:chat", "Invoice 42", Map.of(OpenRouterConstants.JSON_SCHEMA, schema));
        assertThat(sentJson().at("/response_format")).isEqualTo(json("""
                {"type":"json_schema","json_schema":{"name":"answer","strict":true,
                 "schema":{"type":"object","properties":{"count":{"type":"integer","minimum":7}},"required":["count"]}}}"""));
        assertThat(sentJson().at("/plugins")).isEqualTo(json("[{\"id\":\"response-healing\"}]"));
        assertSdkSendsItUnchanged();
        assertThat(fromMap.getMessage().getBody()).isEqualTo("{\"count\":42}");
    }

    @Test
    void anOutputClassSendsItsGeneratedSchemaAndTheAnswerBecomesAnInstance() {
        Exchange exchange = sendOk("openrouter:chat?outputClass=io.github.camelopenrouter.Invoice", "Invoice 42");

        assertThat(sentJson()).isEqualTo(json("""
                {"messages":[%s],"plugins":[{"id":"response-healing"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"answer","strict":true,"schema":
                   {"type":"object","properties":{
                      "number":{"type":"string","description":"The invoice number"},
                      "total":{"type":"number"},
                      "currency":{"type":"string","enum":["EUR","USD","GBP"]},
                      "dueDate":{"type":"string"},
                      "lines":{"type":"array","items":{"type":"object",
                         "properties":{"description":{"type":"string"},"quantity":{"type":"integer"}},
                         "required":["description","quantity"],"additionalProperties":false}}},
                    "required":["number","total","currency","dueDate","lines"],"additionalProperties":false}}}}"""
                .formatted(USER_TEXT)));
        assertSdkSendsItUnchanged();
        assertThat(exchange.getMessage().getBody()).isEqualTo(new Invoice("simulated number", new BigDecimal("99.5"),
                Invoice.Currency.EUR, "simulated dueDate", List.of(new Invoice.Line("simulated description", 42))));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.RAW_ANSWER, String.class))
                .startsWith("{\"number\":\"simulated number\",\"total\":99.5,");
    }

    @Test
    void anAnswerThatBreaksTheSchemaRaisesOpenRouterOutputExceptionWithTheValidationMessages() {
        simulator.setJsonAnswer(JsonAnswer.BREAKS_SCHEMA);
        Exchange exchange = send("openrouter:chat?jsonSchema=classpath:schemas/invoice.json", "Invoice 42");

        String broken = "{\"total\":99.5,\"currency\":\"EUR\",\"dueDate\":\"2024-03-31\"}";
        assertThat(exchange.getException()).isInstanceOfSatisfying(OpenRouterOutputException.class, e -> {
            assertThat(e.getValidationMessages()).containsExactly("$: required property 'number' not found");
            assertThat(e.getRawAnswer()).isEqualTo(broken);
            assertThat(e.getErrorType()).isEqualTo("invalid_output");
            assertThat(e.getMessage()).isEqualTo("The model's answer does not match the JSON Schema 'answer':"
                                                 + " $: required property 'number' not found");
        });
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("invalid_output");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.RAW_ANSWER)).isEqualTo(broken);
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.TOTAL_TOKENS)).as("usage stays visible").isNotNull();
    }

    @Test
    void aWrongTypeIsReportedWithItsPlaceAndTheClassIsNotFilled() {
        simulator.setJsonAnswer(JsonAnswer.BREAKS_SCHEMA);
        String schema = "{\"type\":\"object\",\"properties\":{\"total\":{\"type\":\"number\"}}}";
        Exchange exchange = send("openrouter:chat?outputClass=io.github.camelopenrouter.Invoice", "Invoice 42",
                Map.of(OpenRouterConstants.JSON_SCHEMA, schema));

        assertThat(exchange.getException()).isInstanceOfSatisfying(OpenRouterOutputException.class, e -> {
            assertThat(e.getRawAnswer()).isEqualTo("{\"total\":\"not a number\"}");
            assertThat(e.getValidationMessages()).containsExactly("/total: string found, number expected");
        });
    }

    @Test
    void formatsAreAssertedNotOnlyAnnotated() {
        // the simulator answers "simulated address" for a format it does not know, which is no IPv4 address
        String schema = "{\"type\":\"object\",\"properties\":{\"day\":{\"type\":\"string\",\"format\":\"date\"},"
                        + "\"address\":{\"type\":\"string\",\"format\":\"ipv4\"}}}";
        Exchange exchange = send("openrouter:chat", "Invoice 42", Map.of(OpenRouterConstants.JSON_SCHEMA, schema));

        assertThat(exchange.getException()).isInstanceOfSatisfying(OpenRouterOutputException.class, e -> {
            assertThat(e.getRawAnswer()).isEqualTo("{\"day\":\"2024-03-31\",\"address\":\"simulated address\"}");
            assertThat(e.getValidationMessages()).singleElement().asString().startsWith("/address: ").contains("ipv4");
        });
    }

    @Test
    void responseHealingIsOnByDefaultAndRepairsProseAroundTheJson() {
        simulator.setJsonAnswer(JsonAnswer.NOT_JSON);
        Exchange exchange = sendOk("openrouter:chat?jsonSchema=classpath:schemas/invoice.json", "Invoice 42");

        assertThat(sentJson().get("plugins")).isEqualTo(json("[{\"id\":\"response-healing\"}]"));
        assertThat(exchange.getMessage().getBody()).isEqualTo(FITTING_INVOICE);
    }

    @Test
    void responseHealingSwitchedOffIsSentAsDisabledAndAMalformedAnswerFails() {
        simulator.setJsonAnswer(JsonAnswer.NOT_JSON);
        Exchange exchange = send("openrouter:chat?pdfEngine=cloudflare-ai&responseHealing=false"
                                 + "&jsonSchema=classpath:schemas/invoice.json", "Invoice 42");

        assertThat(sentJson().get("plugins")).isEqualTo(json("""
                [{"id":"file-parser","pdf":{"engine":"cloudflare-ai"}},{"id":"response-healing","enabled":false}]"""));
        assertSdkSendsItUnchanged();
        assertThat(exchange.getException()).isInstanceOfSatisfying(OpenRouterOutputException.class, e -> {
            assertThat(e.getRawAnswer()).startsWith("Here is the JSON you asked for:\n```json\n{");
            assertThat(e.getValidationMessages()).hasSize(1);
            assertThat(e.getValidationMessages().get(0)).startsWith("Unrecognized token 'Here'");
            assertThat(e.getMessage()).startsWith("The model's answer is not valid JSON: Unrecognized token 'Here'")
                    .contains("It starts: 'Here is the JSON you asked for: ```json {")
                    .endsWith("(responseHealing is off: turn it on to let OpenRouter repair malformed JSON)");
        });
    }

    @Test
    void jsonObjectAsksForAnyObjectAndChecksTheAnswerIsOne() {
        Exchange exchange = sendOk("openrouter:chat?responseFormat=json_object", "Invoice 42");
        assertThat(sentJson()).isEqualTo(json("""
                {"messages":[%s],"plugins":[{"id":"response-healing"}],"response_format":{"type":"json_object"}}"""
                .formatted(USER_TEXT)));
        assertSdkSendsItUnchanged();
        assertThat(exchange.getMessage().getBody(String.class)).startsWith("{\"answer\":\"Received 1 text part,");

        simulator.setJsonAnswer(JsonAnswer.BREAKS_SCHEMA);
        Exchange notAnObject = send("openrouter:chat?responseFormat=json_object", "Invoice 42");
        assertThat(notAnObject.getException()).isInstanceOfSatisfying(OpenRouterOutputException.class,
                e -> assertThat(e.getValidationMessages()).containsExactly("the answer is a JSON array, not an object"));
    }

    @Test
    void textIsSentWhenAskedAndTheAnswerIsNotChecked() {
        simulator.setJsonAnswer(JsonAnswer.BREAKS_SCHEMA);
        Exchange exchange = sendOk("openrouter:chat?responseFormat=text", "Invoice 42");
        assertThat(sentJson()).isEqualTo(json("""
                {"messages":[%s],"response_format":{"type":"text"}}""".formatted(USER_TEXT)));
        assertSdkSendsItUnchanged();
        assertThat(exchange.getMessage().getBody(String.class)).startsWith("Received 1 text part,");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.RAW_ANSWER)).isNull();
    }

    @Test
    void schemaNameAndStrictSchemaAreSent() {
        sendOk("openrouter:chat?jsonSchema=classpath:schemas/invoice.json&schemaName=invoice_v2&strictSchema=false",
                "Invoice 42");
        assertThat(sentJson().at("/response_format")).isEqualTo(json("""
                {"type":"json_schema","json_schema":{"name":"invoice_v2","strict":false,"schema":%s}}"""
                .formatted(INVOICE_SCHEMA)));
        assertSdkSendsItUnchanged();
    }

    @Test
    void componentOptionsAreEndpointDefaults() {
        OpenRouterComponent component = context.getComponent("openrouter", OpenRouterComponent.class);
        component.getConfiguration().setOutputClass(Invoice.class);
        component.getConfiguration().setSchemaName("invoice");
        Exchange exchange = sendOk("openrouter:chat?model=a/b", "Invoice 42");
        assertThat(sentJson().at("/response_format/json_schema/name").asText()).isEqualTo("invoice");
        assertThat(exchange.getMessage().getBody()).isInstanceOf(Invoice.class);
    }

    @Test
    void badOptionValuesStopTheEndpointFromStartingAndNothingIsSent() {
        String[][] cases = {
                { "responseFormat=xml", "'xml' is not a valid responseFormat option: use one of json_object, json_schema, text" },
                { "schemaName=my schema&jsonSchema=classpath:schemas/invoice.json",
                  "'my schema' is not a valid schemaName option: use 1 to 64 letters, digits, _ or -" },
                { "jsonSchema=classpath:schemas/missing.json",
                  "The jsonSchema resource 'classpath:schemas/missing.json' cannot be read" },
                { "jsonSchema=RAW({\"type\": )", "The jsonSchema option is not valid JSON: Unexpected end-of-input" },
                { "jsonSchema=RAW({\"type\": 5})", "The jsonSchema option is not a usable JSON Schema: /type:" },
                { "jsonSchema=classpath:schemas/invoice.json&outputClass=io.github.camelopenrouter.Invoice",
                  "Both jsonSchema and outputClass are set: set one of them" },
                { "responseFormat=text&jsonSchema=classpath:schemas/invoice.json",
                  "responseFormat text cannot be combined with jsonSchema or outputClass" },
                { "responseFormat=json_object&outputClass=io.github.camelopenrouter.Invoice",
                  "responseFormat json_object cannot be combined with jsonSchema or outputClass" },
                { "outputClass=com.example.Nope", "The outputClass option 'com.example.Nope' is not a class this"
                                                  + " application can load: give the fully qualified name of a class" } };
        for (String[] invalid : cases) {
            assertThatThrownBy(() -> template.sendBody("openrouter:chat?" + invalid[0], "Hi"))
                    .as(invalid[0]).hasStackTraceContaining(invalid[1]);
        }
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void badSchemaHeadersAreRefusedBeforeSending() {
        assertRefusedBeforeSending(send("openrouter:chat", "Hi", Map.of(OpenRouterConstants.JSON_SCHEMA, "{\"type\":")),
                "The CamelOpenRouterJsonSchema header is not valid JSON");
        assertRefusedBeforeSending(send("openrouter:chat", "Hi", Map.of(OpenRouterConstants.JSON_SCHEMA, "[1, 2]")),
                "The CamelOpenRouterJsonSchema header is not a JSON Schema: it must be a JSON object", "got array");
        assertRefusedBeforeSending(send("openrouter:chat", "Hi", Map.of(OpenRouterConstants.JSON_SCHEMA, 42)),
                "The CamelOpenRouterJsonSchema header holds a java.lang.Integer: use a String of JSON or a Map");
        assertRefusedBeforeSending(send("openrouter:chat?responseFormat=json_schema", "Hi"),
                "responseFormat json_schema needs a JSON Schema: set the jsonSchema or outputClass option, or the"
                + " CamelOpenRouterJsonSchema header");
        assertRefusedBeforeSending(send("openrouter:chat", "Hi", Map.of(OpenRouterConstants.JSON_SCHEMA,
                "{\"type\": \"object\", \"minProperties\": \"many\"}")),
                "The CamelOpenRouterJsonSchema header is not a usable JSON Schema:"
                + " /minProperties: string found, integer expected");
    }

    private static void assertSdkSendsItUnchanged() {
        OpenRouterSdk.shared().assertOutbound("ChatRequest", simulator.lastRequest().body());
    }

    private static String resource(String name) {
        try (InputStream in = StructuredOutputTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
