package io.github.camelopenrouter.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An entry of {@code plugins}: file-parser, web, response-healing; {@code request.Plugins} decides which are sent. */
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

    /** Web search: the results reach the model, and come back as {@code url_citation} annotations. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "id", "engine", "max_results" })
    record Web(String engine, @JsonProperty("max_results") Integer maxResults) implements Plugin {
        @Override
        public String id() {
            return "web";
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
