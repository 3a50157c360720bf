package io.github.camelopenrouter.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.client.ApiOutcome;
import io.github.camelopenrouter.client.RetryingSender;
import io.github.camelopenrouter.request.PreparedRequest;
import io.github.camelopenrouter.wire.ContentPart;
import io.github.camelopenrouter.wire.Message;
import io.github.camelopenrouter.wire.MultipartBody;
import io.github.camelopenrouter.wire.OpenRouterFile;
import io.github.camelopenrouter.wire.Payload;
import org.apache.camel.Exchange;

/**
 * The {@code uploadFiles} option of chat: each file the new user message carries as bytes is uploaded to the Files API
 * first (streamed, as {@code openrouter:files} does) and the message then references it by {@code file_id}. The
 * conversation keeps that message, so follow-up questions send the id - neither the bytes nor, with the file
 * annotations, its parse - again. Only {@code file} parts can take a {@code file_id} on OpenRouter (images, audio and
 * video have no such field), so only those are uploaded; the others are sent as they are. The ids of the uploaded files
 * go in {@code CamelOpenRouterUploadedFileIds}: they stay in the account until deleted.
 */
public final class ChatFileUploads implements ChatStep {

    private final RetryingSender sender;

    public ChatFileUploads(RetryingSender sender) {
        this.sender = sender;
    }

    @Override
    public CompletableFuture<ApiOutcome<PreparedRequest>> apply(PreparedRequest prepared, Exchange exchange) {
        if (!(prepared.userMessage().content() instanceof List<?> parts) || parts.stream().noneMatch(ChatFileUploads::inline)) {
            return ChatStep.proceed(prepared);
        }
        List<CompletableFuture<ApiOutcome<ContentPart>>> uploads = new ArrayList<>(parts.size());
        for (Object part : parts) {
            uploads.add(inline(part) ? upload((ContentPart.File) part)
                    : CompletableFuture.completedFuture(new ApiOutcome<>((ContentPart) part, null, 0)));
        }
        return CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<ContentPart> referenced = new ArrayList<>(uploads.size());
            List<String> uploaded = new ArrayList<>();
            ApiOutcome<PreparedRequest> failed = null;
            int attempts = 0;
            for (int i = 0; i < uploads.size(); i++) {
                ApiOutcome<ContentPart> outcome = uploads.get(i).join();
                attempts += outcome.attempts();
                if (!outcome.succeeded()) {
                    failed = failed != null ? failed : new ApiOutcome<>(null, outcome.failure(), 0);
                    continue;
                }
                referenced.add(outcome.result());
                if (inline(parts.get(i))) {
                    uploaded.add(((ContentPart.File) outcome.result()).file().fileId());
                }
            }
            // set even when the exchange fails: the files are in the account and the route may want to delete them
            exchange.getMessage().setHeader(OpenRouterConstants.UPLOADED_FILE_IDS, List.copyOf(uploaded));
            if (failed != null) {
                return new ApiOutcome<>(null, failed.failure(), attempts);
            }
            return new ApiOutcome<>(prepared.withUserMessage(Message.user(referenced)), null, 0);
        });
    }

    private CompletableFuture<ApiOutcome<ContentPart>> upload(ContentPart.File part) {
        Payload.Base64Data data = (Payload.Base64Data) part.file().fileData();
        String filename = part.file().filename();
        MultipartBody body = new MultipartBody(data.source(), filename, mediaType(data.prefix()));
        return sender.send(FilesOperation.upload(body)).thenApply(outcome -> outcome.succeeded()
                ? new ApiOutcome<>(reference(outcome.result(), filename), null, outcome.attempts())
                : new ApiOutcome<>(null, outcome.failure(), outcome.attempts()));
    }

    private static ContentPart reference(OpenRouterFile uploaded, String filename) {
        return ContentPart.File.reference(uploaded.id(), filename);
    }

    /** A file part with its bytes in the request (not a URL, not already a reference). */
    private static boolean inline(Object part) {
        return part instanceof ContentPart.File file && file.file().fileData() instanceof Payload.Base64Data;
    }

    /** {@code data:application/pdf;base64,} to {@code application/pdf}. */
    private static String mediaType(String prefix) {
        int semicolon = prefix.indexOf(';');
        return prefix.startsWith("data:") && semicolon > 5 ? prefix.substring(5, semicolon) : "application/pdf";
    }
}
