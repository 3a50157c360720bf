package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The Files API, in the shapes of the SDK's {@code OpenRouterFile}, {@code OpenRouterFileList} and
 * {@code OpenRouterFileDeleted}: {@code POST /files} (multipart, part {@code file}), {@code GET /files},
 * {@code GET /files/{id}}, {@code DELETE /files/{id}} and {@code GET /files/{id}/content}.
 */
final class FilesEndpoint {

    private final FileStore store;

    FilesEndpoint(FileStore store) {
        this.store = store;
    }

    /** @param parts the parsed multipart body, or null when the body was not multipart */
    Reply upload(List<MultipartReader.Part> parts) {
        if (parts == null) {
            return error(400, "Content-Type must be multipart/form-data with a boundary, and the file in a part named file");
        }
        MultipartReader.Part file = parts.stream().filter(p -> "file".equals(p.name())).findFirst().orElse(null);
        if (file == null) {
            return error(400, "file: is required (a multipart part named file)");
        }
        if (file.tooLarge()) {
            return error(413, "File too large: " + file.size() + " bytes; the maximum is " + store.maxBytes() + " bytes");
        }
        if (file.size() == 0) {
            return error(400, "file: empty files are rejected");
        }
        String mimeType = FileTypes.detect(file.content());
        if (mimeType == null) {
            return error(400, "file: unsupported file type (decided from its content); it must be " + FileTypes.ACCEPTED);
        }
        String name = file.filename() == null || file.filename().isBlank() ? "file" : file.filename();
        return json(toJson(store.add(name, mimeType, file.content(), false)));
    }

    Reply list(String rawQuery) {
        List<FileStore.StoredFile> files = store.list();
        String order = ApiRequest.queryParameter(rawQuery, "order");
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            return error(400, "order: must be asc or desc, got \"" + order + "\"");
        }
        if ("desc".equals(order)) {
            Collections.reverse(files);
        }
        String cursor = ApiRequest.queryParameter(rawQuery, "cursor");
        if (cursor != null) {
            int at = indexOf(files, cursor);
            files = at < 0 ? List.of() : files.subList(at + 1, files.size());
        }
        int limit = files.size();
        String limitText = ApiRequest.queryParameter(rawQuery, "limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 1000) {
                return error(400, "limit: must be an integer from 1 to 1000, got \"" + limitText + "\"");
            }
        }
        List<FileStore.StoredFile> page = new ArrayList<>(files.subList(0, Math.min(limit, files.size())));
        boolean more = page.size() < files.size();
        ObjectNode root = Json.object();
        root.put("_shape", "openrouter");
        ArrayNode data = root.putArray("data");
        page.forEach(f -> data.add(toJson(f)));
        root.put("first_id", page.isEmpty() ? null : page.get(0).id());
        root.put("last_id", page.isEmpty() ? null : page.get(page.size() - 1).id());
        root.put("has_more", more);
        root.put("cursor", more ? page.get(page.size() - 1).id() : null);
        return json(root);
    }

    Reply get(String id) {
        FileStore.StoredFile file = store.get(id);
        return file == null ? notFound(id) : json(toJson(file));
    }

    Reply delete(String id) {
        FileStore.StoredFile file = store.remove(id);
        if (file == null) {
            return notFound(id);
        }
        ObjectNode root = Json.object();
        root.put("_shape", "openrouter");
        root.put("id", id);
        root.put("type", "file_deleted");
        return json(root);
    }

    Reply download(String id) {
        FileStore.StoredFile file = store.get(id);
        if (file == null) {
            return notFound(id);
        }
        if (!file.downloadable()) {
            return error(400, "File " + id + " cannot be downloaded: only files created server-side are downloadable;"
                    + " uploaded files are not");
        }
        return Reply.fixed(200, "application/octet-stream", file.bytes(),
                Map.of("Content-Disposition", "attachment; filename=\"" + file.filename() + "\""));
    }

    static ObjectNode toJson(FileStore.StoredFile file) {
        ObjectNode node = Json.object();
        node.put("_shape", "openrouter");
        node.put("id", file.id());
        node.put("type", "file");
        node.put("filename", file.filename());
        node.put("mime_type", file.mimeType());
        node.put("size_bytes", file.bytes().length);
        node.put("created_at", file.createdAt());
        node.put("downloadable", file.downloadable());
        return node;
    }

    private static int indexOf(List<FileStore.StoredFile> files, String id) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static Reply notFound(String id) {
        return error(404, "File " + id + " not found");
    }

    static Reply error(int status, String message) {
        return Reply.json(status, ErrorBodies.forStatus(status, message), Map.of());
    }

    static Reply json(ObjectNode node) {
        return Reply.json(200, Json.text(node), Map.of());
    }
}
