package io.github.camelopenrouter.simulator;

import java.util.List;

/**
 * The assistant's answer: a deterministic description of the request, so tests can assert on exactly
 * what arrived. The format is documented for users in {@link OpenRouterSimulator}: change both together.
 */
final class ReplyText {

    static final int MAX_QUOTE = 200;

    private ReplyText() {
    }

    static String describe(MessageParts last, List<FileParsing.Outcome> files) {
        StringBuilder text = new StringBuilder("Received ")
                .append(counted(last.texts(), "text part", "text parts")).append(", ")
                .append(counted(last.images(), "image", "images")).append(", ")
                .append(counted(last.files(), "file", "files")).append(", ")
                .append(last.audio()).append(" audio, ")
                .append(last.video()).append(" video.");
        if (!last.fileNames().isEmpty()) {
            text.append(" Files: ").append(String.join(", ", last.fileNames())).append('.');
        }
        if (last.firstText() != null) {
            text.append(" Text: \"").append(cut(last.firstText())).append('"');
        }
        for (FileParsing.Outcome file : files) {
            if (file.reused()) {
                text.append(" Reused annotations for ").append(file.pdf().name()).append('.');
            } else {
                text.append(" Parsed ").append(file.pdf().name()).append(" with ").append(file.engine())
                        .append(": ").append(cut(file.text()));
            }
        }
        return text.toString();
    }

    /** The reply when bodies are not recorded, hence not read: it can only tell the size. */
    static String skimmed(long bytes) {
        return "Received " + bytes + " bytes; body not inspected (recordBodies=false).";
    }

    private static String counted(int count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    /**
     * At most {@link #MAX_QUOTE} characters, cut after the last whole word and marked with "...", so a reader (the
     * offline demo's answers are read by people) sees that the text goes on rather than a word broken off.
     */
    static String cut(String value) {
        if (value.length() <= MAX_QUOTE) {
            return value;
        }
        int end = MAX_QUOTE - 3;
        int space = end;
        while (space > 0 && !Character.isWhitespace(value.charAt(space))) {
            space--;
        }
        // a text without a space in its second half (a long token, base64) is cut where it is
        if (space > MAX_QUOTE / 2) {
            end = space;
        }
        return value.substring(0, end).stripTrailing() + "...";
    }
}
