package io.github.camelopenrouter.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelopenrouter.wire.ChatResponse;
import io.github.camelopenrouter.wire.WireJson;

/**
 * Folds the {@code chat.completion.chunk}s of one stream into the {@code chat.completion} OpenRouter would have sent
 * without streaming, so that the reply goes through the same decoding, error checks and mapping as a non-streamed one
 * (every reply header, structured output, the conversation store), whatever fields those read.
 *
 * <p>Generic on purpose, so fields OpenRouter adds keep arriving: top-level and choice fields keep their last non-null
 * value ({@code usage} comes in the last chunk, {@code finish_reason} in the last delta); in {@code delta}, strings
 * ({@code content}, {@code reasoning}, {@code refusal}) are concatenated and arrays ({@code annotations},
 * {@code reasoning_details}, {@code images}) appended, into {@code message}. Only the first choice is kept (the
 * component asks for one). Tool-call deltas, which merge by index, are not assembled: the component sends no tools.
 */
public final class ChatStreamAssembler {

    private static final JsonNodeFactory NODES = WireJson.MAPPER.getNodeFactory();

    private final ObjectNode top = WireJson.MAPPER.createObjectNode();
    private final ObjectNode choice = WireJson.MAPPER.createObjectNode();
    private final ObjectNode message = WireJson.MAPPER.createObjectNode();
    private final Map<String, StringBuilder> texts = new LinkedHashMap<>();
    private final Map<String, ArrayNode> arrays = new LinkedHashMap<>();
    private boolean sawChoice;
    private boolean failed;
    private int chunks;

    /**
     * Parses one event's data; returns the text delta it carries, or null when it carries none. Read token by token,
     * not as a tree: a chunk is mostly the same few fields each time, and a stream has thousands of them, so only the
     * values kept are built as nodes (a text delta is only a String).
     */
    public String accept(byte[] data, int length) throws IOException {
        try (JsonParser parser = WireJson.MAPPER.createParser(data, 0, length)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new IOException("a stream event is not a JSON object: "
                                      + (first == null ? "empty" : excerpt(new String(data, 0, length, StandardCharsets.UTF_8))));
            }
            chunks++;
            String content = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("choices")) {
                    String text = readChoices(parser, value);
                    if (text != null) {
                        content = text;
                    }
                } else if (value == JsonToken.VALUE_NULL || name.equals("object")) {
                    parser.skipChildren();
                } else {
                    top.set(name, node(parser, value));
                    if (name.equals("error")) {
                        failed = true;
                    }
                }
            }
            return content;
        }
    }

    /** {@code choices}: the first one folded in, the others skipped. */
    private String readChoices(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return null;
        }
        String content = null;
        JsonToken element = parser.nextToken();
        if (element == JsonToken.START_OBJECT) {
            content = readChoice(parser);
            element = parser.nextToken();
        }
        while (element != JsonToken.END_ARRAY && element != null) {
            parser.skipChildren();
            element = parser.nextToken();
        }
        return content;
    }

    private String readChoice(JsonParser parser) throws IOException {
        sawChoice = true;
        String content = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("delta")) {
                content = value == JsonToken.START_OBJECT ? readDelta(parser) : skip(parser);
            } else if (value == JsonToken.VALUE_NULL) {
                parser.skipChildren();
            } else {
                JsonNode node = node(parser, value);
                choice.set(name, node);
                if (name.equals("finish_reason") && "error".equals(node.asText())) {
                    failed = true;
                }
            }
        }
        return content;
    }

    private String readDelta(JsonParser parser) throws IOException {
        String content = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                if (name.equals("role")) {
                    message.put("role", text);
                } else {
                    texts.computeIfAbsent(name, key -> new StringBuilder()).append(text);
                    if (name.equals("content") && !text.isEmpty()) {
                        content = text;
                    }
                }
            } else if (value == JsonToken.START_ARRAY) {
                arrays.computeIfAbsent(name, key -> WireJson.MAPPER.createArrayNode())
                        .addAll((ArrayNode) parser.readValueAsTree());
            } else if (value == JsonToken.VALUE_NULL) {
                parser.skipChildren();
            } else {
                message.set(name, node(parser, value));
            }
        }
        return content;
    }

    /**
     * The value the parser stands on, as a node: scalars built directly (most of a chunk's fields: id, model, created,
     * index), since going through the mapper sets up a deserialization context per value.
     */
    private static JsonNode node(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            default -> parser.readValueAsTree(); // objects, arrays, and floats as the mapper reads them
        };
    }

    private static String skip(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }

    /** Whether a chunk carried an error: a top-level {@code error} or {@code finish_reason: "error"}. */
    public boolean failed() {
        return failed;
    }

    /** The reply's id ({@code gen-...}) as the chunks so far give it, or null. */
    public String replyId() {
        JsonNode id = top.get("id");
        return id == null ? null : id.asText();
    }

    public int chunks() {
        return chunks;
    }

    /** The reply as one {@code chat.completion} document. */
    public ObjectNode replyJson() {
        ObjectNode root = top.deepCopy();
        root.put("object", "chat.completion");
        ArrayNode choices = root.putArray("choices");
        if (sawChoice || !texts.isEmpty()) {
            ObjectNode whole = choices.addObject();
            whole.setAll(choice);
            ObjectNode assembled = whole.putObject("message");
            assembled.put("role", message.path("role").asText("assistant"));
            texts.forEach((name, text) -> assembled.put(name, text.toString()));
            arrays.forEach(assembled::set);
            message.fields().forEachRemaining(field -> {
                if (!assembled.has(field.getKey())) {
                    assembled.set(field.getKey(), field.getValue());
                }
            });
            if (!whole.has("index")) {
                whole.put("index", 0);
            }
        }
        return root;
    }

    public ChatResponse reply() throws IOException {
        return WireJson.MAPPER.treeToValue(replyJson(), ChatResponse.class);
    }

    private static String excerpt(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
