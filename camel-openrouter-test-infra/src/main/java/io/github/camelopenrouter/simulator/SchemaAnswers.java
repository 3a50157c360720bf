package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Makes up a JSON value for a JSON Schema, as a model in strict structured-output mode would: every property, the
 * first of an {@code enum}, {@code const}, the declared formats, numbers within their bounds, local {@code $ref}s
 * followed. Enough of JSON Schema for what clients send (generated from classes or written by hand), not all of it:
 * {@code pattern} is not honoured.
 */
final class SchemaAnswers {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;

    private SchemaAnswers() {
    }

    /**
     * The answer text for a request that asks for JSON, or null when it does not: for {@code json_schema} a value made
     * up from the schema, for {@code json_object} {@code {"answer": "<description>"}}; then bent as {@code mode} says.
     */
    static String answer(JsonNode request, String description, JsonAnswer mode) {
        JsonNode format = request.path("response_format");
        String type = format.path("type").asText("");
        JsonNode schema = format.path("json_schema").path("schema");
        JsonNode value;
        if ("json_schema".equals(type) && schema.isObject()) {
            value = mode == JsonAnswer.BREAKS_SCHEMA ? breaking(schema) : fitting(schema);
        } else if ("json_schema".equals(type) || "json_object".equals(type)) {
            value = mode == JsonAnswer.BREAKS_SCHEMA
                    ? NODES.arrayNode().add("not an object")
                    : NODES.objectNode().put("answer", description);
        } else {
            return null;
        }
        if (mode == JsonAnswer.NOT_JSON && !healing(request)) {
            return "Here is the JSON you asked for:\n```json\n" + value.toPrettyString() + "\n```";
        }
        return Json.text(value);
    }

    /** Whether the request turns on the response-healing plugin ({@code enabled} absent or true). */
    static boolean healing(JsonNode request) {
        for (JsonNode plugin : request.path("plugins")) {
            if ("response-healing".equals(plugin.path("id").asText()) && plugin.path("enabled").asBoolean(true)) {
                return true;
            }
        }
        return false;
    }

    /** JSON the schema accepts. */
    static JsonNode fitting(JsonNode schema) {
        return value(schema, schema, "answer", 0);
    }

    /** Well-formed JSON the schema rejects (see {@link JsonAnswer#BREAKS_SCHEMA}). */
    static JsonNode breaking(JsonNode schema) {
        JsonNode root = resolve(schema, schema);
        JsonNode answer = fitting(schema);
        if (answer instanceof ObjectNode object) {
            JsonNode required = root.path("required");
            if (required.isArray() && !required.isEmpty()) {
                object.remove(required.get(0).asText());
                return object;
            }
            Iterator<Map.Entry<String, JsonNode>> properties = root.path("properties").fields();
            if (properties.hasNext()) {
                Map.Entry<String, JsonNode> first = properties.next();
                object.set(first.getKey(), wrongType(resolve(first.getValue(), schema)));
                return object;
            }
        }
        return wrongType(root);
    }

    private static JsonNode wrongType(JsonNode schema) {
        return "string".equals(type(schema)) ? IntNode.valueOf(12345) : TextNode.valueOf("not a " + type(schema));
    }

    private static JsonNode value(JsonNode node, JsonNode root, String name, int depth) {
        JsonNode schema = resolve(node, root);
        if (depth > MAX_DEPTH || !schema.isObject()) {
            return NODES.nullNode();
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        for (String choice : new String[] { "anyOf", "oneOf", "allOf" }) {
            JsonNode options = schema.path(choice);
            if (options.isArray() && !options.isEmpty()) {
                for (JsonNode option : options) {
                    if (!"null".equals(type(resolve(option, root)))) {
                        return value(option, root, name, depth + 1);
                    }
                }
                return NODES.nullNode();
            }
        }
        return switch (type(schema)) {
            case "object" -> object(schema, root, depth);
            case "array" -> array(schema, root, name, depth);
            case "integer" -> NODES.numberNode((long) Math.ceil(number(schema, 42)));
            case "number" -> NODES.numberNode(number(schema, 99.5));
            case "boolean" -> NODES.booleanNode(true);
            case "null" -> NODES.nullNode();
            default -> TextNode.valueOf(string(schema, name));
        };
    }

    private static ObjectNode object(JsonNode schema, JsonNode root, int depth) {
        ObjectNode object = NODES.objectNode();
        schema.path("properties").fields()
                .forEachRemaining(property -> object.set(property.getKey(),
                        value(property.getValue(), root, property.getKey(), depth + 1)));
        return object;
    }

    private static ArrayNode array(JsonNode schema, JsonNode root, String name, int depth) {
        ArrayNode array = NODES.arrayNode();
        int count = Math.max(1, schema.path("minItems").asInt(1));
        for (int i = 0; i < count; i++) {
            array.add(value(schema.path("items"), root, name, depth + 1));
        }
        return array;
    }

    private static double number(JsonNode schema, double preferred) {
        double value = preferred;
        if (schema.has("minimum")) {
            value = Math.max(value, schema.get("minimum").asDouble());
        }
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            value = Math.max(value, schema.get("exclusiveMinimum").asDouble() + 1);
        }
        if (schema.has("maximum")) {
            value = Math.min(value, schema.get("maximum").asDouble());
        }
        if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()) {
            value = Math.min(value, schema.get("exclusiveMaximum").asDouble() - 1);
        }
        return value;
    }

    private static String string(JsonNode schema, String name) {
        String value = switch (schema.path("format").asText("")) {
            case "date" -> "2024-03-31";
            case "date-time" -> "2024-03-31T09:30:00Z";
            case "time" -> "09:30:00Z";
            case "email" -> "billing@example.com";
            case "uri", "url" -> "https://example.com/";
            case "uuid" -> "0b7e2f4c-7d1a-4c8e-9f3b-2a6d5e8c1f00";
            default -> "simulated " + name;
        };
        int min = schema.path("minLength").asInt(0);
        StringBuilder padded = new StringBuilder(value);
        while (padded.length() < min) {
            padded.append('x');
        }
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return padded.length() > max ? padded.substring(0, max) : padded.toString();
    }

    /** The schema's type: the first that is not "null" of a list; implied by properties or items when absent. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!"null".equals(each.asText())) {
                    return each.asText();
                }
            }
            return "null";
        }
        if (schema.has("properties")) {
            return "object";
        }
        return schema.has("items") ? "array" : "string";
    }

    /** Follows local references ({@code #/$defs/Line}, {@code #/definitions/Line}); others stay as they are. */
    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        JsonNode current = schema;
        for (int hops = 0; hops < MAX_DEPTH && current.path("$ref").isTextual(); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                break;
            }
            current = ref.equals("#") ? root : root.at(ref.substring(1));
        }
        return current;
    }
}
