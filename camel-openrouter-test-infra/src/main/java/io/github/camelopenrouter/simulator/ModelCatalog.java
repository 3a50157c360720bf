package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** {@code GET /api/v1/models}: a few plausible models; {@code ?input_modalities=image,file} filters them. */
final class ModelCatalog {

    private record Model(String id, String name, long contextLength, List<String> inputs) {
    }

    private static final List<Model> MODELS = List.of(
            new Model("openrouter/auto", "Auto Router", 2_000_000, List.of("text", "image", "file", "audio", "video")),
            new Model("google/gemini-2.5-flash", "Google: Gemini 2.5 Flash", 1_048_576,
                    List.of("text", "image", "file", "audio", "video")),
            new Model("openai/gpt-4o-mini", "OpenAI: GPT-4o-mini", 128_000, List.of("text", "image", "file")),
            new Model("mistralai/mistral-small-3.2-24b-instruct", "Mistral: Mistral Small 3.2 24B", 131_072,
                    List.of("text", "image")),
            new Model("meta-llama/llama-3.3-70b-instruct", "Meta: Llama 3.3 70B Instruct", 131_072, List.of("text")));

    private ModelCatalog() {
    }

    static String list(String rawQuery) {
        Set<String> wanted = Set.copyOf(Arrays.asList(parameter(rawQuery, "input_modalities").split(",")));
        ObjectNode root = Json.object();
        ArrayNode data = root.putArray("data");
        for (Model model : MODELS) {
            if (wanted.equals(Set.of("")) || model.inputs().containsAll(wanted)) {
                data.add(toJson(model));
            }
        }
        return Json.text(root);
    }

    private static ObjectNode toJson(Model model) {
        ObjectNode node = Json.object();
        node.put("id", model.id());
        node.put("name", model.name());
        node.put("context_length", model.contextLength());
        ObjectNode architecture = node.putObject("architecture");
        model.inputs().forEach(architecture.putArray("input_modalities")::add);
        architecture.putArray("output_modalities").add("text");
        ObjectNode pricing = node.putObject("pricing");
        pricing.put("prompt", Usage.PROMPT_PRICE.toPlainString());
        pricing.put("completion", Usage.COMPLETION_PRICE.toPlainString());
        return node;
    }

    private static String parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return "";
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
