package io.github.camelopenrouter.benchmarks;

import java.nio.file.Path;

/**
 * One request as every peer must send it: a prompt, and for W2/W3 a file the peer reads as its users would.
 *
 * @param prompt       the user's text
 * @param file         the attachment, or null for a text-only request
 * @param mediaType    the attachment's type ({@code image/png}, {@code application/pdf})
 * @param prebuiltJson the whole request JSON, written before the run: the floor sends it as it is
 */
public record BenchRequest(String prompt, Path file, String mediaType, Path prebuiltJson) {

    public static final String MODEL = "openai/gpt-4o-mini";
    public static final String API_KEY = "sk-or-v1-benchmark";

    public boolean hasFile() {
        return file != null;
    }

    public boolean isPdf() {
        return "application/pdf".equals(mediaType);
    }

    public String fileName() {
        return file == null ? null : file.getFileName().toString();
    }
}
