package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One generated answer, before it is written as JSON or as a stream.
 *
 * @param files PDFs parsed or reused in this request
 */
record Completion(String id, String model, long created, String text, List<FileParsing.Outcome> files,
                  Usage usage) {

    static final String DEFAULT_MODEL = "openrouter/auto";

    /** Answers a validated request. */
    static Completion answer(JsonNode root, String id, FileStore store, JsonAnswer jsonAnswer, boolean byok) {
        ConversationScan scan = ConversationScan.of(root, store);
        List<FileParsing.Outcome> files = FileParsing.process(scan, FileParsing.parsingEngine(root));
        String description = ReplyText.describe(scan.lastUser, files);
        String json = SchemaAnswers.answer(root, description, jsonAnswer);
        String text = json != null ? json : description;
        long ocrPages = files.stream()
                .filter(file -> FileParsing.MISTRAL_OCR.equals(file.engine()))
                .mapToLong(file -> file.pdf().pages())
                .sum();
        Usage usage = Usage.of(Usage.promptTokens(scan), text, ocrPages).withByok(byok);
        return new Completion(id, servingModel(root), Instant.now().getEpochSecond(), text, files, usage);
    }

    /** Answers a body that was skimmed, not read: prompt tokens are estimated from its size. */
    static Completion answerSkimmed(RequestBodies.Skim skim, String id) {
        String text = ReplyText.skimmed(skim.bytes());
        String model = skim.model() != null ? skim.model() : DEFAULT_MODEL;
        Usage usage = Usage.of(Usage.ceilQuarter(skim.bytes()), text, 0);
        return new Completion(id, model, Instant.now().getEpochSecond(), text, List.of(), usage);
    }

    /** The first of {@code models} when given (the fallback list), else {@code model}, else the account default. */
    static String servingModel(JsonNode root) {
        JsonNode models = root.path("models");
        if (models.isArray() && !models.isEmpty()) {
            return models.get(0).asText();
        }
        return root.path("model").isTextual() ? root.path("model").asText() : DEFAULT_MODEL;
    }

    int parsedFiles() {
        return (int) files.stream().filter(file -> !file.reused()).count();
    }

    int reusedAnnotations() {
        return (int) files.stream().filter(FileParsing.Outcome::reused).count();
    }
}
