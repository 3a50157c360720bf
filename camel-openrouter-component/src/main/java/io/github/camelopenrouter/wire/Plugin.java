package io.github.camelopenrouter.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An entry of {@code plugins}; {@code request.Plugins} decides which are sent. */
public sealed interface Plugin {

    @JsonProperty("id")
    String id();

    @JsonPropertyOrder({ "id", "pdf" })
    record FileParser(Pdf pdf) implements Plugin {
        @Override
        public String id() {
            return "file-parser";
        }

        public record Pdf(String engine) {
        }

        public static FileParser engine(String engine) {
            return new FileParser(new Pdf(engine));
        }
    }

    /**
     * OpenRouter repairs malformed JSON answers (code fences, prose around the JSON, missing brackets); {@code enabled}
     * false turns it off even when the account enables it by default.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "id", "enabled" })
    record ResponseHealing(Boolean enabled) implements Plugin {
        @Override
        public String id() {
            return "response-healing";
        }
    }
}
