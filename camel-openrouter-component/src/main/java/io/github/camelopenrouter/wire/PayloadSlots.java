package io.github.camelopenrouter.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The streamed payloads of one request in document order, each behind a placeholder unique to this request. */
final class PayloadSlots {

    private final String marker = "@@openrouter-payload-" + UUID.randomUUID() + "-";
    private final List<Payload.Base64Data> payloads = new ArrayList<>();

    String reserve(Payload.Base64Data payload) {
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
