package io.github.camelopenrouter.sdkcheck;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checker answers with the SDK's own verdicts: what it accepts passes, each kind of mistake is named. */
class OpenRouterSdkTest {

    private final OpenRouterSdk sdk = OpenRouterSdk.shared();

    @Test
    void requestTheSdkWouldSendUnchangedPasses() {
        assertThat(sdk.problemsOutbound("ChatRequest", """
                {"model":"google/gemini-2.5-flash","max_tokens":100,"temperature":0.2,
                 "messages":[{"role":"system","content":"be brief"},
                   {"role":"user","content":[{"type":"text","text":"Summarise"},
                     {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"high"}},
                     {"type":"file","file":{"filename":"a.pdf","file_data":"data:application/pdf;base64,JVBERi0="}}]}],
                 "plugins":[{"id":"file-parser","pdf":{"engine":"cloudflare-ai"}}],
                 "metadata":{"free_form_key":"kept as it is"},
                 "response_format":{"type":"json_schema","json_schema":{"name":"answer","strict":true,
                   "schema":{"type":"object","properties":{"due_date":{"type":"string"}}}}}}
                """)).isEmpty();
    }

    @Test
    void sdkInputNamesAreNotWireNames() {
        assertThat(sdk.problemsOutbound("ChatRequest", """
                {"model":"m","maxTokens":100,"messages":[{"role":"user","content":"hi"}]}
                """)).containsExactly(".maxTokens: sent 100, the SDK would send (absent)");
    }

    @Test
    void unknownFieldIsNamed() {
        assertThat(sdk.problemsOutbound("ChatRequest", """
                {"model":"m","temprature":0.5,"messages":[{"role":"user","content":"hi"}]}
                """)).containsExactly(".temprature: sent 0.5, the SDK would send (absent)");
    }

    @Test
    void wrongTypeIsNamed() {
        assertThat(sdk.problemsOutbound("ChatRequest", """
                {"model":"m","max_tokens":"many","messages":[{"role":"user","content":"hi"}]}
                """)).containsExactly("maxTokens: Invalid input: expected number, received string");
    }

    @Test
    void partMissingARequiredFieldIsRejected() {
        assertThat(sdk.problemsOutbound("ChatRequest", """
                {"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"detail":"low"}}]}]}
                """)).isNotEmpty();
        assertThat(sdk.problemsOutbound("ChatRequest", """
                {"model":"m","messages":[{"role":"user","content":[{"type":"image_url",
                  "image_url":{"url":"https://example.org/a.png","detail":"low"}}]}]}
                """)).isEmpty();
    }

    @Test
    void replyMissingARequiredFieldIsRejected() {
        String reply = """
                {"id":"gen-1","object":"chat.completion","created":1700000000,"model":"m",
                 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"hi"}}]%s}
                """;
        assertThat(sdk.problemsInbound("ChatResult", reply.formatted(""))).containsExactly(
                "system_fingerprint: Invalid input: expected string, received undefined");
        assertThat(sdk.problemsInbound("ChatResult", reply.formatted(",\"system_fingerprint\":\"fp\""))).isEmpty();
        assertThatThrownBy(() -> sdk.assertInbound("ChatResult", reply.formatted("")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("system_fingerprint");
    }

    @Test
    void streamChunkSchemaIsReachable() {
        assertThat(sdk.problemsInbound("ChatStreamChunk", """
                {"id":"gen-1","object":"chat.completion.chunk","created":1700000000,"model":"m",
                 "choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}
                """)).isEmpty();
    }

    @Test
    void unknownSchemaIsAnError() {
        assertThat(sdk.problemsInbound("NoSuchThing", "{}")).containsExactly("the SDK has no NoSuchThing$inboundSchema");
    }
}
