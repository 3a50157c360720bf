package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

/** A JDK HttpClient speaking to the simulator, and builders for request bodies. */
final class SimClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String KEY = "sk-or-v1-test";
    /** A 1x1 PNG. */
    static final String PNG_BASE64 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private SimClient() {
    }

    static HttpRequest.Builder chatRequest(OpenRouterSimulator simulator, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/chat/completions"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json");
        return key == null ? builder : builder.header("Authorization", "Bearer " + key);
    }

    static HttpResponse<String> post(OpenRouterSimulator simulator, String body) throws IOException, InterruptedException {
        return post(simulator, body, KEY);
    }

    static HttpResponse<String> post(OpenRouterSimulator simulator, JsonNode body) throws IOException, InterruptedException {
        return post(simulator, body.toString(), KEY);
    }

    static HttpResponse<String> post(OpenRouterSimulator simulator, String body, String key)
            throws IOException, InterruptedException {
        return HTTP.send(chatRequest(simulator, key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    static ObjectNode chat(JsonNode... messages) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "google/gemini-2.5-flash");
        for (JsonNode message : messages) {
            root.withArray("messages").add(message);
        }
        return root;
    }

    static ObjectNode message(String role, String content) {
        return JSON.createObjectNode().put("role", role).put("content", content);
    }

    static ObjectNode message(String role, JsonNode... parts) {
        ObjectNode message = JSON.createObjectNode().put("role", role);
        for (JsonNode part : parts) {
            message.withArray("content").add(part);
        }
        return message;
    }

    static ObjectNode text(String text) {
        return JSON.createObjectNode().put("type", "text").put("text", text);
    }

    static ObjectNode image(String url) {
        ObjectNode part = JSON.createObjectNode().put("type", "image_url");
        part.putObject("image_url").put("url", url);
        return part;
    }

    static ObjectNode pngImage() {
        return image("data:image/png;base64," + PNG_BASE64);
    }

    static ObjectNode pdf(String name, byte[] pdf) {
        ObjectNode part = JSON.createObjectNode().put("type", "file");
        part.putObject("file").put("filename", name).put("file_data", TestPdfs.dataUrl(pdf));
        return part;
    }

    static ObjectNode audio(String data, String format) {
        ObjectNode part = JSON.createObjectNode().put("type", "input_audio");
        part.putObject("input_audio").put("data", data).put("format", format);
        return part;
    }

    static ObjectNode video(String url) {
        ObjectNode part = JSON.createObjectNode().put("type", "video_url");
        part.putObject("video_url").put("url", url);
        return part;
    }

    static ObjectNode fileParser(ObjectNode request, String engine) {
        ObjectNode plugin = request.putArray("plugins").addObject().put("id", "file-parser");
        plugin.putObject("pdf").put("engine", engine);
        return request;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
