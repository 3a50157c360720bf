package io.github.camelopenrouter.request;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.wire.ContentPart;
import io.github.camelopenrouter.wire.OpenRouterFile;
import org.apache.camel.Exchange;

/**
 * Files already in OpenRouter's Files API, named by the {@code CamelOpenRouterFileId} header: chat sends
 * {@code {"type":"file","file":{"file_id":...}}} for each instead of any bytes, so a file uploaded once (by
 * {@code openrouter:files}) can be asked about any number of times.
 */
final class FileReferences {

    static final String ACCEPTED = "a file id (or_file_...), a file record from openrouter:files, or a Collection of these";

    private FileReferences() {
    }

    /**
     * @param  fileName the exchange's file name, used as the reference's filename when the header names one file
     * @return          one reference part per id in the header, empty when it is not set
     */
    static List<ContentPart> fromHeader(Exchange exchange, String fileName) {
        Object header = exchange.getMessage().getHeader(OpenRouterConstants.FILE_ID);
        if (header == null || header instanceof String s && s.isBlank()) {
            return List.of();
        }
        if (header instanceof Collection<?> ids) {
            List<ContentPart> parts = new ArrayList<>(ids.size());
            int index = 0;
            for (Object id : ids) {
                parts.add(reference(id, null, "element " + index++ + " of the " + OpenRouterConstants.FILE_ID + " header"));
            }
            if (parts.isEmpty()) {
                throw new OpenRouterInputException("The " + OpenRouterConstants.FILE_ID + " header is an empty collection:"
                                                   + " set it to " + ACCEPTED + ", or remove it");
            }
            return parts;
        }
        return List.of(reference(header, fileName, "the " + OpenRouterConstants.FILE_ID + " header"));
    }

    /** A file record (the body {@code openrouter:files} leaves) as a reference, with its own file name. */
    static ContentPart of(OpenRouterFile file) {
        if (file.id() == null || file.id().isBlank()) {
            throw new OpenRouterInputException("The file record in the body has no id: send a record returned by"
                                               + " openrouter:files, or set the " + OpenRouterConstants.FILE_ID + " header");
        }
        return ContentPart.File.reference(file.id(), file.filename());
    }

    private static ContentPart reference(Object value, String fileName, String what) {
        if (value instanceof OpenRouterFile file) {
            return of(file);
        }
        if (value instanceof String id && !id.isBlank() && id.strip().chars().noneMatch(Character::isWhitespace)) {
            return ContentPart.File.reference(id.strip(), fileName);
        }
        throw new OpenRouterInputException(what + " must be " + ACCEPTED + ", got "
                                           + (value instanceof String s ? "'" + s + "'"
                                                   : value == null ? "null" : "a " + value.getClass().getName()));
    }
}
