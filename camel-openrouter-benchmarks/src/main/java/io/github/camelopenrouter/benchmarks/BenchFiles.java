package io.github.camelopenrouter.benchmarks;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * The inputs of a run, written once to a work folder: a PNG of random pixels (so it does not compress), a PDF padded
 * with a binary stream to the size asked for, and for each the request JSON the floor sends as it is.
 */
public final class BenchFiles {

    private BenchFiles() {
    }

    /** A valid PNG of about {@code approxBytes}: noise pixels, stored almost uncompressed by the encoder. */
    public static Path png(Path folder, long approxBytes) {
        Path file = folder.resolve("bench-" + approxBytes + ".png");
        if (Files.isRegularFile(file)) {
            return file;
        }
        int side = (int) Math.max(8, Math.sqrt(approxBytes / 3.0));
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A valid one-page PDF of exactly {@code bytes} (at least a few hundred), padded with an unreferenced stream. */
    public static Path pdf(Path folder, long bytes) {
        Path file = folder.resolve("bench-" + bytes + ".pdf");
        if (Files.isRegularFile(file) && sizeOf(file) == bytes) {
            return file;
        }
        String text = "BT /F1 12 Tf 72 720 Td (Benchmark document) Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            long[] position = { 0 };
            List<Long> offsets = new ArrayList<>();
            write(out, position, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
            for (int i = 0; i < objects.size(); i++) {
                offsets.add(position[0]);
                write(out, position, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
            }
            int padObject = objects.size() + 1;
            String trailerTemplate = "xref\n0 " + (padObject + 1) + "\n" + "0000000000 65535 f \n".repeat(padObject + 1)
                                     + "trailer\n<< /Size " + (padObject + 1) + " /Root 1 0 R >>\nstartxref\n0000000000\n%%EOF\n";
            String padHeadTemplate = padObject + " 0 obj\n<< /Length 0000000000 >>\nstream\n";
            String padTail = "\nendstream\nendobj\n";
            long padding = bytes - position[0] - padHeadTemplate.length() - padTail.length() - trailerTemplate.length();
            if (padding < 0) {
                throw new IllegalArgumentException("a PDF needs at least " + (bytes - padding) + " bytes");
            }
            offsets.add(position[0]);
            write(out, position, padObject + " 0 obj\n<< /Length " + String.format("%010d", padding) + " >>\nstream\n");
            Random random = new Random(7);
            byte[] chunk = new byte[1 << 16];
            for (long left = padding; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                int n = (int) Math.min(left, chunk.length);
                out.write(chunk, 0, n);
                position[0] += n;
            }
            write(out, position, padTail);
            long xref = position[0];
            StringBuilder table = new StringBuilder("xref\n0 " + (padObject + 1) + "\n0000000000 65535 f \n");
            for (long offset : offsets) {
                table.append(String.format("%010d 00000 n \n", offset));
            }
            table.append("trailer\n<< /Size ").append(padObject + 1).append(" /Root 1 0 R >>\nstartxref\n")
                    .append(String.format("%010d", xref)).append("\n%%EOF\n");
            write(out, position, table.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sizeOf(file) != bytes) {
            throw new IllegalStateException("PDF size " + sizeOf(file) + " instead of " + bytes);
        }
        return file;
    }

    private static void write(OutputStream out, long[] position, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes);
        position[0] += bytes.length;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The request JSON as the component lays it out: model, then one user message whose content is the prompt (text
     * only) or the prompt and the file as a data URL ({@code image_url} for images, {@code file} for PDFs). The base64
     * is streamed to disk, so writing a 50 MB request takes no 70 MB string.
     */
    public static Path requestJson(Path folder, String prompt, Path file, String mediaType) {
        Path json = folder.resolve("request-" + (file == null ? "text" : file.getFileName()) + ".json");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(json), 1 << 16)) {
            out.write(requestHead(prompt, file, mediaType).getBytes(StandardCharsets.UTF_8));
            if (file != null) {
                try (OutputStream base64 = Base64.getEncoder().wrap(new NonClosing(out))) {
                    Files.copy(file, base64);
                }
                out.write(requestTail(file, mediaType).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json;
    }

    private static String requestHead(String prompt, Path file, String mediaType) {
        String start = "{\"model\":\"" + BenchRequest.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":";
        String text = "\"" + prompt.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        if (file == null) {
            return start + text + "}]}";
        }
        String part = "application/pdf".equals(mediaType)
                ? "{\"type\":\"file\",\"file\":{\"filename\":\"" + file.getFileName() + "\",\"file_data\":\"data:application/pdf;base64,"
                : "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:" + mediaType + ";base64,";
        return start + "[{\"type\":\"text\",\"text\":" + text + "}," + part;
    }

    private static String requestTail(Path file, String mediaType) {
        return "\"}}]}]}";
    }

    /** Lets the base64 encoder write its padding on close without closing the file it writes into. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
