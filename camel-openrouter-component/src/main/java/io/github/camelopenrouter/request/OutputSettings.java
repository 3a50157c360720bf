package io.github.camelopenrouter.request;

import java.util.Set;
import java.util.regex.Pattern;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.wire.Plugin;
import io.github.camelopenrouter.wire.ResponseFormat;

/**
 * Structured output: the format the answer must have and, for {@code json_schema}, its schema, the class it becomes
 * and whether OpenRouter heals malformed JSON. Read from the jsonSchema, outputClass, schemaName, strictSchema,
 * responseFormat and responseHealing options and the {@code CamelOpenRouterJsonSchema} header; the reply side checks
 * the answer against the same settings ({@code response.StructuredAnswer}).
 *
 * @param format  text, json_object, json_schema, or null (not sent: the model answers text)
 * @param schema  the schema for json_schema, else null
 * @param healing true/false for the response-healing plugin when JSON is requested, null to leave it out
 */
public record OutputSettings(
        String format,
        String schemaName,
        boolean strict,
        OutputSchema schema,
        Class<?> outputClass,
        Boolean healing) {

    static final Set<String> FORMATS = Set.of("text", "json_object", "json_schema");

    /** What OpenAI's strict mode (passed on by OpenRouter) accepts as a schema name. */
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** @param endpointSchema the schema of the jsonSchema or outputClass option, loaded when the endpoint started */
    static OutputSettings read(SettingReader in, OutputSchema endpointSchema) {
        String format = SettingReader.oneOf(blankToNull(in.options().getResponseFormat()), FORMATS,
                in.what("responseFormat", null));
        if (endpointSchema != null && format != null && !"json_schema".equals(format)) {
            throw new OpenRouterInputException("responseFormat " + format + " cannot be combined with jsonSchema or"
                                               + " outputClass, which ask for json_schema: remove one of them");
        }
        String name = in.options().getSchemaName();
        if (name == null || !SCHEMA_NAME.matcher(name).matches()) {
            throw new OpenRouterInputException("'" + name + "' is not a valid schemaName option: use 1 to 64 letters,"
                                               + " digits, _ or -");
        }
        Object header = in.header(OpenRouterConstants.JSON_SCHEMA);
        OutputSchema schema = header != null
                ? OutputSchema.fromHeader(header, OpenRouterConstants.JSON_SCHEMA)
                : endpointSchema;
        if (schema != null) {
            format = "json_schema";
        } else if ("json_schema".equals(format) && in.exchange() != null) {
            // at start the header may still bring the schema; an exchange without it cannot be sent
            throw new OpenRouterInputException("responseFormat json_schema needs a JSON Schema: set the jsonSchema or"
                                               + " outputClass option, or the " + OpenRouterConstants.JSON_SCHEMA
                                               + " header");
        }
        boolean json = "json_object".equals(format) || "json_schema".equals(format);
        Boolean healing = json ? Boolean.valueOf(!Boolean.FALSE.equals(in.options().getResponseHealing())) : null;
        return new OutputSettings(format, name, in.options().isStrictSchema(), schema,
                endpointSchema == null ? null : endpointSchema.type(), healing);
    }

    /** Whether the answer must be JSON (and is checked on the way back). */
    public boolean jsonRequested() {
        return healing != null;
    }

    /** {@code response_format}, or null to leave it out. */
    ResponseFormat responseFormat() {
        if (format == null) {
            return null;
        }
        return schema != null ? ResponseFormat.jsonSchema(schemaName, strict, schema.json()) : ResponseFormat.of(format);
    }

    /** The response-healing plugin: on (no enabled field) or explicitly off; null when the answer is text. */
    Plugin healingPlugin() {
        if (healing == null) {
            return null;
        }
        return new Plugin.ResponseHealing(healing ? null : Boolean.FALSE);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
