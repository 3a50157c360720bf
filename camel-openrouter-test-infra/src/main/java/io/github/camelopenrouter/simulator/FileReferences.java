package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** A chat request's {@code file_id} parts must name files the Files API holds; else OpenRouter answers 400. */
final class FileReferences {

    private FileReferences() {
    }

    static void check(JsonNode root, FileStore files) throws InvalidRequestException {
        JsonNode messages = root.path("messages");
        for (int i = 0; i < messages.size(); i++) {
            JsonNode content = messages.get(i).path("content");
            if (!content.isArray()) {
                continue;
            }
            for (int j = 0; j < content.size(); j++) {
                JsonNode fileId = content.get(j).path("file").get("file_id");
                if ("file".equals(content.get(j).path("type").asText()) && fileId != null && fileId.isTextual()
                        && files.get(fileId.asText()) == null) {
                    throw new InvalidRequestException("messages[" + i + "].content[" + j + "].file.file_id",
                            "no file " + fileId.asText() + " (upload it with POST /files first; deleted files are gone)");
                }
            }
        }
    }
}
