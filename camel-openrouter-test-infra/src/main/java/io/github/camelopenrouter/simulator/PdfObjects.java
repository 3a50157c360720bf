package io.github.camelopenrouter.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The skeleton of a small uncompressed PDF 1.4: numbered objects, then the cross-reference table that gives their byte
 * offsets. Shared by the test PDFs and the examples' sample generator, which decide what the objects say.
 */
public final class PdfObjects {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Integer> offsets = new ArrayList<>();

    public PdfObjects() {
        raw("%PDF-1.4\n");
    }

    /** Adds object number {@code n+1} (the first is 1 0 obj, the catalog by convention). */
    public void add(String body) {
        offsets.add(out.size());
        raw(offsets.size() + " 0 obj\n" + body + "\nendobj\n");
    }

    /** Writes the cross-reference table and trailer (object 1 is the root) and returns the whole file. */
    public byte[] finish() {
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

    /** Text for a {@code ( ... ) Tj} string: backslash and parentheses escaped, anything beyond Latin-1 as '?'. */
    public static String escapeText(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')') {
                escaped.append('\\');
            }
            escaped.append(c > 0xff ? '?' : c);
        }
        return escaped.toString();
    }

    private void raw(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
