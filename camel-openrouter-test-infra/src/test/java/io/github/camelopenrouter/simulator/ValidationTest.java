package io.github.camelopenrouter.simulator;

import static io.github.camelopenrouter.simulator.SimClient.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ValidationTest {

    static OpenRouterSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = OpenRouterSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static JsonNode rejected(String body, int status) throws Exception {
        HttpResponse<String> response = post(simulator, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return json(response).path("error");
    }

    private static String badRequest(JsonNode body) throws Exception {
        JsonNode error = rejected(body.toString(), 400);
        assertThat(error.path("code").asInt()).isEqualTo(400);
        assertThat(error.path("metadata").path("error_type").asText()).isEqualTo("invalid_request");
        return error.path("message").asText();
    }

    @Test
    void bodyThatIsNotJsonIsA400() throws Exception {
        JsonNode error = rejected("{\"messages\": [", 400);
        assertThat(error.path("message").asText()).startsWith("Request body is not valid JSON");
    }

    @Test
    void missingOrEmptyMessagesAreNamed() throws Exception {
        assertThat(badRequest(JSON.createObjectNode().put("model", "x"))).startsWith("messages: is required");
        ObjectNode empty = chat();
        empty.putArray("messages");
        assertThat(badRequest(empty)).isEqualTo("messages: must not be empty");
        assertThat(badRequest(JSON.createObjectNode().put("messages", "hi"))).startsWith("messages: must be an array");
    }

    @Test
    void unknownRoleAndContentShape() throws Exception {
        assertThat(badRequest(chat(message("robot", "hi"))))
                .isEqualTo("messages[0].role: must be one of system, user, assistant, tool, got \"robot\"");
        ObjectNode numericContent = JSON.createObjectNode().put("role", "user").put("content", 42);
        assertThat(badRequest(chat(numericContent))).startsWith("messages[0].content: must be a string or an array");
    }

    @Test
    void contentPartsAreChecked() throws Exception {
        ObjectNode unknownType = JSON.createObjectNode().put("type", "image");
        assertThat(badRequest(chat(message("user", text("hi"), unknownType))))
                .startsWith("messages[0].content[1].type: must be one of text, image_url, file, input_audio, video_url");
        assertThat(badRequest(chat(message("user", JSON.createObjectNode().put("type", "text")))))
                .isEqualTo("messages[0].content[0].text: must be a string, got nothing");
        assertThat(badRequest(chat(message("user", text("hi"), image("ftp://example.com/a.png")))))
                .startsWith("messages[0].content[1].image_url.url: must be an http(s) URL or a data:image/");
        assertThat(badRequest(chat(message("user", image("data:image/bmp;base64," + PNG_BASE64)))))
                .startsWith("messages[0].content[0].image_url.url: must be");
        assertThat(badRequest(chat(message("user", image("data:image/png;base64,iVBOR!!w0KGgo")))))
                .startsWith("messages[0].content[0].image_url.url: data URL payload: invalid base64");
        ObjectNode detail = pngImage();
        ((ObjectNode) detail.get("image_url")).put("detail", "ultra");
        assertThat(badRequest(chat(message("user", detail))))
                .startsWith("messages[0].content[0].image_url.detail: must be one of auto, low, high, original");
    }

    @Test
    void filesAudioAndVideo() throws Exception {
        ObjectNode noName = JSON.createObjectNode().put("type", "file");
        noName.putObject("file").put("file_data", TestPdfs.dataUrl(TestPdfs.withText("x")));
        assertThat(badRequest(chat(message("user", noName)))).startsWith("messages[0].content[0].file.filename: must be a string");
        ObjectNode zip = JSON.createObjectNode().put("type", "file");
        zip.putObject("file").put("filename", "a.zip").put("file_data", "data:application/zip;base64,UEsDBA==");
        assertThat(badRequest(chat(message("user", zip)))).startsWith("messages[0].content[0].file.file_data: must be");
        assertThat(badRequest(chat(message("user", audio("data:audio/wav;base64,UklGRg==", "wav")))))
                .startsWith("messages[0].content[0].input_audio.data: must be raw base64 without a data: URL prefix");
        assertThat(badRequest(chat(message("user", audio("UklGRg==", "midi")))))
                .startsWith("messages[0].content[0].input_audio.format: must be one of wav, mp3");
        assertThat(badRequest(chat(message("user", video("data:video/avi;base64,AAAA")))))
                .startsWith("messages[0].content[0].video_url.url: must be an http(s) URL or a data:video/");
    }

    @Test
    void parametersAndPlugins() throws Exception {
        assertThat(badRequest(chat(message("user", "hi")).put("temperature", 2.5)))
                .isEqualTo("temperature: must be a number from 0 to 2, got 2.5");
        assertThat(badRequest(chat(message("user", "hi")).put("max_tokens", 0)))
                .isEqualTo("max_tokens: must be a positive integer, got 0");
        ObjectNode noId = chat(message("user", "hi"));
        noId.putArray("plugins").addObject().put("enabled", true);
        assertThat(badRequest(noId)).startsWith("plugins[0].id: must be a string");
        assertThat(badRequest(fileParser(chat(message("user", "hi")), "tesseract")))
                .startsWith("plugins[0].pdf.engine: must be one of mistral-ocr, cloudflare-ai, native, pdf-text");
        ObjectNode badAnnotations = message("assistant", "ok").put("annotations", "none");
        assertThat(badRequest(chat(message("user", "hi"), badAnnotations, message("user", "more"))))
                .startsWith("messages[1].annotations: must be an array");
    }

    @Test
    void validMultimodalRequestPasses() throws Exception {
        ObjectNode request = chat(message("system", "be brief"), message("user", text("look"), pngImage(),
                image("https://example.com/cat.jpg"), pdf("a.pdf", TestPdfs.withText("A")),
                audio(base64(new byte[] {1, 2, 3, 4}), "wav"), video("data:video/mp4;base64,AAAAIGZ0eXA=")))
                .put("temperature", 0.7).put("max_tokens", 100);
        assertThat(post(simulator, request).statusCode()).isEqualTo(200);
    }

    @Test
    void authorizationIsRequired() throws Exception {
        HttpResponse<String> missing = post(simulator, chat(message("user", "hi")).toString(), null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{\"error\":{\"code\":401,\"message\":\"No auth credentials found\"}}");
        HttpResponse<String> invalid = post(simulator, chat(message("user", "hi")).toString(), "sk-or-invalid");
        assertThat(invalid.statusCode()).isEqualTo(401);
        assertThat(json(invalid).path("error").path("message").asText()).isEqualTo("User not found.");
    }

    @Test
    void otherPathsAre404AndModelsAreListed() throws Exception {
        HttpResponse<String> notFound = HTTP.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(json(notFound).path("error").path("message").asText()).contains("POST /api/v1/completions");

        HttpResponse<String> models = HTTP.send(HttpRequest.newBuilder(
                URI.create(simulator.baseUrl() + "/models?input_modalities=image,file")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(json(models).path("data").findValuesAsText("id"))
                .contains("google/gemini-2.5-flash", "openai/gpt-4o-mini")
                .doesNotContain("meta-llama/llama-3.3-70b-instruct");
    }
}
