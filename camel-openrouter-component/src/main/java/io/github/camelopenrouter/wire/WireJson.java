package io.github.camelopenrouter.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson configuration of the wire format: built once, thread-safe, shared by every endpoint. */
public final class WireJson {

    /**
     * No limit on the length of a string: Jackson's default (20 million characters) would throw a paid 30 MB answer
     * away as unreadable. What bounds a reply is the endpoint's maxResponseSize, read before Jackson sees a byte.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static final ObjectWriter WRITER = MAPPER.writer();

    public static final ObjectReader RESPONSE_READER = MAPPER.readerFor(ChatResponse.class);

    public static final ObjectReader ERROR_READER = MAPPER.readerFor(ErrorEnvelope.class);

    private WireJson() {
    }

    /** {@code {"error": {...}}}, the body of every OpenRouter error reply. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorEnvelope(ApiError error) {
    }
}
