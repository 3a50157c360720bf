package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What one message's content holds: the counts the reply text reports.
 *
 * @param fileNames the {@code filename} of each file part ({@code file_id} when it has none)
 * @param firstText the first text (a string content counts as one text part), or null
 */
record MessageParts(int texts, int images, int files, int audio, int video, List<String> fileNames,
                    String firstText) {

    static final MessageParts NONE = new MessageParts(0, 0, 0, 0, 0, List.of(), null);

    static MessageParts of(JsonNode content) {
        if (content == null || content.isNull()) {
            return NONE;
        }
        if (content.isTextual()) {
            return new MessageParts(1, 0, 0, 0, 0, List.of(), content.asText());
        }
        int texts = 0;
        int images = 0;
        int audio = 0;
        int video = 0;
        List<String> fileNames = new ArrayList<>();
        String firstText = null;
        for (JsonNode part : content) {
            switch (part.path("type").asText()) {
                case "text" -> {
                    texts++;
                    if (firstText == null) {
                        firstText = part.path("text").asText();
                    }
                }
                case "image_url" -> images++;
                case "file" -> fileNames.add(fileName(part.path("file")));
                case "input_audio" -> audio++;
                case "video_url" -> video++;
                default -> {
                    // the validator rejected other types already
                }
            }
        }
        return new MessageParts(texts, images, fileNames.size(), audio, video, List.copyOf(fileNames), firstText);
    }

    static String fileName(JsonNode file) {
        JsonNode name = file.get("filename");
        return name != null && name.isTextual() ? name.asText() : file.path("file_id").asText("file");
    }
}
