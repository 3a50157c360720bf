package io.github.camelopenrouter.request;

import java.util.ArrayList;
import java.util.List;

import io.github.camelopenrouter.wire.ContentPart;

/** The content parts of a message body, text first, and the attachments that were left out (as "name (type)"). */
record BodyParts(List<ContentPart> parts, List<String> skipped) {

    static BodyParts textFirst(List<ContentPart> parts, List<String> skipped) {
        List<ContentPart> ordered = new ArrayList<>(parts.size());
        parts.stream().filter(ContentPart::textual).forEach(ordered::add);
        parts.stream().filter(p -> !p.textual()).forEach(ordered::add);
        return new BodyParts(ordered, List.copyOf(skipped));
    }
}
