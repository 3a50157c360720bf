package io.github.camelopenrouter.operation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import io.github.camelopenrouter.client.ApiCall;
import io.github.camelopenrouter.client.RetryingSender;
import io.github.camelopenrouter.observe.CallRecord;
import io.github.camelopenrouter.wire.EmbeddingsRequest;
import io.github.camelopenrouter.wire.EmbeddingsResponse;
import io.github.camelopenrouter.wire.RequestBody;
import io.github.camelopenrouter.wire.WireJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code openrouter:embeddings}: a String or a List of Strings to {@code POST /embeddings}; the body becomes a
 * {@code List<float[]>}, one vector per input in input order, whichever {@code encodingFormat} carried them.
 */
public final class EmbeddingsOperation extends ApiOperation<EmbeddingsResponse> {

    public EmbeddingsOperation(RetryingSender sender, OpenRouterConfiguration configuration) {
        super(sender, configuration);
        if (configuration.getDimensions() != null && configuration.getDimensions() < 1) {
            throw new IllegalArgumentException("dimensions must be a positive number, got " + configuration.getDimensions());
        }
        String format = configuration.getEncodingFormat();
        if (format != null && !format.equals("float") && !format.equals("base64")) {
            throw new IllegalArgumentException("encodingFormat must be float or base64, got '" + format + "'");
        }
    }

    @Override
    protected String requestedModel(Exchange exchange) {
        String model = exchange.getMessage().getHeader(OpenRouterConstants.MODEL, String.class);
        return model == null || model.isBlank() ? configuration.getModel() : model;
    }

    @Override
    protected CallRecord record(EmbeddingsResponse reply, String requestedModel, long durationNanos, int attempts) {
        EmbeddingsResponse.Usage usage = reply.usage();
        return new CallRecord("embeddings", requestedModel, reply.model(), usage == null ? null : usage.promptTokens(), null,
                usage == null || usage.cost() == null ? null : usage.cost().doubleValue(), null, durationNanos, attempts,
                null);
    }

    @Override
    protected ApiCall<EmbeddingsResponse> call(Exchange exchange) {
        String model = exchange.getMessage().getHeader(OpenRouterConstants.MODEL, String.class);
        if (model == null || model.isBlank()) {
            model = configuration.getModel();
        }
        if (model == null || model.isBlank()) {
            throw new OpenRouterInputException("embeddings needs a model: set the model option or the "
                                               + OpenRouterConstants.MODEL + " header (for example"
                                               + " openai/text-embedding-3-small; openrouter:models with"
                                               + " outputModalities=embeddings lists them)");
        }
        Object input = input(exchange.getMessage().getBody());
        EmbeddingsRequest request = new EmbeddingsRequest(model, input, configuration.getDimensions(),
                configuration.getEncodingFormat());
        byte[] json;
        try {
            json = WireJson.MAPPER.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the embeddings request", e);
        }
        return ApiCall.post("/embeddings", "application/json", bytes(json), Json.decoder(EmbeddingsResponse.class));
    }

    private static Object input(Object body) {
        if (body instanceof String text) {
            if (text.isBlank()) {
                throw new OpenRouterInputException("embeddings needs text: the body is an empty String");
            }
            return text;
        }
        if (body instanceof Collection<?> items && !items.isEmpty()) {
            List<String> texts = new ArrayList<>(items.size());
            int i = 0;
            for (Object item : items) {
                if (!(item instanceof String text)) {
                    throw new OpenRouterInputException("embeddings takes a String or a List of Strings: element " + i
                                                       + " of the body is " + (item == null ? "null" : "a " + item.getClass().getName()));
                }
                texts.add(text);
                i++;
            }
            return texts;
        }
        throw new OpenRouterInputException("embeddings takes a String or a non-empty List of Strings as the body, got "
                                           + (body == null ? "no body" : body instanceof Collection<?> ? "an empty "
                                                   + body.getClass().getSimpleName() : "a " + body.getClass().getName()));
    }

    @Override
    protected void complete(Exchange exchange, EmbeddingsResponse reply) {
        Message out = exchange.getMessage();
        List<EmbeddingsResponse.Item> items = new ArrayList<>(reply.data() == null ? List.of() : reply.data());
        items.sort(Comparator.comparing(item -> item.index() == null ? 0 : item.index()));
        List<float[]> vectors = new ArrayList<>(items.size());
        for (EmbeddingsResponse.Item item : items) {
            vectors.add(vector(item.embedding()));
        }
        out.setBody(vectors);
        setIfPresent(out, OpenRouterConstants.RESPONSE_ID, reply.id());
        setIfPresent(out, OpenRouterConstants.RESPONSE_MODEL, reply.model());
        if (reply.usage() != null) {
            setIfPresent(out, OpenRouterConstants.PROMPT_TOKENS, reply.usage().promptTokens());
            setIfPresent(out, OpenRouterConstants.TOTAL_TOKENS, reply.usage().totalTokens());
            setIfPresent(out, OpenRouterConstants.COST, reply.usage().cost() == null ? null : reply.usage().cost().doubleValue());
        }
    }

    /** An array of numbers, or base64 of little-endian float32s (OpenAI's encoding_format=base64). */
    static float[] vector(JsonNode embedding) {
        if (embedding != null && embedding.isTextual()) {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(embedding.asText())).order(ByteOrder.LITTLE_ENDIAN);
            float[] vector = new float[bytes.remaining() / 4];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = bytes.getFloat();
            }
            return vector;
        }
        if (embedding == null || !embedding.isArray()) {
            throw new IllegalStateException("OpenRouter sent an embedding that is neither numbers nor base64: " + embedding);
        }
        float[] vector = new float[embedding.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) embedding.get(i).asDouble();
        }
        return vector;
    }

    static RequestBody bytes(byte[] json) {
        return new RequestBody() {
            @Override
            public java.io.InputStream open() {
                return new java.io.ByteArrayInputStream(json);
            }

            @Override
            public long contentLength() {
                return json.length;
            }

            @Override
            public boolean isRepeatable() {
                return true;
            }
        };
    }
}
