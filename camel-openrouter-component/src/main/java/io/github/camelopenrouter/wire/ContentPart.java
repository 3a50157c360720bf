package io.github.camelopenrouter.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of a user message's {@code content} array, named as on the wire: a reader finds {@code ContentPart.File}
 * where OpenRouter's documentation says {@code "type":"file"}.
 */
public sealed interface ContentPart {

    @JsonProperty("type")
    String type();

    /** True for parts whose payload stays small (text); media parts are ordered after them. */
    default boolean textual() {
        return false;
    }

    @JsonPropertyOrder({ "type", "text" })
    record Text(String text) implements ContentPart {
        @Override
        public String type() {
            return "text";
        }

        @Override
        public boolean textual() {
            return true;
        }
    }

    @JsonPropertyOrder({ "type", "image_url" })
    record ImageUrl(@JsonProperty("image_url") Image imageUrl) implements ContentPart {
        @Override
        public String type() {
            return "image_url";
        }

        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record Image(Payload url, String detail) {
        }
    }

    @JsonPropertyOrder({ "type", "file" })
    record File(@JsonProperty("file") FileData file) implements ContentPart {
        @Override
        public String type() {
            return "file";
        }

        /** Either the bytes ({@code file_data}) or a reference to a file of the Files API ({@code file_id}). */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyOrder({ "filename", "file_data", "file_id" })
        public record FileData(String filename, @JsonProperty("file_data") Payload fileData,
                               @JsonProperty("file_id") String fileId) {

            public FileData(String filename, Payload fileData) {
                this(filename, fileData, null);
            }
        }

        /** {@code {"type":"file","file":{"file_id":...}}}, with the file name when it is known. */
        public static File reference(String fileId, String filename) {
            return new File(new FileData(filename, null, fileId));
        }
    }

    @JsonPropertyOrder({ "type", "input_audio" })
    record InputAudio(@JsonProperty("input_audio") Audio inputAudio) implements ContentPart {
        @Override
        public String type() {
            return "input_audio";
        }

        /** {@code data} is raw base64: OpenRouter rejects a {@code data:} URL here. */
        public record Audio(Payload data, String format) {
        }
    }

    @JsonPropertyOrder({ "type", "video_url" })
    record VideoUrl(@JsonProperty("video_url") Video videoUrl) implements ContentPart {
        @Override
        public String type() {
            return "video_url";
        }

        public record Video(Payload url) {
        }
    }
}
