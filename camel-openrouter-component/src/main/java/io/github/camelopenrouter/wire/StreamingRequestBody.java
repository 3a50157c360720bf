package io.github.camelopenrouter.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The JSON of one request as a sequence of small Jackson-written segments and streamed base64 payloads. Opening it
 * again replays it (for retries) when every source is repeatable; only one read buffer per payload is ever in memory.
 */
public final class StreamingRequestBody implements RequestBody {

    private final List<Supplier<InputStream>> segments;
    private final long contentLength;
    private final boolean repeatable;

    private StreamingRequestBody(List<Supplier<InputStream>> segments, long contentLength, boolean repeatable) {
        this.segments = segments;
        this.contentLength = contentLength;
        this.repeatable = repeatable;
    }

    public static StreamingRequestBody of(ChatRequest request) {
        PayloadSlots slots = new PayloadSlots();
        String skeleton;
        try {
            skeleton = WireJson.WRITER.withAttribute(PayloadSlots.class, slots).writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the chat request: " + e.getOriginalMessage(), e);
        }
        List<Supplier<InputStream>> segments = new ArrayList<>();
        long length = 0;
        boolean repeatable = true;
        int from = 0;
        List<Payload.Base64Data> payloads = slots.payloads();
        for (int i = 0; i < payloads.size(); i++) {
            String placeholder = slots.placeholder(i);
            int at = skeleton.indexOf(placeholder, from);
            byte[] json = skeleton.substring(from, at).getBytes(StandardCharsets.UTF_8);
            segments.add(() -> new ByteArrayInputStream(json));
            Payload.Base64Data payload = payloads.get(i);
            segments.add(() -> payloadStream(payload));
            length = addLength(addLength(length, json.length), payload.encodedLength());
            repeatable &= payload.source().isRepeatable();
            from = at + placeholder.length();
        }
        byte[] tail = skeleton.substring(from).getBytes(StandardCharsets.UTF_8);
        segments.add(() -> new ByteArrayInputStream(tail));
        length = addLength(length, tail.length);
        return new StreamingRequestBody(List.copyOf(segments), length, repeatable);
    }

    private static long addLength(long total, long more) {
        return total < 0 || more < 0 ? -1 : total + more;
    }

    private static InputStream payloadStream(Payload.Base64Data payload) {
        try {
            InputStream prefix = new ByteArrayInputStream(payload.prefix().getBytes(StandardCharsets.US_ASCII));
            return new SequenceInputStream(prefix, new Base64EncodingInputStream(payload.source().open()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + payload.source().description(), e);
        }
    }

    /** Exact size in bytes, or -1 when a source's size is unknown (the body is then sent chunked). */
    public long contentLength() {
        return contentLength;
    }

    /** Whether {@link #open()} may be called more than once. */
    public boolean isRepeatable() {
        return repeatable;
    }

    /** A fresh stream over the whole document; sources are opened lazily, one at a time, as the stream reaches them. */
    public InputStream open() {
        Iterator<Supplier<InputStream>> it = segments.iterator();
        return new SequenceInputStream(new Enumeration(it));
    }

    /** Reads the whole body into a string: for logging in tests and small requests only. */
    public String toJsonString() throws IOException {
        try (InputStream in = open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private record Enumeration(Iterator<Supplier<InputStream>> segments) implements java.util.Enumeration<InputStream> {
        @Override
        public boolean hasMoreElements() {
            return segments.hasNext();
        }

        @Override
        public InputStream nextElement() {
            return segments.next().get();
        }
    }
}
