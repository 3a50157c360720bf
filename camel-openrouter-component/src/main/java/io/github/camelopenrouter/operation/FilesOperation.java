package io.github.camelopenrouter.operation;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.client.ApiCall;
import io.github.camelopenrouter.client.RetryingSender;
import io.github.camelopenrouter.media.BinaryContent;
import io.github.camelopenrouter.media.BinaryContents;
import io.github.camelopenrouter.media.MediaTypeDetector;
import io.github.camelopenrouter.media.SupportedMedia;
import io.github.camelopenrouter.request.MediaSettings;
import io.github.camelopenrouter.request.RequestSettings;
import io.github.camelopenrouter.wire.FileDeleted;
import io.github.camelopenrouter.wire.FileList;
import io.github.camelopenrouter.wire.MultipartBody;
import io.github.camelopenrouter.wire.OpenRouterFile;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code openrouter:files}: upload ({@code POST /files}, the body streamed as multipart), list ({@code GET /files}),
 * get ({@code GET /files/{id}}), delete ({@code DELETE /files/{id}}) and download ({@code GET /files/{id}/content}).
 */
public final class FilesOperation extends ApiOperation<Object> {

    public static final Set<String> ACTIONS = Set.of("upload", "list", "get", "delete", "download");

    private final String action;

    public FilesOperation(RetryingSender sender, OpenRouterConfiguration configuration) {
        super(sender, configuration);
        this.action = configuration.getFilesAction() == null ? "upload"
                : configuration.getFilesAction().toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("filesAction must be one of upload, list, get, delete, download, got '"
                                               + configuration.getFilesAction() + "'");
        }
    }

    /** A downloaded file's bytes and what the reply says about them. */
    record Download(byte[] bytes, String contentType, String filename) {
    }

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    protected ApiCall<Object> call(Exchange exchange) {
        ApiCall<?> call = switch (action) {
            case "upload" -> upload(exchange, configuration);
            case "list" -> ApiCall.get("/files", Json.decoder(FileList.class));
            case "get" -> ApiCall.get("/files/" + FileIds.segment(FileIds.of(exchange, action)),
                    Json.decoder(OpenRouterFile.class));
            case "delete" -> ApiCall.delete("/files/" + FileIds.segment(FileIds.of(exchange, action)),
                    Json.decoder(FileDeleted.class));
            default -> ApiCall.<Download> get("/files/" + FileIds.segment(FileIds.of(exchange, action)) + "/content",
                    (status, headers, body) -> new Download(body, headers.firstValue("Content-Type").orElse(null),
                            filename(headers.firstValue("Content-Disposition").orElse(null))))
                    .accepting("application/octet-stream");
        };
        return (ApiCall) call;
    }

    /** The body as a streamed multipart upload; the same bodies, names and size limit as chat. */
    static ApiCall<OpenRouterFile> upload(Exchange exchange, OpenRouterConfiguration configuration) {
        MediaSettings media = RequestSettings.resolve(exchange, configuration).media();
        Object body = exchange.getMessage().getBody();
        BinaryContent content = body == null || body instanceof String ? null
                : BinaryContents.from(body, media.fileName(), media.contentType(), media.maxFileSize(), exchange);
        if (content == null) {
            throw new OpenRouterInputException("files upload sends a file: the body must be binary (byte[], InputStream,"
                                               + " File, Path, a file from the file/ftp/sftp components, DataHandler or a"
                                               + " stream cache), got "
                                               + (body == null ? "no body" : body.getClass().getName()));
        }
        String what = content.fileName() != null ? content.fileName() : "The message body";
        MediaTypeDetector.Detection detection = MediaTypeDetector.examine(content, media.mediaType(), what);
        SupportedMedia type = detection.media();
        if (type == null) {
            throw new OpenRouterInputException(detection.problem());
        }
        String filename = content.fileName() != null ? content.fileName() : "upload" + extension(type);
        return upload(new MultipartBody(content.source(), filename, type.wireType()));
    }

    static ApiCall<OpenRouterFile> upload(MultipartBody body) {
        return ApiCall.post("/files", body.contentType(), body, Json.decoder(OpenRouterFile.class));
    }

    @Override
    protected void complete(Exchange exchange, Object result) {
        Message out = exchange.getMessage();
        if (result instanceof OpenRouterFile file) {
            out.setBody(file);
            out.setHeader(OpenRouterConstants.FILE_ID, file.id());
        } else if (result instanceof FileList list) {
            out.setBody(list.data() == null ? List.of() : list.data());
        } else if (result instanceof Download download) {
            out.setBody(download.bytes());
            setIfPresent(out, Exchange.CONTENT_TYPE, download.contentType());
            setIfPresent(out, Exchange.FILE_NAME, download.filename());
        } else {
            out.setBody(result);
        }
    }

    private static String extension(SupportedMedia media) {
        String subtype = media.wireType().substring(media.wireType().indexOf('/') + 1);
        return "." + (subtype.equals("jpeg") ? "jpg" : subtype.equals("mpeg") && media.format() != null ? media.format()
                : subtype);
    }

    /** {@code attachment; filename="report.pdf"} to {@code report.pdf}; null without one. */
    private static String filename(String disposition) {
        if (disposition == null) {
            return null;
        }
        int at = disposition.toLowerCase(Locale.ROOT).indexOf("filename=");
        if (at < 0) {
            return null;
        }
        String value = disposition.substring(at + 9).split(";")[0].trim();
        if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        int slash = Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\'));
        return value.isEmpty() ? null : value.substring(slash + 1);
    }
}
