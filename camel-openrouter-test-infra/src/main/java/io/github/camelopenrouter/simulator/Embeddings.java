package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code POST /api/v1/embeddings}, deterministic: the vector of a text is a unit vector drawn from a random generator
 * seeded with the SHA-256 of model and text, so the same input always gives the same numbers.
 * <pre>
 * dimensions        = the request's dimensions, else 16
 * prompt_tokens     = ceil(characters of all inputs / 4)
 * cost              = prompt_tokens * the model's prompt price, rounded half-up to 10 decimals
 * encoding_format   = float (arrays of numbers, default) or base64 (little-endian float32, base64)
 * </pre>
 */
final class Embeddings {

    static final int DEFAULT_DIMENSIONS = 16;

    /** The parsed request. */
    record Request(String model, List<String> inputs, int dimensions, boolean base64) {
    }

    /** The answer and what it cost. */
    record Result(String json, long promptTokens, BigDecimal cost, String model) {
    }

    private Embeddings() {
    }

    static Request parse(JsonNode root) throws InvalidRequestException {
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException("Request body must be a JSON object");
        }
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw new InvalidRequestException("model", "is required (the id of an embeddings model)");
        }
        ModelCatalog.Model known = ModelCatalog.find(model.asText());
        if (known == null || !known.embeddings()) {
            throw new InvalidRequestException("model", "\"" + model.asText() + "\" is not an embeddings model; try "
                    + String.join(", ", ModelCatalog.MODELS.stream().filter(ModelCatalog.Model::embeddings)
                            .map(ModelCatalog.Model::id).toList()));
        }
        JsonNode input = root.get("input");
        List<String> inputs = new ArrayList<>();
        if (input != null && input.isTextual()) {
            inputs.add(input.asText());
        } else if (input != null && input.isArray() && !input.isEmpty()) {
            for (int i = 0; i < input.size(); i++) {
                if (!input.get(i).isTextual()) {
                    throw new InvalidRequestException("input[" + i + "]", "must be a string");
                }
                inputs.add(input.get(i).asText());
            }
        } else {
            throw new InvalidRequestException("input", "is required (a string or a non-empty array of strings)");
        }
        int dimensions = DEFAULT_DIMENSIONS;
        JsonNode requested = root.get("dimensions");
        if (requested != null && !requested.isNull()) {
            if (!requested.isIntegralNumber() || requested.asInt() < 1 || requested.asInt() > 4096) {
                throw new InvalidRequestException("dimensions", "must be an integer from 1 to 4096, got " + requested);
            }
            dimensions = requested.asInt();
        }
        JsonNode format = root.get("encoding_format");
        boolean base64 = false;
        if (format != null && !format.isNull()) {
            if (!format.isTextual() || !(format.asText().equals("float") || format.asText().equals("base64"))) {
                throw new InvalidRequestException("encoding_format", "must be float or base64, got " + format);
            }
            base64 = format.asText().equals("base64");
        }
        return new Request(known.id(), inputs, dimensions, base64);
    }

    static Result answer(Request request, String id) {
        ObjectNode root = Json.object();
        root.put("id", id);
        root.put("object", "list");
        root.put("model", request.model());
        ArrayNode data = root.putArray("data");
        long characters = 0;
        for (int i = 0; i < request.inputs().size(); i++) {
            String text = request.inputs().get(i);
            characters += text.length();
            float[] vector = vector(request.model(), text, request.dimensions());
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            if (request.base64()) {
                ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float value : vector) {
                    bytes.putFloat(value);
                }
                item.put("embedding", Base64.getEncoder().encodeToString(bytes.array()));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (float value : vector) {
                    values.add(value);
                }
            }
        }
        long tokens = Usage.ceilQuarter(characters);
        BigDecimal cost = new BigDecimal(ModelCatalog.find(request.model()).promptPrice())
                .multiply(BigDecimal.valueOf(tokens)).setScale(10, RoundingMode.HALF_UP).stripTrailingZeros();
        if (cost.signum() == 0) {
            cost = BigDecimal.ZERO;
        }
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", tokens);
        usage.put("total_tokens", tokens);
        usage.put("cost", cost);
        return new Result(Json.text(root), tokens, cost, request.model());
    }

    /** The unit vector of a text: the same model and text always give the same one. */
    static float[] vector(String model, String text, int dimensions) {
        String hash = PdfFile.sha256((model + "\n" + text).getBytes(StandardCharsets.UTF_8));
        SplittableRandom random = new SplittableRandom(Long.parseUnsignedLong(hash.substring(0, 16), 16));
        double[] raw = new double[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            raw[i] = random.nextDouble(-1, 1);
            norm += raw[i] * raw[i];
        }
        norm = Math.sqrt(norm);
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (raw[i] / norm);
        }
        return vector;
    }
}
