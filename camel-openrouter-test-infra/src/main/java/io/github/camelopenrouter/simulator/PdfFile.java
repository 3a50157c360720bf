package io.github.camelopenrouter.simulator;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A PDF sent inline as a {@code data:application/pdf;base64,...} file part.
 *
 * @param hash SHA-256 of the decoded bytes, in hex: how file annotations name the file
 */
record PdfFile(String name, String hash, int pages, byte[] bytes) {

    static PdfFile decode(String name, DataUrl dataUrl) {
        byte[] bytes = dataUrl.decode();
        return new PdfFile(name, sha256(bytes), PdfText.pageCount(bytes), bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
