package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One pass over a validated request's messages, collecting what the reply, the usage and the file
 * parsing need.
 */
final class ConversationScan {

    /** The last user message: the reply text describes it. */
    MessageParts lastUser = MessageParts.NONE;
    /** Characters of all text in all messages (string contents and text parts). */
    long textChars;
    int images;
    int audioAndVideo;
    /** Pages of all file parts: a PDF's page count, 1 for a file sent by URL or file_id. */
    long filePages;
    /** Inline PDFs in order of appearance, repeats included. */
    final List<PdfFile> pdfs = new ArrayList<>();
    /**
     * Hashes of PDFs whose file annotation an assistant message carries after the user message that sent
     * the PDF: OpenRouter uses the annotation instead of parsing again.
     */
    final Set<String> annotatedHashes = new HashSet<>();
    /** Where {@code file_id} parts are looked up. */
    private FileStore files;
    /** Hashes of the PDFs seen so far in the messages. */
    private final Set<String> seenHashes = new HashSet<>();

    static ConversationScan of(JsonNode root, FileStore files) {
        ConversationScan scan = new ConversationScan();
        scan.files = files;
        for (JsonNode message : root.path("messages")) {
            String role = message.path("role").asText();
            JsonNode content = message.get("content");
            if (content != null && content.isTextual()) {
                scan.textChars += content.asText().length();
            } else if (content != null && content.isArray()) {
                for (JsonNode part : content) {
                    scan.count(part);
                }
            }
            if ("assistant".equals(role)) {
                for (JsonNode annotation : message.path("annotations")) {
                    String hash = annotation.path("file").path("hash").asText(null);
                    if ("file".equals(annotation.path("type").asText()) && scan.seenHashes.contains(hash)) {
                        scan.annotatedHashes.add(hash);
                    }
                }
            } else if ("user".equals(role)) {
                scan.lastUser = MessageParts.of(content);
            }
        }
        return scan;
    }

    /** A PDF uploaded through the Files API is parsed like an inline one (once per distinct content). */
    private void countStored(JsonNode file) {
        FileStore.StoredFile stored = files == null ? null : files.get(file.path("file_id").asText());
        if (stored == null || !"application/pdf".equals(stored.mimeType())) {
            filePages += 1;
            return;
        }
        String name = file.path("filename").isTextual() ? file.path("filename").asText() : stored.filename();
        PdfFile pdf = new PdfFile(name, stored.sha256(), PdfText.pageCount(stored.bytes()), stored.bytes());
        filePages += pdf.pages();
        pdfs.add(pdf);
        seenHashes.add(pdf.hash());
    }

    private void count(JsonNode part) {
        switch (part.path("type").asText()) {
            case "text" -> textChars += part.path("text").asText().length();
            case "image_url" -> images++;
            case "input_audio", "video_url" -> audioAndVideo++;
            case "file" -> {
                JsonNode file = part.path("file");
                if (file.hasNonNull("file_id")) {
                    countStored(file);
                    return;
                }
                DataUrl dataUrl = file.hasNonNull("file_id") ? null : DataUrl.parse(file.path("file_data").asText());
                if (dataUrl == null) {
                    filePages += 1;
                    return;
                }
                PdfFile pdf = PdfFile.decode(MessageParts.fileName(file), dataUrl);
                filePages += pdf.pages();
                pdfs.add(pdf);
                seenHashes.add(pdf.hash());
            }
            default -> {
                // the validator rejected other types already
            }
        }
    }
}
