package io.github.camelopenrouter.stream;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

    private final ObjectNode top = WireJson.MAPPER.createObjectNode();
    private final ObjectNode choice = WireJson.MAPPER.createObjectNode();
    private final ObjectNode message = WireJson.MAPPER.createObjectNode();
    private final Map<String, StringBuilder> texts = new LinkedHashMap<>();
    private final Map<String, ArrayNode> arrays = new LinkedHashMap<>();
    private boolean sawChoice;
    private boolean failed;
    private int chunks;

    /** Parses one event's data; returns the text delta it carries, or null when it carries none. */
    public String accept(byte[] data, int length) throws IOException {
        return accept(WireJson.MAPPER.readTree(data, 0, length));
    }

    public String accept(JsonNode chunk) throws IOException {
        if (chunk == null || !chunk.isObject()) {
            throw new IOException("a stream event is not a JSON object: "
                                  + (chunk == null ? "empty" : excerpt(chunk.toString())));
        }
        chunks++;
        String content = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = chunk.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("choices")) {
                JsonNode first = value.path(0);
                if (first.isObject()) {
                    content = acceptChoice(first);
                }
            } else if (!value.isNull() && !name.equals("object")) {
                top.set(name, value);
                if (name.equals("error")) {
                    failed = true;
                }
            }
        }
        return content;
    }

    private String acceptChoice(JsonNode delta) {
        sawChoice = true;
        String content = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = delta.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (field.getKey().equals("delta")) {
                content = acceptDelta(value);
            } else if (!value.isNull()) {
                choice.set(field.getKey(), value);
                if (field.getKey().equals("finish_reason") && "error".equals(value.asText())) {
                    failed = true;
                }
            }
        }
        return content;
    }

    private String acceptDelta(JsonNode delta) {
        String content = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = delta.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                String text = value.textValue();
                if (name.equals("role")) {
                    message.put("role", text);
                } else {
                    texts.computeIfAbsent(name, key -> new StringBuilder()).append(text);
                    if (name.equals("content") && !text.isEmpty()) {
                        content = text;
                    }
                }
            } else if (value.isArray()) {
                arrays.computeIfAbsent(name, key -> WireJson.MAPPER.createArrayNode()).addAll((ArrayNode) value);
            } else if (!value.isNull()) {
                message.set(name, value);
            }
        }
        return content;
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
