package io.github.camelopenrouter.wire;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a chat reply whose JSON is valid but does not have the types {@link ChatResponse} declares: a token count beyond
 * 32 bits ({@code "prompt_tokens": 3000000000}), {@code content} as an array of parts, a number where text was
 * expected. The answer was paid for, so it is kept: text parts are joined, and a value that does not fit is left out
 * (and named in {@link #problems()}) instead of throwing the whole reply away.
 */
public final class LenientReply {

    private final List<String> problems = new ArrayList<>();
    private final ChatResponse reply;

    private LenientReply(JsonNode root) {
        this.reply = root != null && root.isObject() ? response(root) : null;
    }

    /** Reads the body as a tree and maps it leniently; {@link #reply()} is null when it is not a JSON object. */
    public static LenientReply read(byte[] body) throws IOException {
        return new LenientReply(WireJson.MAPPER.readTree(body));
    }

    /** The reply, or null when the body is not a JSON object (null, an array, a string). */
    public ChatResponse reply() {
        return reply;
    }

    /** What did not fit, as {@code field: value (why)}; empty when nothing was left out. */
    public List<String> problems() {
        return problems;
    }

    private ChatResponse response(JsonNode root) {
        List<ChatResponse.Choice> choices = null;
        JsonNode array = root.get("choices");
        if (array != null && array.isArray()) {
            choices = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode choice = array.get(i);
                if (choice.isObject()) {
                    choices.add(choice(choice, "choices[" + i + "]."));
                } else {
                    problems.add("choices[" + i + "]: " + excerpt(choice) + " (not an object)");
                }
            }
        } else if (array != null && !array.isNull()) {
            problems.add("choices: " + excerpt(array) + " (not an array)");
        }
        JsonNode usage = root.get("usage");
        return new ChatResponse(text(root, "id"), text(root, "provider"), text(root, "model"), text(root, "object"),
                whole(root, "created", ""), choices, usage != null && usage.isObject() ? usage(usage) : null,
                error(root.get("error"), "error"), null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> costDetails(JsonNode details) {
        if (details == null || details.isNull()) {
            return null;
        }
        if (!details.isObject()) {
            problems.add("usage.cost_details: " + excerpt(details) + " (not an object)");
            return null;
        }
        return WireJson.MAPPER.convertValue(details, Map.class);
    }

    private ChatResponse.Choice choice(JsonNode node, String path) {
        JsonNode message = node.get("message");
        ChatResponse.ResponseMessage mapped = null;
        if (message != null && message.isObject()) {
            mapped = new ChatResponse.ResponseMessage(text(message, "role"), content(message.get("content"), path),
                    text(message, "reasoning"), message.get("annotations"), message.get("tool_calls"));
        }
        Long index = whole(node, "index", path);
        return new ChatResponse.Choice(index == null || index != index.intValue() ? null : index.intValue(),
                text(node, "finish_reason"), text(node, "native_finish_reason"), mapped,
                error(node.get("error"), path + "error"));
    }

    /** A string as it is; an array of parts as its text parts joined (the form multimodal outputs take). */
    private String content(JsonNode content, String path) {
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                JsonNode value = part.isTextual() ? part : part.get("text");
                if (value != null && value.isTextual()) {
                    text.append(value.textValue());
                }
            }
            return text.toString();
        }
        if (content.isValueNode()) {
            return content.asText();
        }
        problems.add(path + "message.content: " + excerpt(content) + " (not text)");
        return null;
    }

    private ChatResponse.Usage usage(JsonNode usage) {
        return new ChatResponse.Usage(integer(usage, "prompt_tokens"), integer(usage, "completion_tokens"),
                integer(usage, "total_tokens"), number(usage, "cost"),
                usage.get("is_byok") != null && usage.get("is_byok").isBoolean() ? usage.get("is_byok").booleanValue() : null,
                costDetails(usage.get("cost_details")), promptDetails(usage.get("prompt_tokens_details")),
                completionDetails(usage.get("completion_tokens_details")));
    }

    private ChatResponse.PromptTokensDetails promptDetails(JsonNode details) {
        if (details == null || !details.isObject()) {
            return null;
        }
        return new ChatResponse.PromptTokensDetails(integer(details, "cached_tokens"), integer(details, "cache_write_tokens"));
    }

    private ChatResponse.CompletionTokensDetails completionDetails(JsonNode details) {
        if (details == null || !details.isObject()) {
            return null;
        }
        return new ChatResponse.CompletionTokensDetails(integer(details, "reasoning_tokens"));
    }

    private ApiError error(JsonNode error, String path) {
        if (error == null || error.isNull()) {
            return null;
        }
        if (!error.isObject()) {
            // an error all the same: keep what it says as its message
            return new ApiError(null, error.asText(error.toString()), null);
        }
        JsonNode message = error.get("message");
        return new ApiError(error.get("code"), message == null || message.isNull() ? null : message.asText(message.toString()),
                error.get("metadata"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToInt()) {
            return value.intValue();
        }
        problems.add("usage." + field + ": " + excerpt(value) + (value.isNumber() ? " (beyond a 32-bit whole number)" : " (not a number)"));
        return null;
    }

    private Long whole(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        problems.add(path + field + ": " + excerpt(value) + " (not a whole number)");
        return null;
    }

    private Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            try {
                return Double.valueOf(value.textValue().trim());
            } catch (NumberFormatException e) {
                // falls through to the problem below
            }
        }
        problems.add("usage." + field + ": " + excerpt(value) + " (not a number)");
        return null;
    }

    private static String excerpt(JsonNode value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
