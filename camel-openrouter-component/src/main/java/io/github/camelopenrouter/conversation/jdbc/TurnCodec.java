package io.github.camelopenrouter.conversation.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelopenrouter.conversation.ConversationTurn;
import io.github.camelopenrouter.media.BinaryContents;
import io.github.camelopenrouter.media.BytesSource;
import io.github.camelopenrouter.media.MediaSource;
import io.github.camelopenrouter.wire.ContentPart;
import io.github.camelopenrouter.wire.Message;
import io.github.camelopenrouter.wire.Payload;
import io.github.camelopenrouter.wire.WireJson;

/**
 * A turn as a database row holds it: a small JSON document (texts, file names, {@code file_id}s, the answer and its
 * annotations) and, apart, the raw bytes of the files sent inline - a PDF costs its size, not the third more its base64
 * would. An inline payload is written in the JSON as {@code {"prefix":"data:application/pdf;base64,","bytes":N}}: its
 * bytes are the next N of the files column, in the order the payloads appear.
 */
final class TurnCodec {

    /** Bumped when the JSON layout changes, so an older row is recognised rather than misread. */
    static final int VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** @param files {@code null} when the turn has no inline file */
    record Encoded(String json, byte[] files) {
    }

    private TurnCodec() {
    }

    static Encoded encode(ConversationTurn turn) {
        ByteArrayOutputStream files = new ByteArrayOutputStream();
        ObjectNode root = NODES.objectNode();
        root.put("v", VERSION);
        Object content = turn.user().content();
        if (content instanceof List<?> parts) {
            ArrayNode array = root.putArray("user");
            for (Object part : parts) {
                array.add(part((ContentPart) part, files));
            }
        } else {
            root.set("user", WireJson.MAPPER.valueToTree(content));
        }
        root.set("assistant", WireJson.MAPPER.valueToTree(turn.assistant().content()));
        if (turn.assistant().annotations() != null) {
            root.set("annotations", turn.assistant().annotations());
        }
        try {
            return new Encoded(WireJson.MAPPER.writeValueAsString(root), files.size() == 0 ? null : files.toByteArray());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A conversation turn could not be written as JSON", e);
        }
    }

    private static ObjectNode part(ContentPart part, ByteArrayOutputStream files) {
        ObjectNode node = NODES.objectNode();
        node.put("type", part.type());
        // Java 17: no pattern matching for switch yet
        if (part instanceof ContentPart.Text text) {
            node.put("text", text.text());
        } else if (part instanceof ContentPart.ImageUrl image) {
            node.set("url", payload(image.imageUrl().url(), files));
            putIfSet(node, "detail", image.imageUrl().detail());
        } else if (part instanceof ContentPart.File file) {
            putIfSet(node, "filename", file.file().filename());
            if (file.file().fileData() != null) {
                node.set("data", payload(file.file().fileData(), files));
            }
            putIfSet(node, "file_id", file.file().fileId());
        } else if (part instanceof ContentPart.InputAudio audio) {
            node.set("data", payload(audio.inputAudio().data(), files));
            putIfSet(node, "format", audio.inputAudio().format());
        } else if (part instanceof ContentPart.VideoUrl video) {
            node.set("url", payload(video.videoUrl().url(), files));
        }
        return node;
    }

    private static JsonNode payload(Payload payload, ByteArrayOutputStream files) {
        if (payload instanceof Payload.Literal literal) {
            return NODES.textNode(literal.value());
        }
        Payload.Base64Data data = (Payload.Base64Data) payload;
        MediaSource source = data.source();
        byte[] bytes = source instanceof BytesSource held ? held.bytes() : BinaryContents.readAll(source);
        files.writeBytes(bytes);
        ObjectNode node = NODES.objectNode();
        node.put("prefix", data.prefix());
        node.put("bytes", bytes.length);
        putIfSet(node, "source", source.description());
        return node;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /**
     * @throws IllegalStateException when the row is not a turn this version wrote (a newer layout, a damaged row)
     */
    static ConversationTurn decode(String json, byte[] files) {
        JsonNode root;
        try {
            root = WireJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored conversation turn is not valid JSON", e);
        }
        if (root.path("v").asInt() != VERSION) {
            throw new IllegalStateException("A stored conversation turn has layout version " + root.path("v")
                                            + "; this version of the component reads version " + VERSION);
        }
        int[] offset = { 0 };
        byte[] blob = files == null ? new byte[0] : files;
        JsonNode user = root.get("user");
        Message userMessage;
        if (user != null && user.isArray()) {
            List<ContentPart> parts = new ArrayList<>(user.size());
            for (JsonNode part : user) {
                parts.add(part(part, blob, offset));
            }
            userMessage = Message.user(parts);
        } else {
            userMessage = new Message("user", user == null || user.isNull() ? "" : user.isTextual() ? user.asText() : user, null);
        }
        JsonNode answer = root.get("assistant");
        Message assistant = new Message("assistant", answer == null || answer.isNull() ? ""
                : answer.isTextual() ? answer.asText() : answer, root.get("annotations"));
        if (offset[0] != blob.length) {
            throw new IllegalStateException("A stored conversation turn names " + offset[0] + " bytes of files but its"
                                            + " row holds " + blob.length);
        }
        return ConversationTurn.retained(userMessage, assistant);
    }

    private static ContentPart part(JsonNode node, byte[] files, int[] offset) {
        String type = node.path("type").asText();
        switch (type) {
            case "text":
                return new ContentPart.Text(node.path("text").asText());
            case "image_url":
                return new ContentPart.ImageUrl(new ContentPart.ImageUrl.Image(payload(node.get("url"), files, offset),
                        text(node, "detail")));
            case "file":
                return new ContentPart.File(new ContentPart.File.FileData(text(node, "filename"),
                        node.has("data") ? payload(node.get("data"), files, offset) : null, text(node, "file_id")));
            case "input_audio":
                return new ContentPart.InputAudio(new ContentPart.InputAudio.Audio(payload(node.get("data"), files, offset),
                        text(node, "format")));
            case "video_url":
                return new ContentPart.VideoUrl(new ContentPart.VideoUrl.Video(payload(node.get("url"), files, offset)));
            default:
                throw new IllegalStateException("A stored conversation turn has a part of unknown type '" + type + "'");
        }
    }

    private static Payload payload(JsonNode node, byte[] files, int[] offset) {
        if (node == null || node.isNull()) {
            throw new IllegalStateException("A stored conversation turn has a media part without its payload");
        }
        if (node.isTextual()) {
            return Payload.literal(node.asText());
        }
        int length = node.path("bytes").asInt(-1);
        if (length < 0 || offset[0] + length > files.length) {
            throw new IllegalStateException("A stored conversation turn names " + length + " bytes of files at offset "
                                            + offset[0] + " but its row holds " + files.length);
        }
        byte[] bytes = Arrays.copyOfRange(files, offset[0], offset[0] + length);
        offset[0] += length;
        return new Payload.Base64Data(node.path("prefix").asText(), new BytesSource(bytes, node.hasNonNull("source") ? text(node, "source") : "a file of a stored conversation"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
