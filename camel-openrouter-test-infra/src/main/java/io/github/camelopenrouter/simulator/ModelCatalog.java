package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/v1/models}: a fixed catalog in the shape of the SDK's {@code ModelsListResponse}, filtered as
 * OpenRouter documents: {@code input_modalities} (comma-separated, a model must accept all of them),
 * {@code output_modalities} (comma-separated, all of them; {@code all} for every model; "text" when absent) and
 * {@code supported_parameters} (comma-separated, all of them). An unknown modality is a 400.
 */
final class ModelCatalog {

    static final Set<String> INPUT_MODALITIES = Set.of("text", "image", "file", "audio", "video");
    static final Set<String> OUTPUT_MODALITIES = Set.of("text", "image", "embeddings", "audio", "video", "rerank",
            "decisions", "speech", "transcription");

    /** Prices are USD per token, as strings, like OpenRouter's. */
    record Model(String id, String name, long contextLength, List<String> inputs, List<String> outputs,
                 String promptPrice, String completionPrice, String tokenizer, List<String> parameters) {

        boolean embeddings() {
            return outputs.contains("embeddings");
        }
    }

    private static final List<String> CHAT_PARAMETERS = List.of("temperature", "top_p", "max_tokens", "stop", "seed",
            "tools", "tool_choice", "response_format", "structured_outputs");

    static final List<Model> MODELS = List.of(
            new Model("google/gemini-2.5-flash", "Google: Gemini 2.5 Flash", 1_048_576,
                    List.of("text", "image", "file", "audio", "video"), List.of("text"), "0.0000003", "0.0000025",
                    "Gemini", with(CHAT_PARAMETERS, "reasoning", "include_reasoning")),
            new Model("anthropic/claude-3.5-haiku", "Anthropic: Claude 3.5 Haiku", 200_000,
                    List.of("text", "image", "file"), List.of("text"), "0.0000008", "0.000004", "Claude",
                    List.of("temperature", "top_p", "top_k", "max_tokens", "stop", "tools", "tool_choice")),
            new Model("openai/gpt-4o-mini", "OpenAI: GPT-4o-mini", 128_000, List.of("text", "image", "file"),
                    List.of("text"), "0.00000015", "0.0000006", "GPT", with(CHAT_PARAMETERS, "logprobs")),
            new Model("mistralai/mistral-small-3.2-24b-instruct", "Mistral: Mistral Small 3.2 24B", 131_072,
                    List.of("text", "image"), List.of("text"), "0.0000001", "0.0000003", "Mistral", CHAT_PARAMETERS),
            new Model("meta-llama/llama-3.3-70b-instruct", "Meta: Llama 3.3 70B Instruct", 131_072, List.of("text"),
                    List.of("text"), "0.00000013", "0.0000004", "Llama3",
                    List.of("temperature", "top_p", "max_tokens", "stop", "seed")),
            new Model("openai/gpt-4o-audio-preview", "OpenAI: GPT-4o Audio", 128_000, List.of("text", "audio"),
                    List.of("text", "audio"), "0.0000025", "0.00001", "GPT", CHAT_PARAMETERS),
            new Model("google/gemini-2.5-flash-image", "Google: Gemini 2.5 Flash Image", 32_768,
                    List.of("text", "image"), List.of("image", "text"), "0.0000003", "0.0000025", "Gemini",
                    List.of("temperature", "top_p", "max_tokens", "seed")),
            new Model("openai/text-embedding-3-small", "OpenAI: Text Embedding 3 Small", 8_192, List.of("text"),
                    List.of("embeddings"), "0.00000002", "0", "GPT", List.of()),
            new Model("mistralai/mistral-embed-2312", "Mistral: Mistral Embed 2312", 8_192, List.of("text"),
                    List.of("embeddings"), "0.0000001", "0", "Mistral", List.of()));

    private ModelCatalog() {
    }

    static Model find(String id) {
        for (Model model : MODELS) {
            if (model.id().equals(id)) {
                return model;
            }
        }
        return null;
    }

    /** @throws InvalidRequestException for a modality OpenRouter does not know */
    static String list(String rawQuery) throws InvalidRequestException {
        List<String> inputs = values(rawQuery, "input_modalities", INPUT_MODALITIES);
        String outputParameter = ApiRequest.queryParameter(rawQuery, "output_modalities");
        List<String> outputs = "all".equals(outputParameter) ? List.of()
                : outputParameter == null ? List.of("text") : values(rawQuery, "output_modalities", OUTPUT_MODALITIES);
        List<String> parameters = values(rawQuery, "supported_parameters", null);
        ObjectNode root = Json.object();
        ArrayNode data = root.putArray("data");
        for (Model model : MODELS) {
            if (model.inputs().containsAll(inputs) && model.outputs().containsAll(outputs)
                    && model.parameters().containsAll(parameters)) {
                data.add(toJson(model));
            }
        }
        root.putObject("links").putNull("next");
        root.put("total_count", data.size());
        return Json.text(root);
    }

    private static List<String> values(String rawQuery, String name, Set<String> known) throws InvalidRequestException {
        String value = ApiRequest.queryParameter(rawQuery, name);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String item : value.split(",")) {
            String trimmed = item.trim();
            if (known != null && !known.contains(trimmed)) {
                throw new InvalidRequestException(name, "unknown modality \"" + trimmed + "\"; known are "
                        + String.join(", ", known.stream().sorted().toList()));
            }
            values.add(trimmed);
        }
        return values;
    }

    private static ObjectNode toJson(Model model) {
        ObjectNode node = Json.object();
        node.put("id", model.id());
        node.put("canonical_slug", model.id());
        node.putNull("hugging_face_id");
        node.put("name", model.name());
        node.put("created", 1_735_689_600L);
        node.put("description", model.name() + " (simulated)");
        node.put("context_length", model.contextLength());
        ObjectNode architecture = node.putObject("architecture");
        architecture.put("modality", String.join("+", model.inputs()) + "->" + String.join("+", model.outputs()));
        model.inputs().forEach(architecture.putArray("input_modalities")::add);
        model.outputs().forEach(architecture.putArray("output_modalities")::add);
        architecture.put("tokenizer", model.tokenizer());
        architecture.putNull("instruct_type");
        ObjectNode pricing = node.putObject("pricing");
        pricing.put("prompt", model.promptPrice());
        pricing.put("completion", model.completionPrice());
        pricing.put("request", "0");
        pricing.put("image", "0");
        ObjectNode top = node.putObject("top_provider");
        top.put("context_length", model.contextLength());
        top.put("max_completion_tokens", model.embeddings() ? 0 : 65_536);
        top.put("is_moderated", false);
        node.putNull("per_request_limits");
        model.parameters().forEach(node.putArray("supported_parameters")::add);
        node.putNull("default_parameters");
        node.putNull("supported_voices");
        node.putObject("links").put("details", "https://openrouter.ai/api/v1/models/" + model.id() + "/endpoints");
        return node;
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(Arrays.asList(more));
        return List.copyOf(all);
    }
}
