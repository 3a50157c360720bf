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
        // required by the SDK's ChatResult (nullable); OpenRouter sends null for most providers
        root.putNull("system_fingerprint");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", "stop");
        choice.put("native_finish_reason", nativeFinishReason(completion.model()));
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

    /** One content delta of a stream: role on the first, finish_reason (and the annotations) on the last. */
    static ObjectNode delta(Completion completion, String piece, boolean first, boolean last, ArrayNode annotations) {
        ObjectNode chunk = header(completion, "chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (first) {
            delta.put("role", "assistant");
        }
        delta.put("content", piece);
        if (first && completion.reasoning() != null) {
            delta.put("reasoning", completion.reasoning());
        }
        if (last && !annotations.isEmpty()) {
            delta.set("annotations", annotations);
        }
        choice.put("finish_reason", last ? "stop" : null);
        choice.put("native_finish_reason", last ? nativeFinishReason(completion.model()) : null);
        return chunk;
    }

    /** The last chunk of a stream: empty choices and the usage. */
    static ObjectNode usageChunk(Completion completion) {
        ObjectNode usage = header(completion, "chat.completion.chunk");
        usage.putArray("choices");
        usage.set("usage", completion.usage().toJson());
        return usage;
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

    /**
     * The provider's own word for "stop", as OpenRouter passes it on next to the normalised finish_reason: Anthropic's
     * models say end_turn, Google's STOP, the others stop.
     */
    static String nativeFinishReason(String model) {
        if (model.startsWith("anthropic/")) {
            return "end_turn";
        }
        return model.startsWith("google/") ? "STOP" : "stop";
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

    static ArrayNode annotations(Completion completion) {
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

    static String data(ObjectNode chunk) {
        return "data: " + Json.text(chunk) + "\n\n";
    }

    static List<String> pieces(String text) {
        return pieces(text, PIECE);
    }

    /** Splits into pieces of at most {@code size} chars, never between the two halves of a surrogate pair. */
    static List<String> pieces(String text, int size) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + size);
            if (end < text.length() && end - start > 1 && Character.isHighSurrogate(text.charAt(end - 1))) {
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
