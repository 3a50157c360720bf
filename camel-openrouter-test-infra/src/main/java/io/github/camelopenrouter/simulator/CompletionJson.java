package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Completion} the way OpenRouter does: a {@code chat.completion} object, or a stream of
 * server-sent events. Streams: a {@code : OPENROUTER PROCESSING} comment, {@code chat.completion.chunk}
 * events whose {@code choices[0].delta.content} pieces (at most {@value #PIECE} characters each) join to
 * the reply text (the first delta also has {@code role}, the last has {@code finish_reason} "stop" and the
 * annotations), a chunk with empty {@code choices} and the {@code usage}, then {@code data: [DONE]}.
 */
final class CompletionJson {

    static final int PIECE = 24;
    static final String PROCESSING = ": OPENROUTER PROCESSING\n\n";
    static final String DONE = "data: [DONE]\n\n";

    private CompletionJson() {
    }

    static ObjectNode completion(Completion completion) {
        ObjectNode root = header(completion, "chat.completion");
        // required (nullable) by the SDK's ChatResult; OpenRouter sends null for most providers
        root.putNull("system_fingerprint");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", "stop");
        choice.put("native_finish_reason", "stop");
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", completion.text());
        if (completion.reasoning() != null) {
            message.put("reasoning", completion.reasoning());
        }
        ArrayNode annotations = annotations(completion);
        if (!annotations.isEmpty()) {
            message.set("annotations", annotations);
        }
        root.set("usage", completion.usage().toJson());
        return root;
    }

    /** A completion whose generation failed upstream after it started: finish_reason "error", no content. */
    static ObjectNode finishReasonError(Completion completion) {
        ObjectNode root = completion(completion);
        ObjectNode choice = (ObjectNode) root.path("choices").get(0);
        choice.put("finish_reason", "error");
        choice.put("native_finish_reason", "error");
        ((ObjectNode) choice.path("message")).put("content", "");
        choice.set("error", generationError("Upstream generation failed"));
        return root;
    }

    /** HTTP 200 with nothing but a top-level error. */
    static String errorInBody200() {
        ObjectNode root = Json.object();
        root.set("error", generationError("Provider returned error"));
        return Json.text(root);
    }

    static List<String> stream(Completion completion) {
        List<String> events = new ArrayList<>();
        events.add(PROCESSING);
        List<String> pieces = pieces(completion.text());
        for (int i = 0; i < pieces.size(); i++) {
            boolean first = i == 0;
            boolean last = i == pieces.size() - 1;
            ObjectNode chunk = header(completion, "chat.completion.chunk");
            ObjectNode choice = chunk.putArray("choices").addObject();
            choice.put("index", 0);
            ObjectNode delta = choice.putObject("delta");
            if (first) {
                delta.put("role", "assistant");
            }
            delta.put("content", pieces.get(i));
            if (first && completion.reasoning() != null) {
                delta.put("reasoning", completion.reasoning());
            }
            ArrayNode annotations = annotations(completion);
            if (last && !annotations.isEmpty()) {
                delta.set("annotations", annotations);
            }
            choice.put("finish_reason", last ? "stop" : null);
            choice.put("native_finish_reason", last ? "stop" : null);
            events.add(data(chunk));
        }
        ObjectNode usage = header(completion, "chat.completion.chunk");
        usage.putArray("choices");
        usage.set("usage", completion.usage().toJson());
        events.add(data(usage));
        events.add(DONE);
        return events;
    }

    /**
     * A stream that fails after its first piece: the error chunk keeps HTTP 200 and has finish_reason
     * "error"; the error sits at the top level ({@link Fault.Kind#ERROR_IN_BODY_200}) or in
     * {@code choices[0].error} ({@link Fault.Kind#FINISH_REASON_ERROR}). The stream then ends without
     * usage and without [DONE].
     */
    static List<String> streamError(Completion completion, Fault.Kind kind) {
        List<String> events = new ArrayList<>();
        events.add(PROCESSING);
        ObjectNode started = header(completion, "chat.completion.chunk");
        ObjectNode startedChoice = started.putArray("choices").addObject();
        startedChoice.put("index", 0);
        startedChoice.putObject("delta").put("role", "assistant").put("content", pieces(completion.text()).get(0));
        startedChoice.putNull("finish_reason");
        events.add(data(started));

        ObjectNode failed = header(completion, "chat.completion.chunk");
        if (kind == Fault.Kind.ERROR_IN_BODY_200) {
            failed.set("error", generationError("Provider returned error"));
        }
        ObjectNode choice = failed.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta").put("content", "");
        choice.put("finish_reason", "error");
        choice.put("native_finish_reason", "error");
        if (kind == Fault.Kind.FINISH_REASON_ERROR) {
            choice.set("error", generationError("Upstream generation failed"));
        }
        events.add(data(failed));
        return events;
    }

    private static ObjectNode header(Completion completion, String object) {
        ObjectNode root = Json.object();
        root.put("id", completion.id());
        root.put("provider", completion.provider());
        root.put("model", completion.model());
        root.put("object", object);
        root.put("created", completion.created());
        return root;
    }

    private static ArrayNode annotations(Completion completion) {
        ArrayNode annotations = Json.MAPPER.createArrayNode();
        for (FileParsing.Outcome file : completion.files()) {
            if (file.reused()) {
                continue;
            }
            ObjectNode annotation = annotations.addObject();
            annotation.put("type", "file");
            ObjectNode body = annotation.putObject("file");
            body.put("hash", file.pdf().hash());
            body.put("name", file.pdf().name());
            body.putArray("content").addObject().put("type", "text").put("text", file.text());
        }
        annotations.addAll(completion.citations());
        return annotations;
    }

    private static ObjectNode generationError(String message) {
        ObjectNode error = Json.object();
        error.put("code", 502);
        error.put("message", message);
        ObjectNode metadata = error.putObject("metadata");
        metadata.put("provider_name", ErrorBodies.PROVIDER_NAME);
        metadata.put("error_type", "provider_error");
        return error;
    }

    private static String data(ObjectNode chunk) {
        return "data: " + Json.text(chunk) + "\n\n";
    }

    /** Splits into pieces of at most {@value #PIECE} chars, never between the two halves of a surrogate pair. */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + PIECE);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            pieces.add(text.substring(start, end));
            start = end;
        }
        if (pieces.isEmpty()) {
            pieces.add("");
        }
        return pieces;
    }
}
