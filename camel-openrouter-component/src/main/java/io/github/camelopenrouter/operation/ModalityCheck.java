package io.github.camelopenrouter.operation;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.client.ApiOutcome;
import io.github.camelopenrouter.client.RetryingSender;
import io.github.camelopenrouter.request.PreparedRequest;
import io.github.camelopenrouter.wire.ContentPart;
import io.github.camelopenrouter.wire.Message;
import io.github.camelopenrouter.wire.ModelInfo;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code checkModalities} option of chat: an image, PDF, audio or video part sent to a model that cannot read it is
 * billed and answered with a guess (or an error) by OpenRouter; this refuses it before anything is sent, naming the
 * models that would accept it. The model list comes from the component's cache ({@code modelsCacheTtl}), so it is
 * fetched once per hour, not per message. A model the list does not know (a new one, a variant) is left to OpenRouter.
 */
public final class ModalityCheck implements ChatStep {

    private static final Logger LOG = LoggerFactory.getLogger(ModalityCheck.class);
    /** How many accepting models an error names; the rest are counted. */
    private static final int NAMED_MODELS = 5;

    private final RetryingSender sender;
    private final ModelsCache cache;
    private final OpenRouterConfiguration configuration;

    public ModalityCheck(RetryingSender sender, ModelsCache cache, OpenRouterConfiguration configuration) {
        this.sender = sender;
        this.cache = cache;
        this.configuration = configuration;
    }

    @Override
    public CompletableFuture<ApiOutcome<PreparedRequest>> apply(PreparedRequest prepared, Exchange exchange) {
        String model = prepared.request().model();
        Map<String, String> needed = needed(prepared.request().messages());
        if (model == null || needed.isEmpty()) {
            // no model: OpenRouter uses the account's default, which this endpoint cannot know
            return ChatStep.proceed(prepared);
        }
        return ModelsOperation.all(sender, cache, configuration.getModelsCacheTtl()).thenApply(outcome -> {
            if (!outcome.succeeded()) {
                return new ApiOutcome<>(null, outcome.failure(), outcome.attempts());
            }
            check(model, needed, outcome.result());
            return new ApiOutcome<>(prepared, null, 0);
        });
    }

    /** @throws OpenRouterInputException when the model lacks a modality the request needs */
    static void check(String model, Map<String, String> needed, List<ModelInfo> models) {
        ModelInfo info = find(model, models);
        if (info == null) {
            LOG.debug("checkModalities: {} is not in OpenRouter's model list; sent unchecked", model);
            return;
        }
        Map<String, String> missing = new LinkedHashMap<>(needed);
        missing.keySet().removeIf(info::accepts);
        if (missing.isEmpty()) {
            return;
        }
        Set<String> all = new LinkedHashSet<>();
        all.add("text");
        all.addAll(needed.keySet());
        List<ModelInfo> accepting = models.stream()
                .filter(m -> m.outputModalities().contains("text") && all.stream().allMatch(m::accepts))
                .sorted(Comparator.comparing((ModelInfo m) -> m.promptPrice() == null ? BigDecimal.valueOf(Long.MAX_VALUE)
                        : m.promptPrice()).thenComparing(ModelInfo::id))
                .toList();
        String named = accepting.stream().limit(NAMED_MODELS).map(ModelInfo::id).collect(Collectors.joining(", "));
        String suggestion = accepting.isEmpty() ? "No model in OpenRouter's list takes " + String.join(", ", all)
                : "Models that take " + String.join(", ", all) + ", cheapest prompt first: " + named
                  + (accepting.size() > NAMED_MODELS ? " and " + (accepting.size() - NAMED_MODELS) + " more" : "");
        throw new OpenRouterInputException("Model " + model + " does not take " + String.join(" or ", missing.keySet())
                                           + " input (its input modalities are "
                                           + String.join(", ", info.inputModalities()) + "), but the request has "
                                           + String.join(" and ", missing.values()) + ". " + suggestion
                                           + ". Nothing was sent (checkModalities=true)");
    }

    /** The model's entry; a variant such as {@code :online} or {@code :nitro} is looked up by its base id. */
    private static ModelInfo find(String model, List<ModelInfo> models) {
        for (String id : List.of(model, model.contains(":") ? model.substring(0, model.indexOf(':')) : model)) {
            for (ModelInfo info : models) {
                if (id.equals(info.id())) {
                    return info;
                }
            }
        }
        return null;
    }

    /** The input modalities the request's parts need, each with how the error names those parts. */
    static Map<String, String> needed(List<Message> messages) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (Message message : messages) {
            if (!(message.content() instanceof List<?> parts)) {
                continue;
            }
            for (Object part : parts) {
                String modality = modality((ContentPart) part);
                if (modality != null) {
                    counts.merge(modality, 1, Integer::sum);
                    if (part instanceof ContentPart.File file && file.file().filename() != null) {
                        names.computeIfAbsent(modality, m -> new LinkedHashSet<>()).add(file.file().filename());
                    }
                }
            }
        }
        Map<String, String> needed = new LinkedHashMap<>();
        counts.forEach((modality, count) -> needed.put(modality, describe(modality, count, names.get(modality))));
        return needed;
    }

    private static String modality(ContentPart part) {
        if (part instanceof ContentPart.ImageUrl) {
            return "image";
        }
        if (part instanceof ContentPart.File) {
            return "file";
        }
        if (part instanceof ContentPart.InputAudio) {
            return "audio";
        }
        return part instanceof ContentPart.VideoUrl ? "video" : null;
    }

    private static String describe(String modality, int count, Set<String> names) {
        String what = switch (modality) {
            case "image" -> count == 1 ? "an image" : count + " images";
            case "file" -> count == 1 ? "a file (PDF)" : count + " files (PDF)";
            case "audio" -> count == 1 ? "an audio part" : count + " audio parts";
            default -> count == 1 ? "a video" : count + " videos";
        };
        return names == null ? what : what + " " + String.join(", ", names);
    }
}
