package io.github.camelopenrouter.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfig;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.impl.PropertySortUtils;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.wire.WireJson;
import org.apache.camel.CamelContext;
import org.apache.camel.support.ResourceHelper;

/**
 * The JSON Schema an answer must follow: as sent in {@code response_format.json_schema.schema}, and compiled once to
 * check the answer. It comes from the jsonSchema option (inline JSON or a resource, loaded when the endpoint starts),
 * from the outputClass option (generated), or from the {@code CamelOpenRouterJsonSchema} header (per exchange).
 */
public final class OutputSchema {

    /**
     * Schemas without {@code $schema} are read as draft 2020-12, the version the generator writes. {@code format} is
     * asserted, not only annotated (2020-12's default): a due date of "next Tuesday" for {@code "format": "date"} is
     * an answer the route cannot store, so it fails here.
     */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    /**
     * The meta-schema (bundled with the validator, never fetched): a schema it rejects ({@code "minProperties":
     * "many"}) is refused before anything is sent, rather than sent and silently ignored by the provider.
     */
    private static final Schema META_SCHEMA = REGISTRY.getSchema(
            SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    /**
     * Strict structured output (OpenAI's, which OpenRouter passes on) wants every property listed in {@code required}
     * and {@code additionalProperties: false} on every object: generated schemas say so. Fields are read, not getters,
     * so records and plain classes give the same schema; Jackson's annotations rename and describe properties.
     */
    private static final SchemaGenerator GENERATOR = new SchemaGenerator(configureGenerator());

    private final JsonNode json;
    private final Schema compiled;
    private final Class<?> type;

    private OutputSchema(JsonNode json, String what) {
        this(json, what, null);
    }

    private OutputSchema(JsonNode json, String what, Class<?> type) {
        this.type = type;
        if (!json.isObject()) {
            throw new OpenRouterInputException(what + " is not a JSON Schema: it must be a JSON object ({\"type\":"
                                               + " \"object\", ...}), got " + json.getNodeType().name().toLowerCase());
        }
        this.json = json;
        List<String> problems = problems(META_SCHEMA, json);
        if (!problems.isEmpty()) {
            throw new OpenRouterInputException(what + " is not a usable JSON Schema: " + String.join("; ", problems));
        }
        try {
            this.compiled = REGISTRY.getSchema(json);
        } catch (SchemaException | IllegalArgumentException e) {
            throw new OpenRouterInputException(what + " is not a usable JSON Schema: " + e.getMessage(), e);
        }
    }

    /** The outputClass this schema was generated from, or null. */
    public Class<?> type() {
        return type;
    }

    /** The schema as sent on the wire. */
    public JsonNode json() {
        return json;
    }

    /** What the schema finds wrong with an answer, one message per problem; empty when it accepts it. */
    public List<String> problems(JsonNode answer) {
        return problems(compiled, answer);
    }

    private static List<String> problems(Schema schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(value)) {
            String where = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
            problems.add((where.isEmpty() ? "$" : where) + ": " + error.getMessage());
        }
        return problems;
    }

    /**
     * The endpoint's schema, from its jsonSchema or outputClass option, or null when neither is set.
     *
     * @throws OpenRouterInputException when both are set, the resource cannot be read, or it is not a JSON Schema
     */
    public static OutputSchema fromOptions(OpenRouterConfiguration options, CamelContext camel) {
        return fromOptions(options.getJsonSchema(), outputClass(options.getOutputClass(), camel), camel);
    }

    /** The outputClass option as a class: given as one, or loaded by name with Camel's class resolver. */
    private static Class<?> outputClass(Object value, CamelContext camel) {
        if (value == null || value instanceof Class<?>) {
            return (Class<?>) value;
        }
        String name = value.toString().trim();
        if (name.isEmpty()) {
            return null;
        }
        Class<?> type = camel.getClassResolver().resolveClass(name);
        if (type == null) {
            throw new OpenRouterInputException("The outputClass option '" + name + "' is not a class this application can"
                                               + " load: give the fully qualified name of a class on the classpath, for"
                                               + " example com.example.Invoice");
        }
        return type;
    }

    static OutputSchema fromOptions(String jsonSchema, Class<?> outputClass, CamelContext camel) {
        boolean hasSchema = jsonSchema != null && !jsonSchema.isBlank();
        if (hasSchema && outputClass != null) {
            throw new OpenRouterInputException("Both jsonSchema and outputClass are set: set one of them (outputClass"
                                               + " generates the schema from the class)");
        }
        if (outputClass != null) {
            return generate(outputClass);
        }
        return hasSchema ? load(jsonSchema.trim(), camel) : null;
    }

    /** The schema of a class, generated. */
    static OutputSchema generate(Class<?> type) {
        ObjectNode schema;
        try {
            schema = GENERATOR.generateSchema(type);
        } catch (RuntimeException e) {
            throw new OpenRouterInputException("Cannot generate a JSON Schema from outputClass " + type.getName() + ": "
                                               + e.getMessage(), e);
        }
        return new OutputSchema(schema, "The schema generated from outputClass " + type.getName(), type);
    }

    /** The jsonSchema option: inline JSON when it starts with '{', else a resource Camel loads. */
    private static OutputSchema load(String value, CamelContext camel) {
        if (value.startsWith("{")) {
            return new OutputSchema(parse(value, "The jsonSchema option"), "The jsonSchema option");
        }
        String what = "The jsonSchema resource '" + value + "'";
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(camel, value)) {
            return new OutputSchema(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), what),
                    what);
        } catch (IOException e) {
            throw new OpenRouterInputException(what + " cannot be read (" + e.getMessage() + "): give inline JSON"
                                               + " ({...}) or a resource such as classpath:schemas/invoice.json,"
                                               + " file:/path/invoice.json or https://host/invoice.json", e);
        }
    }

    /** The CamelOpenRouterJsonSchema header: inline JSON (a String), a Map or a JsonNode. */
    static OutputSchema fromHeader(Object value, String header) {
        String what = "The " + header + " header";
        if (value instanceof JsonNode node) {
            return new OutputSchema(node, what);
        }
        if (value instanceof Map<?, ?> map) {
            return new OutputSchema(WireJson.MAPPER.valueToTree(map), what);
        }
        if (value instanceof CharSequence text) {
            return new OutputSchema(parse(text.toString(), what), what);
        }
        throw new OpenRouterInputException(what + " holds a " + value.getClass().getName() + ": use a String of JSON"
                                           + " or a Map in the shape of the JSON Schema");
    }

    private static JsonNode parse(String text, String what) {
        try {
            return WireJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new OpenRouterInputException(what + " is not valid JSON: " + e.getOriginalMessage()
                                               + " (line " + e.getLocation().getLineNr() + ", column "
                                               + e.getLocation().getColumnNr() + ")", e);
        }
    }

    private static SchemaGeneratorConfig configureGenerator() {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_ORDER))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        builder.forFields().withRequiredCheck(field -> true);
        // properties in the order the class declares them, as a reader of the class expects
        builder.forTypesInGeneral().withPropertySorter(PropertySortUtils.SORT_PROPERTIES_FIELDS_BEFORE_METHODS);
        return builder.build();
    }
}
