package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A request to one of the simulator's endpoints other than chat completions (files, models, embeddings,
 * generation, credits, key), as it arrived.
 *
 * @param query     the raw query string, or null
 * @param body      a JSON body as text; {@code ""} for a multipart upload or a body-less request
 * @param parts     the parts of a multipart upload (their bytes are not kept here), else empty
 * @param bodyBytes the body's size in bytes
 */
public record ApiRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
                         List<UploadedPart> parts, long bodyBytes) {

    /** One part of a multipart upload: its form name, file name, declared type, size and SHA-256 (hex). */
    public record UploadedPart(String name, String filename, String contentType, long size, String sha256) {
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    /** The decoded value of a query parameter, or null when absent. */
    public String queryParameter(String name) {
        return queryParameter(query, name);
    }

    static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    public JsonNode json() {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new IllegalStateException(method + " " + path + " had no JSON body");
            }
            return json;
        } catch (JacksonException e) {
            throw new IllegalStateException("Request body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " (" + bodyBytes + " bytes)";
    }
}
