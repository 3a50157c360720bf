package io.github.camelopenrouter.operation;

import java.io.IOException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelopenrouter.client.ApiCall;
import io.github.camelopenrouter.wire.WireJson;

/** Decoders of JSON replies into the wire records, with the component's one Jackson configuration. */
final class Json {

    private Json() {
    }

    static <T> ApiCall.Decoder<T> decoder(Class<T> type) {
        ObjectReader reader = WireJson.MAPPER.readerFor(type);
        return (status, headers, body) -> read(reader, body);
    }

    static <T> ApiCall.Decoder<T> decoder(TypeReference<T> type) {
        ObjectReader reader = WireJson.MAPPER.readerFor(type);
        return (status, headers, body) -> read(reader, body);
    }

    private static <T> T read(ObjectReader reader, byte[] body) throws IOException {
        T value = reader.readValue(body);
        if (value == null) {
            throw new IOException("empty reply");
        }
        return value;
    }
}
