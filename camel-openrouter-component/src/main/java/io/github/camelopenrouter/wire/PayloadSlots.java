package io.github.camelopenrouter.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The streamed payloads of one request in document order, each behind a placeholder unique to this request. */
final class PayloadSlots {

    private final List<Payload.Base64Data> payloads = new ArrayList<>(0);
    // drawn on first use: a random UUID takes SecureRandom, measurable per request, and text-only requests need none
    private String marker;

    String reserve(Payload.Base64Data payload) {
        if (marker == null) {
            marker = "@@openrouter-payload-" + UUID.randomUUID() + "-";
        }
        payloads.add(payload);
        return placeholder(payloads.size() - 1);
    }

    String placeholder(int index) {
        return marker + index + "@@";
    }

    List<Payload.Base64Data> payloads() {
        return payloads;
    }
}
