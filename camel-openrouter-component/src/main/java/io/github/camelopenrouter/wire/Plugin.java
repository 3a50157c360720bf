package io.github.camelopenrouter.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An entry of {@code plugins}; only {@code file-parser} is sent today. */
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
}
