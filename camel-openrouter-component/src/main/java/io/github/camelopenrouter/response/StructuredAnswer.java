package io.github.camelopenrouter.response;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelopenrouter.OpenRouterOutputException;
import io.github.camelopenrouter.request.OutputSettings;
import io.github.camelopenrouter.wire.WireJson;

/**
 * A JSON answer checked against what was asked: valid JSON (nothing after it), an object for {@code json_object}, the
 * schema for {@code json_schema}, and unmarshalled into the outputClass when one is set.
 */
final class StructuredAnswer {

    /** Text after the JSON value ("{...} I hope this helps") is an error, not silently dropped. */
    private static final ObjectReader STRICT_READER = WireJson.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The user's classes get whatever Jackson modules are on the classpath (java.time with jackson-datatype-jsr310,
     * for example); unknown properties fail, as the schema forbids them.
     */
    private static final ObjectMapper CLASSES = JsonMapper.builder().findAndAddModules().build();

    private static final int EXCERPT = 120;

    private StructuredAnswer() {
    }

    /** The body for the answer: its JSON text (trimmed), or the outputClass instance. */
    static Object read(String text, OutputSettings output) {
        String raw = text == null ? "" : text;
        JsonNode answer;
        try {
            answer = raw.isBlank() ? null : STRICT_READER.readTree(raw);
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                             + e.getLocation().getColumnNr() + ")";
            throw new OpenRouterOutputException("The model's answer is not valid JSON: " + problem + ". It starts: "
                                                + excerpt(raw) + healingHint(output), raw, List.of(problem), e);
        }
        if (answer == null || answer.isMissingNode()) {
            throw new OpenRouterOutputException("The model's answer is empty, not the JSON asked for", raw,
                    List.of("the answer is empty"), null);
        }
        if ("json_object".equals(output.format()) && !answer.isObject()) {
            String problem = "the answer is a JSON " + answer.getNodeType().name().toLowerCase() + ", not an object";
            throw new OpenRouterOutputException("The model's answer is not a JSON object (responseFormat json_object): "
                                                + excerpt(raw), raw, List.of(problem), null);
        }
        if (output.schema() != null) {
            List<String> problems = output.schema().problems(answer);
            if (!problems.isEmpty()) {
                throw new OpenRouterOutputException("The model's answer does not match the JSON Schema '"
                                                    + output.schemaName() + "': " + String.join("; ", problems), raw,
                        problems, null);
            }
        }
        if (output.outputClass() != null) {
            try {
                return CLASSES.treeToValue(answer, output.outputClass());
            } catch (JsonProcessingException | IllegalArgumentException e) {
                String problem = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                throw new OpenRouterOutputException("The model's answer cannot be unmarshalled into "
                                                    + output.outputClass().getName() + ": " + problem, raw,
                        List.of(problem), e);
            }
        }
        return raw.trim();
    }

    private static String excerpt(String raw) {
        String oneLine = raw.strip().replaceAll("\\s+", " ");
        return "'" + (oneLine.length() > EXCERPT ? oneLine.substring(0, EXCERPT) + "...'" : oneLine + "'");
    }

    private static String healingHint(OutputSettings output) {
        return Boolean.FALSE.equals(output.healing())
                ? " (responseHealing is off: turn it on to let OpenRouter repair malformed JSON)"
                : "";
    }
}
