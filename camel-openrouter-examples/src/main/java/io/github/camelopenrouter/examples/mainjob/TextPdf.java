package io.github.camelopenrouter.examples.mainjob;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.camelopenrouter.simulator.PdfObjects;

/**
 * Writes small, valid PDF 1.4 files with a real text layer: pages of lines in Helvetica, uncompressed, so any PDF
 * reader (and OpenRouter's text-based parser) extracts exactly these lines. Latin-1 text only.
 */
final class TextPdf {

    private static final int TOP = 760;
    private static final int LEFT = 64;
    private static final int LEADING = 18;

    private final List<List<String>> pages = new ArrayList<>();

    /** Adds a page; the first line is set as a heading. */
    TextPdf page(String... lines) {
        pages.add(List.of(lines));
        return this;
    }

    byte[] toBytes() {
        if (pages.isEmpty()) {
            throw new IllegalStateException("a PDF needs at least one page");
        }
        PdfObjects objects = new PdfObjects();
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            kids.append(5 + 2 * i).append(" 0 R ");
        }
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [" + kids.toString().trim() + "] /Count " + pages.size() + " >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        for (int i = 0; i < pages.size(); i++) {
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
                        + " /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents " + (6 + 2 * i) + " 0 R >>");
            String content = content(pages.get(i));
            objects.add("<< /Length " + content.getBytes(StandardCharsets.ISO_8859_1).length + " >>\nstream\n" + content
                        + "\nendstream");
        }
        return objects.finish();
    }

    private static String content(List<String> lines) {
        StringBuilder text = new StringBuilder("BT\n/F2 16 Tf\n" + LEFT + " " + TOP + " Td\n");
        for (int i = 0; i < lines.size(); i++) {
            if (i == 1) {
                text.append("/F1 11 Tf\n");
            }
            if (i > 0) {
                text.append("0 -").append(i == 1 ? LEADING + 10 : LEADING).append(" Td\n");
            }
            text.append('(').append(PdfObjects.escapeText(lines.get(i))).append(") Tj\n");
        }
        return text.append("ET").toString();
    }
}
