package io.github.camelopenrouter.wire;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a {@link Payload.Base64Data} as a placeholder that {@link StreamingRequestBody} later replaces by the streamed
 * base64, so Jackson lays out the document while the large values never pass through it.
 */
final class PayloadSerializer extends StdSerializer<Payload> {

    PayloadSerializer() {
        super(Payload.class);
    }

    @Override
    public void serialize(Payload payload, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (payload instanceof Payload.Literal literal) {
            gen.writeString(literal.value());
            return;
        }
        PayloadSlots slots = (PayloadSlots) provider.getAttribute(PayloadSlots.class);
        if (slots == null) {
            throw new IllegalStateException("streamed payloads are written by StreamingRequestBody only");
        }
        gen.writeString(slots.reserve((Payload.Base64Data) payload));
    }
}
