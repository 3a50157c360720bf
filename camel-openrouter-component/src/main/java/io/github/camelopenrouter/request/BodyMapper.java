package io.github.camelopenrouter.request;

import java.io.File;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.media.BinaryContent;
import io.github.camelopenrouter.media.BinaryContents;
import io.github.camelopenrouter.media.SupportedMedia;
import io.github.camelopenrouter.wire.ContentPart;
import io.github.camelopenrouter.wire.OpenRouterFile;
import jakarta.activation.DataHandler;
import org.apache.camel.Exchange;
import org.apache.camel.trait.message.MessageTrait;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.attachment.Attachment;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.spi.TypeConverterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what the route carries to content parts: text, URLs by reference, binaries by detected type, collections of
 * these, and mail attachments. Nothing is sent from here; an unusable body fails with {@link OpenRouterInputException}.
 */
public final class BodyMapper {

    private static final Logger LOG = LoggerFactory.getLogger(BodyMapper.class);

    static final String SUPPORTED_BODIES = "String, byte[], InputStream, File, Path, URL or URI (http/https),"
                                           + " a file from the file/ftp/sftp components, DataHandler, a stream cache,"
                                           + " a file record from openrouter:files, a collection or array of these,"
                                           + " or a message with attachments";

    private BodyMapper() {
    }

    static BodyParts map(Exchange exchange, RequestSettings settings) {
        List<ContentPart> parts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Object body = exchange.getMessage().getBody();
        // files named by the CamelOpenRouterFileId header are sent by reference, in place of the body's own bytes
        List<ContentPart> references = FileReferences.fromHeader(exchange, settings.media().fileName());
        boolean bytesReplaced = !references.isEmpty();
        AttachmentMessage mail = attachmentsOf(exchange);
        if (mail != null && !bytesReplaced) {
            mapAttachments(mail, exchange, settings, parts, skipped);
        } else if (mail != null) {
            mapText(mailText(mail, exchange), settings, parts);
        } else {
            mapBody(body, exchange, settings, true, bytesReplaced, new BodyNesting(), parts);
        }
        parts.addAll(references);
        return BodyParts.textFirst(parts, skipped);
    }

    /**
     * The message's attachments, or null when it has none. camel-mail keeps them as a message trait rather than on an
     * {@link AttachmentMessage}; asking the exchange for one wraps the message so both forms read the same.
     */
    private static AttachmentMessage attachmentsOf(Exchange exchange) {
        org.apache.camel.Message message = exchange.getMessage();
        if (!(message instanceof AttachmentMessage) && !message.hasTrait(MessageTrait.ATTACHMENTS)) {
            return null;
        }
        AttachmentMessage mail = exchange.getMessage(AttachmentMessage.class);
        return mail != null && mail.hasAttachments() ? mail : null;
    }

    /** @param bytesReplaced whether the header's file references stand for the body's files, which are then left out */
    private static void mapBody(Object body, Exchange exchange, RequestSettings settings, boolean single,
            boolean bytesReplaced, BodyNesting nesting, List<ContentPart> parts) {
        if (body == null) {
            return;
        }
        if (body instanceof OpenRouterFile file) {
            // what openrouter:files upload leaves in the body: the file is already at OpenRouter
            if (!bytesReplaced) {
                parts.add(FileReferences.of(file));
            }
            return;
        }
        if (body instanceof String text) {
            mapText(text, settings, parts);
        } else if (body instanceof URL url) {
            parts.add(UrlReferences.fromUrl(url, settings.media().mediaType(), settings.media().imageDetail()));
        } else if (body instanceof URI uri) {
            parts.add(UrlReferences.fromUri(uri, settings.media().mediaType(), settings.media().imageDetail()));
        } else if (body instanceof CharSequence || body instanceof Reader) {
            mapText(exchange.getContext().getTypeConverter().convertTo(String.class, exchange, body), settings, parts);
        } else if (body instanceof Collection<?> || body instanceof Object[]) {
            nesting.enter(body);
            for (Object item : body instanceof Object[] array ? java.util.Arrays.asList(array) : (Collection<?>) body) {
                mapBody(item, exchange, settings, false, bytesReplaced, nesting, parts);
            }
            nesting.leave(body);
        } else if (isBinary(body)) {
            if (bytesReplaced) {
                return;
            }
            // in a collection each element names itself; the exchange's file name and type describe a single body only
            MediaSettings media = settings.media();
            BinaryContent content = BinaryContents.from(body, single ? media.fileName() : null,
                    single ? media.contentType() : null, media.maxFileSize(), exchange);
            String what = content.fileName() != null ? content.fileName() : "The message body (" + body.getClass().getSimpleName() + ")";
            parts.add(MediaParts.of(content, single ? media.mediaType() : null, what, media).required());
        } else if (hasTextConverter(exchange, body)) {
            // e.g. a multipart mail without attachments: camel-mail converts it to its text part
            mapText(exchange.getContext().getTypeConverter().convertTo(String.class, exchange, body), settings, parts);
        } else {
            throw new OpenRouterInputException("A body of type " + body.getClass().getName() + " cannot be sent: supported"
                                               + " are " + SUPPORTED_BODIES + ". Convert it first (for example"
                                               + " marshal it to JSON)");
        }
    }

    private static void mapText(String text, RequestSettings settings, List<ContentPart> parts) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (UrlReferences.looksLikeUrl(text)) {
            parts.add(UrlReferences.fromString(text, settings.media().mediaType(), settings.media().imageDetail()));
        } else {
            parts.add(new ContentPart.Text(text));
        }
    }

    /**
     * Whether a component on the classpath registered a real conversion of this type (or a supertype) to String. The
     * catch-all {@code toString()} fallback does not count: a POJO's {@code Foo@1b6d3586} is not a prompt.
     */
    private static boolean hasTextConverter(Exchange exchange, Object body) {
        TypeConverterRegistry registry = exchange.getContext().getTypeConverterRegistry();
        for (Class<?> type = body.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (registry.lookup(String.class, type) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBinary(Object body) {
        return body instanceof byte[] || body instanceof InputStream || body instanceof File || body instanceof Path
               || body instanceof WrappedFile || body instanceof DataHandler || body instanceof StreamCache;
    }

    private static void mapAttachments(AttachmentMessage mail, Exchange exchange, RequestSettings settings,
            List<ContentPart> parts, List<String> skipped) {
        Object text = mailText(mail, exchange);
        if (text instanceof String s && !s.isBlank()) {
            parts.add(new ContentPart.Text(s));
        }
        int usable = 0;
        for (Map.Entry<String, Attachment> entry : mail.getAttachmentObjects().entrySet()) {
            String name = entry.getKey();
            // the sender chose the name: in a log line or message a line break in it would forge a line
            String shown = LogSafe.name(name);
            DataHandler handler = entry.getValue() == null ? null : entry.getValue().getDataHandler();
            if (handler == null) {
                skip(skipped, shown, "no content", "it has no content");
                continue;
            }
            BinaryContent content = BinaryContents.from(handler, name, null, settings.media().maxFileSize(), exchange);
            MediaParts.Outcome outcome = MediaParts.of(content, null, "Attachment " + shown, settings.media());
            if (outcome.part() == null) {
                skip(skipped, shown, outcome.skippedType(), outcome.problem());
                continue;
            }
            parts.add(outcome.part());
            usable++;
        }
        if (usable == 0 && !(text instanceof String s && !s.isBlank())) {
            throw new OpenRouterInputException("The message has no text and none of its attachments can be sent ("
                                               + String.join(", ", skipped) + "): supported attachments are "
                                               + SupportedMedia.SUPPORTED_LIST);
        }
    }

    /** The mail's own text (its body), or null. */
    private static String mailText(AttachmentMessage mail, Exchange exchange) {
        Object text = mail.getBody();
        if (text != null && !(text instanceof String)) {
            text = exchange.getContext().getTypeConverter().tryConvertTo(String.class, exchange, text);
        }
        return text instanceof String s ? s : null;
    }

    private static void skip(List<String> skipped, String name, String type, String why) {
        skipped.add(name + " (" + type + ")");
        LOG.warn("Attachment {} is not sent to OpenRouter: {}", name, why);
    }
}
