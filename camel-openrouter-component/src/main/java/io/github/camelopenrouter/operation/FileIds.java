package io.github.camelopenrouter.operation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.wire.OpenRouterFile;
import org.apache.camel.Exchange;

/** The file an exchange names: the {@code CamelOpenRouterFileId} header, else a body that is an id or a file record. */
final class FileIds {

    private FileIds() {
    }

    static String of(Exchange exchange, String action) {
        Object header = exchange.getMessage().getHeader(OpenRouterConstants.FILE_ID);
        Object body = exchange.getMessage().getBody();
        String id = header != null ? String.valueOf(header)
                : body instanceof OpenRouterFile file ? file.id()
                : body instanceof String text ? text.strip() : null;
        if (id == null || id.isBlank()) {
            throw new OpenRouterInputException("files " + action + " needs the id of a file: set the "
                                               + OpenRouterConstants.FILE_ID + " header (files upload sets it), or send"
                                               + " the id (or the file record) as the body");
        }
        return id;
    }

    /** The id as one path segment. */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
