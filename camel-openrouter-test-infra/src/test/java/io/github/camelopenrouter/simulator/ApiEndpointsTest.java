package io.github.camelopenrouter.simulator;

import static io.github.camelopenrouter.simulator.SimClient.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import io.github.camelopenrouter.sdkcheck.OpenRouterSdk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoints beyond chat completions, over a real socket, in OpenRouter's shapes. */
class ApiEndpointsTest {

    static final byte[] CONTRACT = TestPdfs.withText("Contract 7", "Signed");
    static OpenRouterSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = OpenRouterSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void uploadStoresTheFileAndListGetDeleteSeeIt() throws Exception {
        HttpResponse<String> uploaded = upload("contract.pdf", "application/pdf", CONTRACT, KEY);
        assertThat(uploaded.statusCode()).isEqualTo(200);
        JsonNode file = json(uploaded);
        assertThat(file.path("_shape").asText()).isEqualTo("openrouter");
        assertThat(file.path("id").asText()).isEqualTo("or_file_sim1");
        assertThat(file.path("type").asText()).isEqualTo("file");
        assertThat(file.path("filename").asText()).isEqualTo("contract.pdf");
        assertThat(file.path("mime_type").asText()).isEqualTo("application/pdf");
        assertThat(file.path("size_bytes").asLong()).isEqualTo(CONTRACT.length);
        assertThat(file.path("downloadable").asBoolean()).isFalse();
        ApiRequest request = simulator.apiRequests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/files");
        assertThat(request.parts()).containsExactly(
                new ApiRequest.UploadedPart("purpose", null, null, 9, PdfFile.sha256("user_data".getBytes(StandardCharsets.UTF_8))),
                new ApiRequest.UploadedPart("file", "contract.pdf", "application/pdf",
                CONTRACT.length, PdfFile.sha256(CONTRACT)));

        upload("notes.txt", "text/plain", "plain words".getBytes(StandardCharsets.UTF_8), KEY);
        JsonNode list = json(get("/files", KEY));
        assertThat(list.path("data").findValuesAsText("id")).containsExactly("or_file_sim1", "or_file_sim2");
        assertThat(list.path("data").get(1).path("mime_type").asText()).isEqualTo("text/plain");
        assertThat(list.path("has_more").asBoolean()).isFalse();
        JsonNode page = json(get("/files?limit=1&order=desc", KEY));
        assertThat(page.path("data").findValuesAsText("id")).containsExactly("or_file_sim2");
        assertThat(page.path("has_more").asBoolean()).isTrue();
        assertThat(page.path("cursor").asText()).isEqualTo("or_file_sim2");

        assertThat(json(get("/files/or_file_sim1", KEY)).path("filename").asText()).isEqualTo("contract.pdf");
        HttpResponse<String> deleted = send("DELETE", "/files/or_file_sim1", KEY);
        assertThat(json(deleted)).isEqualTo(JSON.readTree("{\"_shape\":\"openrouter\",\"id\":\"or_file_sim1\",\"type\":\"file_deleted\"}"));
        HttpResponse<String> gone = get("/files/or_file_sim1", KEY);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).at("/error/message").asText()).isEqualTo("File or_file_sim1 not found");
        assertThat(send("DELETE", "/files/or_file_sim1", KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void uploadErrorsAreThoseOpenRouterDocuments() throws Exception {
        HttpResponse<String> empty = upload("empty.pdf", "application/pdf", new byte[0], KEY);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).at("/error/message").asText()).isEqualTo("file: empty files are rejected");

        HttpResponse<String> zip = upload("a.zip", "application/zip", new byte[] { 'P', 'K', 3, 4, 0, 0 }, KEY);
        assertThat(zip.statusCode()).isEqualTo(400);
        assertThat(json(zip).at("/error/message").asText()).startsWith("file: unsupported file type");

        simulator.setMaxFileBytes(100);
        HttpResponse<String> large = upload("big.pdf", "application/pdf", CONTRACT, KEY);
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(json(large).at("/error/metadata/error_type").asText()).isEqualTo("payload_too_large");
        assertThat(simulator.fileIds()).isEmpty();

        assertThat(upload("c.pdf", "application/pdf", CONTRACT, null).statusCode()).isEqualTo(401);
        HttpResponse<String> notMultipart = HTTP.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/files"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(CONTRACT)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notMultipart.statusCode()).isEqualTo(400);
    }

    @Test
    void onlyServerSideFilesDownload() throws Exception {
        String id = simulator.addServerFile("report.pdf", CONTRACT);
        HttpResponse<byte[]> download = HTTP.send(request("/files/" + id + "/content", KEY).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(CONTRACT);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");

        String uploaded = json(upload("mine.pdf", "application/pdf", CONTRACT, KEY)).path("id").asText();
        HttpResponse<String> refused = get("/files/" + uploaded + "/content", KEY);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/error/message").asText()).contains("only files created server-side are downloadable");
        assertThat(get("/files/or_file_nope/content", KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void aFileIdInChatIsParsedOnceAndItsAnnotationReused() throws Exception {
        String id = json(upload("contract.pdf", "application/pdf", CONTRACT, KEY)).path("id").asText();
        ObjectNode question = message("user", text("What is this?"), fileId(id));
        HttpResponse<String> first = post(simulator, fileParser(chat(question), "cloudflare-ai"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Simulator-Parsed-Files")).hasValue("1");
        JsonNode answer = json(first).at("/choices/0/message");
        assertThat(answer.path("content").asText()).endsWith("Parsed contract.pdf with cloudflare-ai: Contract 7 Signed");
        assertThat(answer.at("/annotations/0/file/hash").asText()).isEqualTo(PdfFile.sha256(CONTRACT));
        // two pages of 500 tokens, plus the text
        assertThat(json(first).at("/usage/prompt_tokens").asLong()).isEqualTo(1000 + 4);

        ObjectNode assistant = message("assistant", answer.path("content").asText());
        assistant.set("annotations", answer.path("annotations"));
        HttpResponse<String> followUp = post(simulator, fileParser(chat(question, assistant,
                message("user", "And the date?")), "cloudflare-ai"));
        assertThat(followUp.headers().firstValue("X-Simulator-Parsed-Files")).hasValue("0");
        assertThat(followUp.headers().firstValue("X-Simulator-Reused-Annotations")).hasValue("1");

        HttpResponse<String> unknown = post(simulator, chat(message("user", text("x"), fileId("or_file_missing"))));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).at("/error/message").asText())
                .startsWith("messages[0].content[1].file.file_id: no file or_file_missing");
    }

    @Test
    void modelsAreFilteredByModalitiesAndParameters() throws Exception {
        JsonNode all = json(get("/models", null));
        assertThat(all.path("total_count").asInt()).isEqualTo(all.path("data").size());
        assertThat(all.path("data").findValuesAsText("id")).contains("google/gemini-2.5-flash")
                .doesNotContain("openai/text-embedding-3-small");
        JsonNode files = json(get("/models?input_modalities=file", null));
        assertThat(files.path("data").findValuesAsText("id"))
                .containsExactly("google/gemini-2.5-flash", "anthropic/claude-3.5-haiku", "openai/gpt-4o-mini");
        JsonNode gpt = files.path("data").get(2);
        assertThat(gpt.at("/pricing/prompt").asText()).isEqualTo("0.00000015");
        assertThat(gpt.at("/pricing/completion").asText()).isEqualTo("0.0000006");
        assertThat(gpt.path("context_length").asLong()).isEqualTo(128_000);
        assertThat(json(get("/models?output_modalities=embeddings", null)).path("data").findValuesAsText("id"))
                .containsExactly("openai/text-embedding-3-small", "mistralai/mistral-embed-2312");
        assertThat(json(get("/models?input_modalities=image&supported_parameters=top_k", null)).path("data")
                .findValuesAsText("id")).containsExactly("anthropic/claude-3.5-haiku");
        HttpResponse<String> unknown = get("/models?input_modalities=pdf", null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).at("/error/message").asText()).startsWith("input_modalities: unknown modality \"pdf\"");
    }

    @Test
    void embeddingsAreDeterministicUnitVectors() throws Exception {
        String body = "{\"model\":\"openai/text-embedding-3-small\",\"input\":[\"alpha\",\"beta\"],\"dimensions\":4}";
        JsonNode first = json(postJson("/embeddings", body));
        JsonNode again = json(postJson("/embeddings", body));
        assertThat(first.path("data")).isEqualTo(again.path("data"));
        assertThat(first.path("object").asText()).isEqualTo("list");
        assertThat(first.path("data")).hasSize(2);
        double norm = 0;
        for (JsonNode value : first.at("/data/0/embedding")) {
            norm += value.asDouble() * value.asDouble();
        }
        assertThat(first.at("/data/0/embedding")).hasSize(4);
        assertThat(norm).isBetween(0.999, 1.001);
        assertThat(first.at("/usage/prompt_tokens").asInt()).isEqualTo(3);
        assertThat(first.at("/usage/cost").decimalValue()).isEqualByComparingTo("0.00000006");
        JsonNode base64 = json(postJson("/embeddings",
                "{\"model\":\"openai/text-embedding-3-small\",\"input\":\"alpha\",\"dimensions\":4,\"encoding_format\":\"base64\"}"));
        assertThat(base64.at("/data/0/embedding").asText()).hasSize(24);
        HttpResponse<String> chatModel = postJson("/embeddings", "{\"model\":\"openai/gpt-4o-mini\",\"input\":\"x\"}");
        assertThat(chatModel.statusCode()).isEqualTo(400);
        assertThat(json(chatModel).at("/error/message").asText()).startsWith("model: \"openai/gpt-4o-mini\" is not an embeddings model");
    }

    @Test
    void generationsAppearAfterTheDelayAndCreditsGoDownByTheirCost() throws Exception {
        simulator.setGenerationDelay(Duration.ofMillis(400));
        HttpResponse<String> answer = post(simulator, chat(message("user", "hello there")));
        String id = json(answer).path("id").asText();
        BigDecimal cost = json(answer).at("/usage/cost").decimalValue();
        HttpResponse<String> early = get("/generation?id=" + id, KEY);
        assertThat(early.statusCode()).isEqualTo(404);
        Thread.sleep(450);
        JsonNode generation = json(get("/generation?id=" + id, KEY)).path("data");
        assertThat(generation.path("id").asText()).isEqualTo(id);
        assertThat(generation.path("total_cost").decimalValue()).isEqualByComparingTo(cost);
        assertThat(generation.path("tokens_prompt").asLong()).isEqualTo(json(answer).at("/usage/prompt_tokens").asLong());
        assertThat(generation.path("provider_name").asText()).isEqualTo("SimProvider");
        assertThat(get("/generation", KEY).statusCode()).isEqualTo(400);

        JsonNode credits = json(get("/credits", KEY)).path("data");
        assertThat(credits.path("total_credits").decimalValue()).isEqualByComparingTo("10");
        assertThat(credits.path("total_usage").decimalValue()).isEqualByComparingTo(cost);
        assertThat(get("/credits", ApiKeys.NOT_A_MANAGEMENT_KEY).statusCode()).isEqualTo(403);
        JsonNode key = json(get("/key", KEY)).path("data");
        assertThat(key.path("limit").decimalValue()).isEqualByComparingTo("5");
        assertThat(key.path("limit_remaining").decimalValue()).isEqualByComparingTo(new BigDecimal("5").subtract(cost));
        assertThat(get("/key", null).statusCode()).isEqualTo(401);
    }

    @Test
    void apiFaultsReplaceTheNextAnswers() throws Exception {
        simulator.enqueueApi(Fault.error(503, "No provider"));
        assertThat(get("/key", KEY).statusCode()).isEqualTo(503);
        assertThat(get("/key", KEY).statusCode()).isEqualTo(200);
        assertThat(simulator.apiRequests()).hasSize(2);
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void everyReplyParsesWithTheOfficialSdkSchemas() throws Exception {
        OpenRouterSdk sdk = OpenRouterSdk.shared();
        simulator.setGenerationDelay(Duration.ZERO);
        String uploaded = upload("contract.pdf", "application/pdf", CONTRACT, KEY).body();
        sdk.assertInbound("FileResponse", uploaded);
        sdk.assertInbound("OpenRouterFile", uploaded);
        sdk.assertInbound("FileListResponse", get("/files", KEY).body());
        sdk.assertInbound("FileResponse", get("/files/or_file_sim1", KEY).body());
        sdk.assertInbound("FileDeleteResponse", send("DELETE", "/files/or_file_sim1", KEY).body());
        sdk.assertInbound("ModelsListResponse", get("/models?output_modalities=all", null).body());
        String embeddings = postJson("/embeddings", "{\"model\":\"openai/text-embedding-3-small\",\"input\":[\"a\",\"b\"]}").body();
        sdk.assertInbound("CreateEmbeddingsResponseBody", embeddings);
        sdk.assertInbound("CreateEmbeddingsResponseBody", postJson("/embeddings",
                "{\"model\":\"openai/text-embedding-3-small\",\"input\":\"a\",\"encoding_format\":\"base64\"}").body());
        String id = json(post(simulator, chat(message("user", "hi")))).path("id").asText();
        sdk.assertInbound("GenerationResponse", get("/generation?id=" + id, KEY).body());
        sdk.assertInbound("GenerationResponse",
                get("/generation?id=" + JSON.readTree(embeddings).path("id").asText(), KEY).body());
        sdk.assertInbound("GetCreditsResponse", get("/credits", KEY).body());
        sdk.assertInbound("GetCurrentKeyResponse", get("/key", KEY).body());
        simulator.setKeyLimit(null);
        sdk.assertInbound("GetCurrentKeyResponse", get("/key", KEY).body());
        sdk.assertInbound("NotFoundResponseErrorData", JSON.readTree(get("/files/nope", KEY).body()).path("error").toString());
    }

    static ObjectNode fileId(String id) {
        ObjectNode part = JSON.createObjectNode().put("type", "file");
        part.putObject("file").put("file_id", id);
        return part;
    }

    static HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .timeout(Duration.ofSeconds(20));
        return key == null ? builder : builder.header("Authorization", "Bearer " + key);
    }

    static HttpResponse<String> get(String path, String key) throws Exception {
        return send("GET", path, key);
    }

    static HttpResponse<String> send(String method, String path, String key) throws Exception {
        return HTTP.send(request(path, key).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(String path, String body) throws Exception {
        return HTTP.send(request(path, KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> upload(String name, String type, byte[] content, String key) throws Exception {
        String boundary = "sim-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nuser_data\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(request("/files", key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<String> ids(JsonNode list) {
        return list.path("data").findValuesAsText("id");
    }
}
