package io.github.camelopenrouter.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The Files API's storage: everything in memory, ids {@code or_file_sim<n>} counted from 1 since start or reset. */
final class FileStore {

    /** OpenRouter's documented limit: "Maximum file size: 100 MB". */
    static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

    /**
     * One stored file.
     *
     * @param downloadable only files created server-side are; uploaded ones answer 400 to a download
     */
    record StoredFile(String id, String filename, String mimeType, byte[] bytes, String createdAt, boolean downloadable,
                      String sha256) {
    }

    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile long maxBytes = DEFAULT_MAX_BYTES;

    synchronized StoredFile add(String filename, String mimeType, byte[] bytes, boolean downloadable) {
        String id = "or_file_sim" + ids.incrementAndGet();
        StoredFile file = new StoredFile(id, filename, mimeType, bytes, Instant.now().toString(), downloadable,
                PdfFile.sha256(bytes));
        files.put(id, file);
        return file;
    }

    synchronized StoredFile get(String id) {
        return files.get(id);
    }

    synchronized StoredFile remove(String id) {
        return files.remove(id);
    }

    /** Oldest first. */
    synchronized List<StoredFile> list() {
        return new ArrayList<>(files.values());
    }

    long maxBytes() {
        return maxBytes;
    }

    void maxBytes(long value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxFileBytes must be positive, got " + value);
        }
        maxBytes = value;
    }

    synchronized void clear() {
        files.clear();
        ids.set(0);
        maxBytes = DEFAULT_MAX_BYTES;
    }
}
