package io.github.camelopenrouter.conversation;

import java.util.ArrayList;
import java.util.List;

import io.github.camelopenrouter.media.BinaryContents;
import io.github.camelopenrouter.media.BytesSource;
import io.github.camelopenrouter.media.MediaSource;
import io.github.camelopenrouter.wire.ContentPart;
import io.github.camelopenrouter.wire.Message;
import io.github.camelopenrouter.wire.Payload;

/**
 * One question and its answer. The user message's files are held as bytes (the originals may be gone by the next
 * turn), except files sent by reference to the Files API ({@code file_id}), which are held as their id only.
 *
 * @param turnId what identifies the turn within its conversation (CamelOpenRouterConversationTurnId), or null
 */
public record ConversationTurn(Message user, Message assistant, long sizeInBytes, String turnId) {

    public ConversationTurn(Message user, Message assistant, long sizeInBytes) {
        this(user, assistant, sizeInBytes, null);
    }

    /** The same turn under a turn id. */
    public ConversationTurn withTurnId(String id) {
        return new ConversationTurn(user, assistant, sizeInBytes, id);
    }

    /** A turn whose file contents are copied into memory, so it survives the exchange that produced it. */
    public static ConversationTurn retained(Message user, Message assistant) {
        long[] size = { textSize(assistant.content()) };
        Object content = user.content();
        Message kept = user;
        if (content instanceof List<?> parts) {
            List<ContentPart> copies = new ArrayList<>();
            for (Object part : parts) {
                copies.add(retain((ContentPart) part, size));
            }
            kept = Message.user(copies);
        } else {
            size[0] += textSize(content);
        }
        return new ConversationTurn(kept, assistant, size[0]);
    }

    private static ContentPart retain(ContentPart part, long[] size) {
        // Java 17: no pattern matching for switch yet
        if (part instanceof ContentPart.ImageUrl image) {
            return new ContentPart.ImageUrl(
                    new ContentPart.ImageUrl.Image(retain(image.imageUrl().url(), size), image.imageUrl().detail()));
        }
        if (part instanceof ContentPart.File file) {
            if (file.file().fileData() == null) {
                // a reference to the Files API: the id is all a follow-up needs, the bytes stay at OpenRouter
                size[0] += file.file().fileId() == null ? 0 : file.file().fileId().length();
                return part;
            }
            return new ContentPart.File(new ContentPart.File.FileData(file.file().filename(),
                    retain(file.file().fileData(), size), file.file().fileId()));
        }
        if (part instanceof ContentPart.InputAudio audio) {
            return new ContentPart.InputAudio(
                    new ContentPart.InputAudio.Audio(retain(audio.inputAudio().data(), size), audio.inputAudio().format()));
        }
        if (part instanceof ContentPart.VideoUrl video) {
            return new ContentPart.VideoUrl(new ContentPart.VideoUrl.Video(retain(video.videoUrl().url(), size)));
        }
        size[0] += ((ContentPart.Text) part).text().length();
        return part;
    }

    private static Payload retain(Payload payload, long[] size) {
        if (payload instanceof Payload.Base64Data data) {
            MediaSource source = data.source();
            BytesSource bytes = source instanceof BytesSource b
                    ? b : new BytesSource(BinaryContents.readAll(source), source.description());
            size[0] += bytes.size();
            return new Payload.Base64Data(data.prefix(), bytes);
        }
        size[0] += ((Payload.Literal) payload).value().length();
        return payload;
    }

    private static long textSize(Object content) {
        return content instanceof String s ? s.length() : 0;
    }
}
