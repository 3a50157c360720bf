package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides the answer to one chat-completion request: transport fault, else 401, else 400, else a
 * completion (possibly turned into a generation fault). Counts the outcome.
 */
final class ChatResponder {

    private final SimulatorState state;

    ChatResponder(SimulatorState state) {
        this.state = state;
    }

    /**
     * @param body the whole body, or null when it was skimmed
     * @param skim what skimming found, or null when the body was read whole
     * @param fault the fault the request drew, or null
     */
    Reply decide(RecordedRequest request, byte[] body, RequestBodies.Skim skim, Fault fault) {
        String id = state.nextGenerationId();
        if (fault != null && fault.replacesRequestHandling()) {
            state.stats.faulted(fault.kind());
            return transportFault(fault, id);
        }
        if (fault != null && fault.kind() == Fault.Kind.DELAY) {
            state.stats.faulted(Fault.Kind.DELAY); // the reply itself is an ordinary one, counted as such
        }
        if (fault != null && (fault.kind() == Fault.Kind.STREAM_DROP || fault.kind() == Fault.Kind.STREAM_STALL
                              || fault.kind() == Fault.Kind.SLOW_FIRST_TOKEN)) {
            state.stats.faulted(fault.kind());
        }
        String authProblem = ApiKeys.problem(request.header("Authorization"));
        if (authProblem != null) {
            return reject(401, ErrorBodies.plain(401, authProblem), id);
        }
        String referer = request.header("HTTP-Referer");
        return skim != null ? answerSkimmed(skim, fault, id, referer) : answerRead(body, fault, id, referer);
    }

    private Reply answerSkimmed(RequestBodies.Skim skim, Fault fault, String id, String referer) {
        if (skim.problem() != null) {
            return reject(400, ErrorBodies.forStatus(400, skim.problem()), id);
        }
        return answer(Completion.answerSkimmed(skim, id), skim.stream(), fault, referer);
    }

    private Reply answerRead(byte[] body, Fault fault, String id, String referer) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
            ChatRequestValidator.validate(root == null ? Json.MAPPER.missingNode() : root);
            FileReferences.check(root, state.files);
        } catch (JacksonException e) {
            return reject(400, ErrorBodies.forStatus(400, "Request body is not valid JSON: " + e.getOriginalMessage()), id);
        } catch (IOException e) {
            // reading a byte array fails only on malformed content
            return reject(400, ErrorBodies.forStatus(400, "Request body is not valid JSON: " + e.getMessage()), id);
        } catch (InvalidRequestException e) {
            return reject(400, ErrorBodies.forStatus(400, e.getMessage()), id);
        }
        Completion completion;
        try {
            completion = Completion.answer(root, id, state);
        } catch (NativeFeatures.NoModelAvailable e) {
            return reject(503, ErrorBodies.forStatus(503, e.getMessage()), id);
        }
        return answer(completion, root.path("stream").asBoolean(false), fault, referer);
    }

    private Reply answer(Completion completion, boolean stream, Fault fault, String referer) {
        state.stats.files(completion.parsedFiles(), completion.reusedAnnotations());
        Map<String, String> headers = new LinkedHashMap<>();
        if (state.generationIdHeader()) {
            headers.put("X-Generation-Id", completion.id());
        }
        headers.put("X-Simulator-Parsed-Files", String.valueOf(completion.parsedFiles()));
        headers.put("X-Simulator-Reused-Annotations", String.valueOf(completion.reusedAnnotations()));
        Fault.Kind generationFault = fault == null ? null : fault.kind();
        if (generationFault == Fault.Kind.ERROR_IN_BODY_200 || generationFault == Fault.Kind.FINISH_REASON_ERROR) {
            state.stats.faulted(generationFault);
            fault.headers().forEach(headers::put);
            if (stream) {
                return Reply.eventStream(CompletionJson.streamError(completion, generationFault), headers);
            }
            String body = generationFault == Fault.Kind.ERROR_IN_BODY_200
                    ? CompletionJson.errorInBody200()
                    : Json.text(CompletionJson.finishReasonError(completion));
            return Reply.json(200, body, headers);
        }
        if (fault != null) {
            fault.headers().forEach(headers::put); // a delay fault may carry headers too
        }
        state.stats.replied2xx();
        StreamReply streamed = stream ? StreamReply.of(completion, state.streamShape(), fault, headers,
                state.openStreams) : null;
        Usage usage = streamed != null ? streamed.usage() : completion.usage();
        state.charge(new GenerationLog.Call(completion.id(), completion.model(), "completions",
                usage.promptTokens(), usage.completionTokens(), usage.cost(),
                stream, "stop", referer, state.latency().toMillis()));
        if (streamed != null) {
            return streamed;
        }
        return Reply.json(200, Json.text(CompletionJson.completion(completion)), headers);
    }

    private Reply transportFault(Fault fault, String id) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Generation-Id", id);
        headers.putAll(fault.headers());
        return switch (fault.kind()) {
            case DROP_CONNECTION -> Reply.dropConnection();
            case DROP_MID_REPLY -> Reply.dropMidReply(truncatedCompletion(id), headers);
            default -> Reply.fixed(fault.status(), fault.contentType(),
                    fault.body().getBytes(StandardCharsets.UTF_8), headers);
        };
    }

    private Reply reject(int status, String body, String id) {
        state.stats.rejected();
        return Reply.json(status, body, Map.of("X-Generation-Id", id));
    }

    /** The body a dropped reply starts to send: a plausible completion, of which the client sees half. */
    private static byte[] truncatedCompletion(String id) {
        Completion completion = new Completion(id, Completion.DEFAULT_MODEL, ErrorBodies.PROVIDER_NAME, 0,
                "This reply is cut off by the simulator's dropMidReply fault.", null, List.of(),
                Json.MAPPER.createArrayNode(), Usage.of(10, "This reply is cut off by the simulator's dropMidReply fault.", 0));
        return Json.bytes(CompletionJson.completion(completion));
    }
}
