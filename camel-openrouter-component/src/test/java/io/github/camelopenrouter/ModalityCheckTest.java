package io.github.camelopenrouter;

import java.util.List;
import java.util.Map;

import io.github.camelopenrouter.simulator.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelopenrouter.FilesOperationTest.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

/** checkModalities: parts a model cannot read are refused before anything is sent, naming the models that can. */
class ModalityCheckTest extends OpenRouterTestSupport {

    private static final String CHECKED = "openrouter:chat?checkModalities=true&model=";
    private static final byte[] PDF = TestFiles.pdf("Contract 7");

    @Test
    void aPdfForATextOnlyModelIsRefusedNamingTheModelsThatTakeFiles() {
        Exchange refused = send(CHECKED + "meta-llama/llama-3.3-70b-instruct", List.of("Summarise", PDF),
                Map.of(Exchange.FILE_NAME, "ignored-in-a-collection.pdf"));
        assertThat(refused.getException()).isInstanceOf(OpenRouterInputException.class).hasMessage(
                "Model meta-llama/llama-3.3-70b-instruct does not take file input (its input modalities are text), but the"
                + " request has a file (PDF) document.pdf. Models that take text, file, cheapest prompt first:"
                + " openai/gpt-4o-mini, google/gemini-2.5-flash, anthropic/claude-3.5-haiku. Nothing was sent"
                + " (checkModalities=true)");
        assertThat(refused.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(0);
        assertThat(refused.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("invalid_input");
        assertThat(simulator.requestCount()).as("chat requests").isZero();
        assertThat(simulator.apiRequests()).extracting(r -> r.method() + " " + r.path() + "?" + r.query())
                .containsExactly("GET /api/v1/models?output_modalities=all");

        // a model that takes files: sent, and the list comes from the component's cache
        sendOk(CHECKED + "openai/gpt-4o-mini", PDF, Map.of(Exchange.FILE_NAME, "contract.pdf"));
        assertThat(simulator.requestCount()).isEqualTo(1);
        // a variant is checked as its base model; a file_id reference is a file too
        Exchange variant = send(CHECKED + "meta-llama/llama-3.3-70b-instruct:nitro", "What does it say?",
                Map.of(OpenRouterConstants.FILE_ID, simulator.addServerFile("scan.pdf", PDF)));
        assertThat(variant.getException()).isInstanceOf(OpenRouterInputException.class)
                .hasMessageStartingWith("Model meta-llama/llama-3.3-70b-instruct:nitro does not take file input");
        assertThat(simulator.apiRequests()).as("one model list for all of them").hasSize(1);
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void everyMissingModalityIsNamedAndTheSuggestionsTakeAllOfTheParts() {
        Exchange audio = send(CHECKED + "openai/gpt-4o-mini", TestFiles.wav());
        assertThat(audio.getException()).isInstanceOf(OpenRouterInputException.class).hasMessage(
                "Model openai/gpt-4o-mini does not take audio input (its input modalities are text, image, file), but the"
                + " request has an audio part. Models that take text, audio, cheapest prompt first:"
                + " google/gemini-2.5-flash, openai/gpt-4o-audio-preview. Nothing was sent (checkModalities=true)");

        Exchange mixed = send(CHECKED + "mistralai/mistral-small-3.2-24b-instruct",
                List.of(TestFiles.png(), TestFiles.png(), TestFiles.mp4(), PDF));
        assertThat(mixed.getException()).hasMessage(
                "Model mistralai/mistral-small-3.2-24b-instruct does not take video or file input (its input modalities"
                + " are text, image), but the request has a video and a file (PDF) document.pdf. Models that take text,"
                + " image, video, file, cheapest prompt first: google/gemini-2.5-flash. Nothing was sent"
                + " (checkModalities=true)");
        Exchange none = send(CHECKED + "openai/gpt-4o-audio-preview", List.of(TestFiles.mp4(), TestFiles.png()));
        assertThat(none.getException()).hasMessageContaining("Models that take text, video, image, cheapest prompt"
                                                             + " first: google/gemini-2.5-flash.");
        sendOk(CHECKED + "mistralai/mistral-small-3.2-24b-instruct", List.of("Describe", TestFiles.png()));
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void whatCannotBeCheckedIsSentWithoutAskingForTheList() {
        sendOk("openrouter:chat?checkModalities=true", PDF);                         // the account's default model
        sendOk(CHECKED + "meta-llama/llama-3.3-70b-instruct", "Just text");          // nothing to check
        assertThat(simulator.apiRequests()).isEmpty();
        sendOk(CHECKED + "vendor/brand-new-model", PDF);                             // not in the list: OpenRouter decides
        sendOk("openrouter:chat?model=meta-llama/llama-3.3-70b-instruct", PDF);      // the check is off by default
        assertThat(simulator.requestCount()).isEqualTo(4);
        assertThat(simulator.apiRequests()).hasSize(1);
    }

    @Test
    void aFailedModelListFailsTheExchangeAndNoChatIsSent() {
        simulator.enqueueApi(Fault.error(500, "Internal Server Error"));
        Exchange failed = send(CHECKED + "openai/gpt-4o-mini&maxRetries=0", PDF);
        assertApiError(failed, 500, "Internal Server Error", "server_error");
        assertThat(failed.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);
        assertThat(simulator.requestCount()).isZero();
        // a failed list is not cached: the next exchange asks again
        sendOk(CHECKED + "openai/gpt-4o-mini", PDF);
        assertThat(simulator.apiRequests()).hasSize(2);
        assertThat(simulator.requestCount()).isEqualTo(1);
    }
}
