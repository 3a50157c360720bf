package io.github.camelopenrouter.benchmarks.peers;

import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.github.camelopenrouter.benchmarks.BenchRequest;

/**
 * The openai-java SDK (what Camel's camel-openai is built on; camel-openai itself does not resolve from the registry
 * here) with its defaults: OkHttp underneath, the file base64-encoded into a string by the caller as the SDK requires.
 */
public final class OpenAiJavaPeer implements Peer {

    private final OpenAIClient client;

    public OpenAiJavaPeer(String baseUrl) {
        client = OpenAIOkHttpClient.builder().apiKey(BenchRequest.API_KEY).baseUrl(baseUrl).build();
    }

    private static ChatCompletionCreateParams params(BenchRequest request) throws Exception {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(BenchRequest.MODEL);
        if (!request.hasFile()) {
            return params.addUserMessage(request.prompt()).build();
        }
        String dataUrl = "data:" + request.mediaType() + ";base64,"
                         + Base64.getEncoder().encodeToString(Files.readAllBytes(request.file()));
        ChatCompletionContentPart media = request.isPdf()
                ? ChatCompletionContentPart.ofFile(ChatCompletionContentPart.File.builder()
                        .file(ChatCompletionContentPart.File.FileObject.builder().filename(request.fileName()).fileData(dataUrl).build())
                        .build())
                : ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                        .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder().url(dataUrl).build()).build());
        return params.addUserMessageOfArrayOfContentParts(List.of(
                ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text(request.prompt()).build()),
                media)).build();
    }

    private static String answer(ChatCompletion completion) {
        return completion.choices().get(0).message().content().orElse("");
    }

    @Override
    public String send(BenchRequest request) throws Exception {
        return answer(client.chat().completions().create(params(request)));
    }

    @Override
    public boolean hasAsyncApi() {
        return true;
    }

    @Override
    public CompletableFuture<String> sendAsync(BenchRequest request) throws Exception {
        return client.async().chat().completions().create(params(request)).thenApply(OpenAiJavaPeer::answer);
    }

    @Override
    public void close() {
        client.close();
    }
}
