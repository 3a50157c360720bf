package io.github.camelopenrouter.benchmarks.server;

import java.nio.charset.StandardCharsets;

/**
 * The answer to every valid request: a complete OpenAI-style chat completion with the fields each client reads (the
 * openai-java SDK checks that id, choices, created, model and object are present), and OpenRouter's provider and cost.
 */
public final class CompletionReply {

    /** The assistant's text every peer must return to its caller. */
    public static final String TEXT = "The document describes a benchmark.";

    private CompletionReply() {
    }

    static byte[] bytes() {
        String json = "{\"id\":\"gen-bench-1\",\"provider\":\"BenchServer\",\"model\":\"openai/gpt-4o-mini\","
                      + "\"object\":\"chat.completion\",\"created\":1760000000,\"choices\":[{\"index\":0,"
                      + "\"logprobs\":null,\"finish_reason\":\"stop\",\"native_finish_reason\":\"stop\","
                      + "\"message\":{\"role\":\"assistant\",\"content\":\"" + TEXT + "\",\"refusal\":null}}],"
                      + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":7,\"total_tokens\":19,\"cost\":0.0000057}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
