package io.github.camelopenrouter.benchmarks.peers;

import java.nio.file.Files;
import java.util.Base64;

import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.PdfFileContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.github.camelopenrouter.benchmarks.BenchRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Camel's established AI component, camel-langchain4j-chat 4.17.0 (run beside Camel 4.18.0 on one classpath), with
 * langchain4j-open-ai's {@link OpenAiChatModel} pointed at the server. Text goes in as a String body; a file as a
 * LangChain4j {@link UserMessage} with the base64 content the caller encoded. The producer is synchronous.
 */
public final class CamelLangChain4jPeer implements Peer {

    private final CamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate template;

    public CamelLangChain4jPeer(String baseUrl) throws Exception {
        ChatModel model = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(BenchRequest.API_KEY)
                .modelName(BenchRequest.MODEL).build();
        camel.getRegistry().bind("benchModel", model);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send")
                        .to("langchain4j-chat:bench?chatModel=#benchModel&chatOperation=CHAT_SINGLE_MESSAGE");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @Override
    public String send(BenchRequest request) throws Exception {
        Object body = request.prompt();
        if (request.hasFile()) {
            String base64 = Base64.getEncoder().encodeToString(Files.readAllBytes(request.file()));
            body = UserMessage.from(TextContent.from(request.prompt()), request.isPdf()
                    ? PdfFileContent.from(base64, request.mediaType())
                    : ImageContent.from(base64, request.mediaType()));
        }
        return template.requestBody("direct:send", body, String.class);
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
