package io.github.camelopenrouter.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code response_format}: {@code {"type": "text" | "json_object"}} or
 * {@code {"type": "json_schema", "json_schema": {"name", "strict", "schema"}}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "json_schema" })
public record ResponseFormat(String type, @JsonProperty("json_schema") JsonSchema jsonSchema) {

    public static ResponseFormat of(String type) {
        return new ResponseFormat(type, null);
    }

    public static ResponseFormat jsonSchema(String name, boolean strict, JsonNode schema) {
        return new ResponseFormat("json_schema", new JsonSchema(name, strict, schema));
    }

    @JsonPropertyOrder({ "name", "strict", "schema" })
    public record JsonSchema(String name, boolean strict, JsonNode schema) {
    }
}
