package io.github.camelopenrouter.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Builds small valid PDFs with a text layer, one page per string, for tests of PDF handling. The
 * simulator's parser extracts exactly these strings, joined by single spaces.
 */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** A PDF with one page per argument, each showing its text in Helvetica (Latin-1 only). */
    public static byte[] withText(String... pageTexts) {
        if (pageTexts.length == 0) {
            throw new IllegalArgumentException("a PDF needs at least one page");
        }
        Writer pdf = new Writer();
        pdf.raw("%PDF-1.4\n");
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pageTexts.length; i++) {
            kids.append(4 + 2 * i).append(" 0 R ");
        }
        pdf.object("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.object("<< /Type /Pages /Kids [" + kids.toString().trim() + "] /Count " + pageTexts.length + " >>");
        pdf.object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        for (int i = 0; i < pageTexts.length; i++) {
            pdf.object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
                    + " /Contents " + (5 + 2 * i) + " 0 R >>");
            String content = "BT /F1 12 Tf 72 720 Td (" + escape(pageTexts[i]) + ") Tj ET";
            pdf.object("<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        }
        return pdf.finish();
    }

    /** {@code data:application/pdf;base64,...} for a {@code file} part's {@code file_data}. */
    public static String dataUrl(byte[] pdf) {
        return "data:application/pdf;base64," + Base64.getEncoder().encodeToString(pdf);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')') {
                escaped.append('\\');
            }
            escaped.append(c > 0xff ? '?' : c);
        }
        return escaped.toString();
    }

    /** Appends objects and remembers their offsets for the cross-reference table. */
    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<Integer> offsets = new ArrayList<>();

        void raw(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        void object(String body) {
            offsets.add(out.size());
            raw(offsets.size() + " 0 obj\n" + body + "\nendobj\n");
        }

        byte[] finish() {
            int xref = out.size();
            StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
            for (int offset : offsets) {
                table.append(String.format("%010d 00000 n \n", offset));
            }
            table.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                    .append(xref).append("\n%%EOF\n");
            raw(table.toString());
            return out.toByteArray();
        }
    }
}
