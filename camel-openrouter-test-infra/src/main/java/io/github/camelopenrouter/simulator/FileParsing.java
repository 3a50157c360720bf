package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenRouter's file-parser plugin and its "skip parsing costs" rule: each distinct inline PDF (by hash)
 * is reused when the request carries its earlier file annotation, else parsed when the plugin asks for
 * mistral-ocr or cloudflare-ai ("pdf-text" is an old name of cloudflare-ai), else left to the model
 * (native, no plugin, or the plugin without an engine): no annotation then.
 */
final class FileParsing {

    static final String MISTRAL_OCR = "mistral-ocr";
    static final String CLOUDFLARE_AI = "cloudflare-ai";

    private FileParsing() {
    }

    /**
     * What happened to one PDF.
     *
     * @param engine the engine that parsed it; null when it was reused
     * @param text   the extracted text; null when it was reused
     */
    record Outcome(PdfFile pdf, String engine, String text) {
        boolean reused() {
            return engine == null;
        }
    }

    /** @return the engine that parses PDFs in this request, or null when none does */
    static String parsingEngine(JsonNode root) {
        for (JsonNode plugin : root.path("plugins")) {
            if ("file-parser".equals(plugin.path("id").asText()) && plugin.path("enabled").asBoolean(true)) {
                return switch (plugin.path("pdf").path("engine").asText("")) {
                    case MISTRAL_OCR -> MISTRAL_OCR;
                    case CLOUDFLARE_AI, "pdf-text" -> CLOUDFLARE_AI;
                    default -> null;
                };
            }
        }
        return null;
    }

    /** @return one outcome per distinct PDF, in order of first appearance; PDFs left to the model are absent */
    static List<Outcome> process(ConversationScan scan, String engine) {
        Map<String, PdfFile> distinct = new LinkedHashMap<>();
        for (PdfFile pdf : scan.pdfs) {
            distinct.putIfAbsent(pdf.hash(), pdf);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (PdfFile pdf : distinct.values()) {
            if (scan.annotatedHashes.contains(pdf.hash())) {
                outcomes.add(new Outcome(pdf, null, null));
            } else if (engine != null) {
                outcomes.add(new Outcome(pdf, engine, PdfText.extract(pdf.bytes())));
            }
        }
        return outcomes;
    }
}
