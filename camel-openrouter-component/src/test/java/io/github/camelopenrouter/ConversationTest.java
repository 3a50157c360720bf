package io.github.camelopenrouter;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelopenrouter.conversation.InMemoryConversationStore;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelopenrouter.TestFiles.base64;
import static org.assertj.core.api.Assertions.assertThat;

/** OpenRouter's "skip parsing costs": a PDF is parsed once however many questions follow in the same conversation. */
class ConversationTest extends OpenRouterTestSupport {

    @BindToRegistry("sharedStore")
    private final InMemoryConversationStore sharedStore = new InMemoryConversationStore(10, 10_000_000);

    private static final String URI = "openrouter:chat?model=google/gemma-3-27b-it&pdfEngine=mistral-ocr";

    @Test
    void followUpSendsTheEarlierTurnWithItsAnnotationsAndThePdfIsNotParsedAgain() {
        byte[] pdf = TestFiles.pdf("Invoice 42 Total 99 EUR");
        Map<String, Object> first = Map.of(OpenRouterConstants.CONVERSATION_ID, "c-1", OpenRouterConstants.FILE_NAME, "invoice.pdf",
                OpenRouterConstants.PROMPT, "What are the main points?");

        Exchange answer1 = sendOk(URI, pdf, first);
        JsonNode annotations = answer1.getMessage().getHeader(OpenRouterConstants.ANNOTATIONS, JsonNode.class);
        assertThat(answer1.getMessage().getBody(String.class)).endsWith("Parsed invoice.pdf with mistral-ocr: Invoice 42 Total 99 EUR");

        Exchange answer2 = sendOk(URI, "Can you elaborate on the total?", Map.of(OpenRouterConstants.CONVERSATION_ID, "c-1"));

        assertThat(sentJson().get("messages")).isEqualTo(json("""
                [{"role":"user","content":[{"type":"text","text":"What are the main points?"},
                   {"type":"file","file":{"filename":"invoice.pdf","file_data":"data:application/pdf;base64,%s"}}]},
                 {"role":"assistant","content":%s,"annotations":%s},
                 {"role":"user","content":[{"type":"text","text":"Can you elaborate on the total?"}]}]"""
                .formatted(base64(pdf), JSON.valueToTree(answer1.getMessage().getBody(String.class)), annotations)));
        assertThat(answer2.getMessage().getBody(String.class)).isEqualTo(
                "Received 1 text part, 0 images, 0 files, 0 audio, 0 video. Text: \"Can you elaborate on the total?\""
                + " Reused annotations for invoice.pdf.");
        assertThat(simulator.stats().filesParsed()).isEqualTo(1);
        assertThat(simulator.stats().annotationsReused()).isEqualTo(1);
    }

    @Test
    void conversationsAreKeptApartAndUnknownIdsStartFresh() {
        sendOk(URI, TestFiles.pdf("A"), Map.of(OpenRouterConstants.CONVERSATION_ID, "a"));
        sendOk(URI, "Question for b", Map.of(OpenRouterConstants.CONVERSATION_ID, "b"));

        assertThat(sentJson().get("messages")).hasSize(1);
    }

    @Test
    void theFileIsRememberedEvenAfterTheOriginalIsGone() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("scan", ".pdf");
        java.nio.file.Files.write(file, TestFiles.pdf("Scan"));
        sendOk(URI, file, Map.of(OpenRouterConstants.CONVERSATION_ID, "moved"));
        java.nio.file.Files.delete(file);

        sendOk(URI, "And then?", Map.of(OpenRouterConstants.CONVERSATION_ID, "moved"));

        assertThat(sentJson().get("messages").get(0).get("content").get(0).get("file").get("file_data").asText())
                .isEqualTo("data:application/pdf;base64," + base64(TestFiles.pdf("Scan")));
    }

    @Test
    void aSuppliedStoreIsUsedAndIsBounded() {
        String uri = URI + "&conversationStore=#sharedStore";
        sendOk(uri, "one", Map.of(OpenRouterConstants.CONVERSATION_ID, "s-1"));
        assertThat(sharedStore.load("s-1")).hasSize(1);

        InMemoryConversationStore tiny = new InMemoryConversationStore(2, 1_000_000);
        context.getRegistry().bind("tiny", tiny);
        for (String id : new String[] { "x", "y", "z" }) {
            sendOk(URI + "&conversationStore=#tiny", "hello " + id, Map.of(OpenRouterConstants.CONVERSATION_ID, id));
        }
        assertThat(tiny.size()).isEqualTo(2);
        assertThat(tiny.load("x")).as("least recently used is evicted").isEmpty();
    }

    @Test
    void byteBoundEvictsOldConversations() {
        InMemoryConversationStore store = new InMemoryConversationStore(100, 1000);
        context.getRegistry().bind("small", store);
        sendOk(URI + "&conversationStore=#small", TestFiles.pdf("A"), Map.of(OpenRouterConstants.CONVERSATION_ID, "first"));
        sendOk(URI + "&conversationStore=#small", TestFiles.pdf("B"), Map.of(OpenRouterConstants.CONVERSATION_ID, "second"));

        assertThat(store.load("first")).isEmpty();
        assertThat(store.load("second")).hasSize(1);
        assertThat(store.sizeInBytes()).isLessThanOrEqualTo(1000);
    }

    @Test
    void conversationMaxCountAndMaxBytesBoundTheDefaultStore() {
        String uri = URI + "&conversationMaxCount=1&conversationMaxBytes=100000";
        sendOk(uri, "first question", Map.of(OpenRouterConstants.CONVERSATION_ID, "one"));
        sendOk(uri, "second question", Map.of(OpenRouterConstants.CONVERSATION_ID, "two"));
        sendOk(uri, "back to one", Map.of(OpenRouterConstants.CONVERSATION_ID, "one"));
        assertThat(sentJson().get("messages")).as("conversation one was evicted by two").hasSize(1);

        sendOk(uri, "more for one", Map.of(OpenRouterConstants.CONVERSATION_ID, "one"));
        assertThat(sentJson().get("messages")).hasSize(3);

        InMemoryConversationStore store = (InMemoryConversationStore) context.getEndpoint(uri, OpenRouterEndpoint.class)
                .getConversationStore();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void conversationTtlForgetsAnIdleConversationOfTheDefaultStore() throws Exception {
        String uri = URI + "&conversationTtl=1500";
        sendOk(uri, "first question", Map.of(OpenRouterConstants.CONVERSATION_ID, "idle"));
        sendOk(uri, "second question", Map.of(OpenRouterConstants.CONVERSATION_ID, "idle"));
        assertThat(sentJson().get("messages")).hasSize(3);

        Thread.sleep(1700);
        sendOk(uri, "after a pause", Map.of(OpenRouterConstants.CONVERSATION_ID, "idle"));

        assertThat(sentJson().get("messages")).as("expired: a fresh start").hasSize(1);
    }

    @Test
    void aQuestionDeliveredAgainIsSentWithItsFirstHistoryAndRecordedOnce() {
        Map<String, Object> second = Map.of(OpenRouterConstants.CONVERSATION_ID, "again",
                OpenRouterConstants.CONVERSATION_TURN_ID, "m-2");
        sendOk(URI, "first", Map.of(OpenRouterConstants.CONVERSATION_ID, "again", OpenRouterConstants.CONVERSATION_TURN_ID, "m-1"));
        sendOk(URI, "second", second);
        JsonNode firstTime = sentJson().get("messages");

        sendOk(URI, "second", second);
        assertThat(sentJson().get("messages")).isEqualTo(firstTime);

        sendOk(URI, "third", Map.of(OpenRouterConstants.CONVERSATION_ID, "again"));
        assertThat(sentJson().get("messages")).as("first and second recorded once each").hasSize(5);
    }

    @Test
    void aTurnIdWithoutAConversationOrTooLongIsRefusedBeforeSending() {
        assertRefusedBeforeSending(send(URI, "q", Map.of(OpenRouterConstants.CONVERSATION_TURN_ID, "m-1")),
                "Header CamelOpenRouterConversationTurnId is set without CamelOpenRouterConversationId");
        assertRefusedBeforeSending(send(URI, "q", Map.of(OpenRouterConstants.CONVERSATION_ID, "c",
                OpenRouterConstants.CONVERSATION_TURN_ID, "x".repeat(256))),
                "CamelOpenRouterConversationTurnId has 256 characters; it takes at most 255");
    }

    @Test
    void aNegativeConversationTtlIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getEndpoint(URI + "&conversationTtl=-5").start())
                .hasMessageContaining("conversationTtl must be 0 (never expire) or a positive duration, got -5 ms");
    }
}
