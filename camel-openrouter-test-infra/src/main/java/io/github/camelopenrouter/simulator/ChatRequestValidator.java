package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Checks a chat-completion request against the wire format (see openrouter-wire-spec.md) strictly
 * enough to catch what a client gets wrong. Each problem is reported with its JSON path, e.g.
 * {@code messages[0].content[1].image_url.url: ...}.
 */
final class ChatRequestValidator {

    static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");
    static final Set<String> PART_TYPES = Set.of("text", "image_url", "file", "input_audio", "video_url");
    static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/webp", "image/gif");
    static final Set<String> IMAGE_DETAILS = Set.of("auto", "low", "high", "original");
    static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/mpeg", "video/mov", "video/webm");
    static final Set<String> AUDIO_FORMATS =
            Set.of("wav", "mp3", "aiff", "aac", "ogg", "flac", "m4a", "pcm16", "pcm24");
    static final Set<String> PDF_ENGINES = Set.of("mistral-ocr", "cloudflare-ai", "native", "pdf-text");

    private ChatRequestValidator() {
    }

    static void validate(JsonNode root) throws InvalidRequestException {
        if (!root.isObject()) {
            throw new InvalidRequestException("Request body must be a JSON object, got " + describe(root));
        }
        validateMessages(root.get("messages"));
        validateParameters(root);
        validatePlugins(root.get("plugins"));
        FeatureRanges.validate(root);
        validateResponseFormat(root.get("response_format"));
    }

    static final Set<String> RESPONSE_FORMATS = Set.of("text", "json_object", "json_schema", "grammar", "python");

    private static void validateResponseFormat(JsonNode format) throws InvalidRequestException {
        if (format == null || format.isNull()) {
            return;
        }
        requireObject("response_format", format);
        String type = requireText("response_format.type", format.get("type"));
        if (!RESPONSE_FORMATS.contains(type)) {
            throw new InvalidRequestException("response_format.type",
                    "must be one of text, json_object, json_schema, grammar, python, got " + describe(type));
        }
        if ("json_schema".equals(type)) {
            JsonNode config = format.get("json_schema");
            requireObject("response_format.json_schema", config);
            requireText("response_format.json_schema.name", config.get("name"));
            JsonNode schema = config.get("schema");
            if (schema != null && !schema.isNull() && !schema.isObject()) {
                throw new InvalidRequestException("response_format.json_schema.schema",
                        "must be a JSON Schema object, got " + describe(schema));
            }
            JsonNode strict = config.get("strict");
            if (strict != null && !strict.isNull() && !strict.isBoolean()) {
                throw new InvalidRequestException("response_format.json_schema.strict",
                        "must be true or false, got " + describe(strict));
            }
        }
    }

    private static void validateMessages(JsonNode messages) throws InvalidRequestException {
        if (messages == null || messages.isNull()) {
            throw new InvalidRequestException("messages", "is required (a non-empty array of messages)");
        }
        if (!messages.isArray()) {
            throw new InvalidRequestException("messages", "must be an array, got " + describe(messages));
        }
        if (messages.isEmpty()) {
            throw new InvalidRequestException("messages", "must not be empty");
        }
        for (int i = 0; i < messages.size(); i++) {
            validateMessage("messages[" + i + "]", messages.get(i));
        }
    }

    private static void validateMessage(String path, JsonNode message) throws InvalidRequestException {
        if (!message.isObject()) {
            throw new InvalidRequestException(path, "must be an object, got " + describe(message));
        }
        JsonNode role = message.get("role");
        if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
            throw new InvalidRequestException(path + ".role",
                    "must be one of system, user, assistant, tool, got " + describe(role));
        }
        boolean assistant = "assistant".equals(role.asText());
        JsonNode content = message.get("content");
        if (content == null || content.isNull()) {
            // an assistant turn that only called tools has no content
            if (!assistant) {
                throw new InvalidRequestException(path + ".content", "is required (a string or an array of parts)");
            }
        } else if (content.isArray()) {
            for (int j = 0; j < content.size(); j++) {
                validatePart(path + ".content[" + j + "]", content.get(j));
            }
        } else if (!content.isTextual()) {
            throw new InvalidRequestException(path + ".content",
                    "must be a string or an array of content parts, got " + describe(content));
        }
        JsonNode annotations = message.get("annotations");
        if (annotations != null && !annotations.isNull()) {
            if (!assistant) {
                throw new InvalidRequestException(path + ".annotations", "only assistant messages carry annotations");
            }
            if (!annotations.isArray()) {
                throw new InvalidRequestException(path + ".annotations", "must be an array, got " + describe(annotations));
            }
        }
    }

    private static void validatePart(String path, JsonNode part) throws InvalidRequestException {
        if (!part.isObject()) {
            throw new InvalidRequestException(path, "must be an object, got " + describe(part));
        }
        JsonNode type = part.get("type");
        if (type == null || !type.isTextual() || !PART_TYPES.contains(type.asText())) {
            throw new InvalidRequestException(path + ".type",
                    "must be one of text, image_url, file, input_audio, video_url, got " + describe(type));
        }
        switch (type.asText()) {
            case "text" -> requireText(path + ".text", part.get("text"));
            case "image_url" -> validateImage(path + ".image_url", part.get("image_url"));
            case "file" -> validateFile(path + ".file", part.get("file"));
            case "input_audio" -> validateAudio(path + ".input_audio", part.get("input_audio"));
            default -> validateVideo(path + ".video_url", part.get("video_url"));
        }
    }

    private static void validateImage(String path, JsonNode image) throws InvalidRequestException {
        requireObject(path, image);
        String url = requireText(path + ".url", image.get("url"));
        if (!DataUrl.isHttpUrl(url)) {
            requireDataUrl(path + ".url", url, IMAGE_TYPES,
                    "an http(s) URL or a data:image/(png|jpeg|webp|gif);base64,... URL");
        }
        JsonNode detail = image.get("detail");
        if (detail != null && !detail.isNull() && !(detail.isTextual() && IMAGE_DETAILS.contains(detail.asText()))) {
            throw new InvalidRequestException(path + ".detail", "must be one of auto, low, high, original, got "
                    + describe(detail));
        }
    }

    private static void validateFile(String path, JsonNode file) throws InvalidRequestException {
        requireObject(path, file);
        JsonNode fileId = file.get("file_id");
        if (fileId != null && !fileId.isNull()) {
            requireText(path + ".file_id", fileId);
            return;
        }
        requireText(path + ".filename", file.get("filename"));
        String data = requireText(path + ".file_data", file.get("file_data"));
        if (!DataUrl.isHttpUrl(data)) {
            requireDataUrl(path + ".file_data", data, Set.of("application/pdf"),
                    "an http(s) URL or a data:application/pdf;base64,... URL");
        }
    }

    private static void validateAudio(String path, JsonNode audio) throws InvalidRequestException {
        requireObject(path, audio);
        String data = requireText(path + ".data", audio.get("data"));
        if (data.regionMatches(true, 0, "data:", 0, 5)) {
            throw new InvalidRequestException(path + ".data",
                    "must be raw base64 without a data: URL prefix (OpenRouter rejects data URLs for audio)");
        }
        String problem = Base64Check.problem(data, 0);
        if (problem != null) {
            throw new InvalidRequestException(path + ".data", problem);
        }
        JsonNode format = audio.get("format");
        if (format == null || !format.isTextual() || !AUDIO_FORMATS.contains(format.asText())) {
            throw new InvalidRequestException(path + ".format",
                    "must be one of wav, mp3, aiff, aac, ogg, flac, m4a, pcm16, pcm24, got " + describe(format));
        }
    }

    private static void validateVideo(String path, JsonNode video) throws InvalidRequestException {
        requireObject(path, video);
        String url = requireText(path + ".url", video.get("url"));
        if (!DataUrl.isHttpUrl(url)) {
            requireDataUrl(path + ".url", url, VIDEO_TYPES,
                    "an http(s) URL or a data:video/(mp4|mpeg|mov|webm);base64,... URL");
        }
    }

    private static void validateParameters(JsonNode root) throws InvalidRequestException {
        JsonNode temperature = root.get("temperature");
        if (temperature != null && !temperature.isNull()
                && !(temperature.isNumber() && temperature.asDouble() >= 0 && temperature.asDouble() <= 2)) {
            throw new InvalidRequestException("temperature", "must be a number from 0 to 2, got " + describe(temperature));
        }
        JsonNode maxTokens = root.get("max_tokens");
        if (maxTokens != null && !maxTokens.isNull() && !(maxTokens.isIntegralNumber() && maxTokens.asLong() > 0)) {
            throw new InvalidRequestException("max_tokens", "must be a positive integer, got " + describe(maxTokens));
        }
        JsonNode model = root.get("model");
        if (model != null && !model.isNull() && !model.isTextual()) {
            throw new InvalidRequestException("model", "must be a string, got " + describe(model));
        }
        JsonNode models = root.get("models");
        if (models != null && !models.isNull()) {
            if (!models.isArray()) {
                throw new InvalidRequestException("models", "must be an array of model ids, got " + describe(models));
            }
            for (int i = 0; i < models.size(); i++) {
                requireText("models[" + i + "]", models.get(i));
            }
        }
        JsonNode stream = root.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw new InvalidRequestException("stream", "must be true or false, got " + describe(stream));
        }
    }

    private static void validatePlugins(JsonNode plugins) throws InvalidRequestException {
        if (plugins == null || plugins.isNull()) {
            return;
        }
        if (!plugins.isArray()) {
            throw new InvalidRequestException("plugins", "must be an array, got " + describe(plugins));
        }
        for (int i = 0; i < plugins.size(); i++) {
            String path = "plugins[" + i + "]";
            JsonNode plugin = plugins.get(i);
            requireObject(path, plugin);
            String id = requireText(path + ".id", plugin.get("id"));
            JsonNode enabled = plugin.get("enabled");
            if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
                throw new InvalidRequestException(path + ".enabled", "must be true or false, got " + describe(enabled));
            }
            JsonNode engine = plugin.path("pdf").get("engine");
            if ("file-parser".equals(id) && engine != null && !engine.isNull()
                    && !(engine.isTextual() && PDF_ENGINES.contains(engine.asText()))) {
                throw new InvalidRequestException(path + ".pdf.engine",
                        "must be one of mistral-ocr, cloudflare-ai, native, pdf-text, got " + describe(engine));
            }
        }
    }

    private static void requireDataUrl(String path, String url, Set<String> mediaTypes, String expected)
            throws InvalidRequestException {
        DataUrl dataUrl = DataUrl.parse(url);
        if (dataUrl == null || !dataUrl.hasMediaType(mediaTypes)) {
            throw new InvalidRequestException(path, "must be " + expected + ", got " + describe(url));
        }
        String problem = dataUrl.payloadProblem();
        if (problem != null) {
            throw new InvalidRequestException(path, "data URL payload: " + problem);
        }
    }

    private static void requireObject(String path, JsonNode node) throws InvalidRequestException {
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException(path, "must be an object, got " + describe(node));
        }
    }

    private static String requireText(String path, JsonNode node) throws InvalidRequestException {
        if (node == null || !node.isTextual()) {
            throw new InvalidRequestException(path, "must be a string, got " + describe(node));
        }
        return node.asText();
    }

    /** A short description of what was found, never the whole of a megabyte-long value. */
    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return describe(node.asText());
        }
        if (node.isContainerNode()) {
            return node.isArray() ? "an array" : "an object";
        }
        return node.toString();
    }

    private static String describe(String text) {
        return "\"" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"";
    }
}
