package io.github.camelopenrouter;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelopenrouter.conversation.InMemoryConversationStore;
import io.github.camelopenrouter.sdkcheck.OpenRouterSdk;
import io.github.camelopenrouter.simulator.ApiRequest;
import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.wire.OpenRouterFile;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.github.camelopenrouter.FilesOperationTest.assertApiError;
import static io.github.camelopenrouter.FilesOperationTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat with files of the Files API: referenced by {@code file_id} (header or file record body) instead of their bytes,
 * and {@code uploadFiles}, where chat uploads each file once and a conversation keeps only the id.
 */
class ChatFileIdTest extends OpenRouterTestSupport {

    private static final byte[] PDF = TestFiles.pdf("Contract 7 Signed by both parties");
    private static final String CHAT = "openrouter:chat?model=openai/gpt-4o-mini&pdfEngine=mistral-ocr";

    @BindToRegistry("store")
    private final InMemoryConversationStore store = new InMemoryConversationStore(10, 10_000_000);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // upload once, then ask about the file record the upload left in the body
                from("direct:uploadThenAsk").to("openrouter:files").to(CHAT + "&prompt=Who signed it?");
            }
        };
    }

    @Test
    void theFileIdHeaderSendsAReferenceInsteadOfTheBodysBytes() throws Exception {
        String id = simulator.addServerFile("contract.pdf", PDF);

        sendOk(CHAT, "Who signed the contract?", Map.of(OpenRouterConstants.FILE_ID, id));
        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"text","text":"Who signed the contract?"},{"type":"file","file":{"file_id":"%s"}}]""".formatted(id)));
        OpenRouterSdk.shared().assertOutbound("ChatRequest", simulator.lastRequest().body());

        // the header stands for the body's file: the bytes are not sent, the file name is kept
        sendOk(CHAT + "&prompt=Summarise", PDF, Map.of(OpenRouterConstants.FILE_ID, id, Exchange.FILE_NAME, "in/contract.pdf"));
        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"text","text":"Summarise"},{"type":"file","file":{"filename":"contract.pdf","file_id":"%s"}}]"""
                .formatted(id)));
        assertThat(simulator.lastRequest().body()).doesNotContain("file_data");

        String other = simulator.addServerFile("annex.pdf", TestFiles.pdf("Annex"));
        sendOk(CHAT, "Compare them", Map.of(OpenRouterConstants.FILE_ID, List.of(id, other)));
        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"text","text":"Compare them"},{"type":"file","file":{"file_id":"%s"}},
                 {"type":"file","file":{"file_id":"%s"}}]""".formatted(id, other)));
        assertThat(simulator.apiRequests()).as("no upload").isEmpty();
    }

    @Test
    void theFileRecordOpenRouterFilesLeavesInTheBodyIsAReference() {
        Exchange exchange = template.send("direct:uploadThenAsk", e -> {
            e.getMessage().setBody(PDF);
            e.getMessage().setHeader(Exchange.FILE_NAME, "contract.pdf");
        });
        assertThat(exchange.getException()).isNull();
        assertThat(simulator.apiRequests()).extracting(r -> r.method() + " " + r.path()).containsExactly("POST /api/v1/files");
        // the header files upload set and the record in the body name the same file: one reference
        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"text","text":"Who signed it?"},{"type":"file","file":{"filename":"contract.pdf","file_id":"or_file_sim1"}}]"""));
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("Received 1 text part, 0 images, 1 file, 0 audio,"
                + " 0 video. Files: contract.pdf. Text: \"Who signed it?\" Parsed contract.pdf with mistral-ocr: Contract 7"
                + " Signed by both parties");

        OpenRouterFile record = new OpenRouterFile("or_file_sim1", "contract.pdf", "application/pdf", PDF.length, null, false);
        sendOk(CHAT, List.of("Again?", record));
        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"text","text":"Again?"},{"type":"file","file":{"filename":"contract.pdf","file_id":"or_file_sim1"}}]"""));
    }

    @Test
    void aBadFileIdHeaderIsRefusedBeforeAnythingIsSent() {
        assertRefusedBeforeSending(send(CHAT, "Question", Map.of(OpenRouterConstants.FILE_ID, 42)),
                "the CamelOpenRouterFileId header must be a file id (or_file_...), a file record from openrouter:files,"
                + " or a Collection of these, got a java.lang.Integer");
        assertRefusedBeforeSending(send(CHAT, "Question", Map.of(OpenRouterConstants.FILE_ID, List.of())),
                "The CamelOpenRouterFileId header is an empty collection");
        assertRefusedBeforeSending(send(CHAT, "Question", Map.of(OpenRouterConstants.FILE_ID, List.of("or_file_a", "two words"))),
                "element 1 of the CamelOpenRouterFileId header must be a file id", "got 'two words'");
        assertThat(simulator.apiRequests()).isEmpty();
        // an id the Files API does not hold: OpenRouter's 400, naming the part
        assertApiError(send(CHAT, "Question", Map.of(OpenRouterConstants.FILE_ID, "or_file_gone")), 400,
                "messages[0].content[1].file.file_id: no file or_file_gone", "invalid_request");
    }

    @Test
    void uploadFilesUploadsOnceAndFollowUpsSendNeitherTheFileNorItsParse() {
        String uri = CHAT + "&uploadFiles=true&conversationStore=#store";
        Exchange first = sendOk(uri, new ByteArrayInputStream(PDF), Map.of(OpenRouterConstants.CONVERSATION_ID, "c-1",
                Exchange.FILE_NAME, "contract.pdf", OpenRouterConstants.PROMPT, "Who signed it?"));

        List<ApiRequest> uploads = simulator.apiRequests();
        assertThat(uploads).hasSize(1);
        assertThat(uploads.get(0).method() + " " + uploads.get(0).path()).isEqualTo("POST /api/v1/files");
        assertThat(uploads.get(0).parts()).containsExactly(
                new ApiRequest.UploadedPart("file", "contract.pdf", "application/pdf", PDF.length, sha256(PDF)));
        assertThat(sentUserContent()).isEqualTo(json("""
                [{"type":"text","text":"Who signed it?"},{"type":"file","file":{"filename":"contract.pdf","file_id":"or_file_sim1"}}]"""));
        assertThat(simulator.lastRequest().body()).doesNotContain("file_data");
        assertThat(first.getMessage().getBody(String.class)).endsWith("Parsed contract.pdf with mistral-ocr: Contract 7"
                                                                      + " Signed by both parties");
        assertThat(first.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);
        assertThat(first.getMessage().getHeader(OpenRouterConstants.UPLOADED_FILE_IDS)).isEqualTo(List.of("or_file_sim1"));
        JsonNode annotations = first.getMessage().getHeader(OpenRouterConstants.ANNOTATIONS, JsonNode.class);

        for (String question : new String[] { "When?", "Where?" }) {
            Exchange followUp = sendOk(uri, question, Map.of(OpenRouterConstants.CONVERSATION_ID, "c-1"));
            assertThat(followUp.getMessage().getBody(String.class)).endsWith("Reused annotations for contract.pdf.");
        }
        assertThat(simulator.apiRequests()).as("follow-ups upload nothing").hasSize(1);
        assertThat(simulator.stats().filesParsed()).as("parsed once").isEqualTo(1);
        JsonNode messages = sentJson().get("messages");
        assertThat(messages.get(0)).isEqualTo(json("""
                {"role":"user","content":[{"type":"text","text":"Who signed it?"},
                 {"type":"file","file":{"filename":"contract.pdf","file_id":"or_file_sim1"}}]}"""));
        assertThat(messages.get(1).get("annotations")).isEqualTo(annotations);
        assertThat(messages).hasSize(5);
        assertThat(simulator.lastRequest().body()).doesNotContain("file_data");
        // the store holds the id and the texts, not the PDF's bytes
        assertThat(store.sizeInBytes()).isLessThan(PDF.length);
    }

    @Test
    void aFailedUploadFailsTheExchangeAndNoChatIsSent() {
        simulator.setMaxFileBytes(100);
        Exchange exchange = send(CHAT + "&uploadFiles=true", PDF, Map.of(Exchange.FILE_NAME, "big.pdf"));
        assertApiError(exchange, 413, "File too large", "payload_too_large");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);
        assertThat(simulator.requestCount()).as("chat requests").isZero();
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.UPLOADED_FILE_IDS)).isEqualTo(List.of());

        // retried like any call: the upload is sent again whole, then the chat references it
        simulator.setMaxFileBytes(100_000_000);
        simulator.enqueueApi(Fault.error(503, "No provider available"));
        Exchange retried = sendOk(CHAT + "&uploadFiles=true&retryInitialDelay=10", PDF, Map.of(Exchange.FILE_NAME, "retry.pdf"));
        assertThat(retried.getMessage().getHeader(OpenRouterConstants.UPLOADED_FILE_IDS)).isEqualTo(simulator.fileIds());
        assertThat(simulator.apiRequests()).hasSize(3);
        assertThat(simulator.apiRequests().get(2).parts().get(0).sha256()).isEqualTo(sha256(PDF));
        assertThat(sentUserContent().get(0).get("file").get("file_id").asText()).isEqualTo(simulator.fileIds().get(0));
    }

    @Test
    void uploadFilesLeavesImagesAndTextAsTheyAre() {
        Exchange image = sendOk(CHAT + "&uploadFiles=true", List.of("Describe", TestFiles.png()));
        assertThat(simulator.apiRequests()).isEmpty();
        assertThat(image.getMessage().getHeaders()).doesNotContainKey(OpenRouterConstants.UPLOADED_FILE_IDS);
        assertThat(sentUserContent().get(1).get("type").asText()).isEqualTo("image_url");
    }
}
