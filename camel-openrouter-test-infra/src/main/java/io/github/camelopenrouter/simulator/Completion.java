package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.List;

/**
 * One generated answer, before it is written as JSON or as a stream.
 *
 * @param files PDFs parsed or reused in this request
 */
record Completion(String id, String model, String provider, long created, String text, String reasoning,
                  List<FileParsing.Outcome> files, ArrayNode citations, Usage usage) {

    static final String DEFAULT_MODEL = "openrouter/auto";

    /** Answers a validated request; a model of {@code models} that is unavailable is skipped. */
    static Completion answer(JsonNode root, String id, SimulatorState state) throws NativeFeatures.NoModelAvailable {
        ConversationScan scan = ConversationScan.of(root, state.files);
        NativeFeatures features = NativeFeatures.of(root, state.unavailableModels, scan.lastUser.firstText());
        List<FileParsing.Outcome> files = FileParsing.process(scan, FileParsing.parsingEngine(root));
        String description = ReplyText.describe(scan.lastUser, files);
        String json = SchemaAnswers.answer(root, description, state.jsonAnswer());
        String text = json != null ? json : description;
        long ocrPages = files.stream()
                .filter(file -> FileParsing.MISTRAL_OCR.equals(file.engine()))
                .mapToLong(file -> file.pdf().pages())
                .sum();
        Usage usage = Usage.of(Usage.promptTokens(scan), text, ocrPages, features.reasoningTokens()).withByok(state.byok());
        if (features.cacheControl()) {
            usage = state.promptCache.add(features.model() + "\n" + root.path("messages"))
                    ? usage.withCache(0, usage.promptTokens())
                    : usage.withCache(usage.promptTokens(), 0);
        }
        return new Completion(id, features.model(), features.provider(), Instant.now().getEpochSecond(), text,
                features.reasoning(), files, features.citations(), usage);
    }

    /** Answers a body that was skimmed, not read: prompt tokens are estimated from its size. */
    static Completion answerSkimmed(RequestBodies.Skim skim, String id) {
        String text = ReplyText.skimmed(skim.bytes());
        String model = skim.model() != null ? skim.model() : DEFAULT_MODEL;
        Usage usage = Usage.of(Usage.ceilQuarter(skim.bytes()), text, 0);
        return new Completion(id, model, ErrorBodies.PROVIDER_NAME, Instant.now().getEpochSecond(), text, null, List.of(),
                Json.MAPPER.createArrayNode(), usage);
    }

    int parsedFiles() {
        return (int) files.stream().filter(file -> !file.reused()).count();
    }

    int reusedAnnotations() {
        return (int) files.stream().filter(FileParsing.Outcome::reused).count();
    }
}
