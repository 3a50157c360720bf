package io.github.camelopenrouter.simulator;

import java.util.Base64;

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
        PdfObjects pdf = new PdfObjects();
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pageTexts.length; i++) {
            kids.append(4 + 2 * i).append(" 0 R ");
        }
        pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.add("<< /Type /Pages /Kids [" + kids.toString().trim() + "] /Count " + pageTexts.length + " >>");
        pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        for (int i = 0; i < pageTexts.length; i++) {
            pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
                    + " /Contents " + (5 + 2 * i) + " 0 R >>");
            String content = "BT /F1 12 Tf 72 720 Td (" + PdfObjects.escapeText(pageTexts[i]) + ") Tj ET";
            pdf.add("<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        }
        return pdf.finish();
    }

    /** {@code data:application/pdf;base64,...} for a {@code file} part's {@code file_data}. */
    public static String dataUrl(byte[] pdf) {
        return "data:application/pdf;base64," + Base64.getEncoder().encodeToString(pdf);
    }
}
