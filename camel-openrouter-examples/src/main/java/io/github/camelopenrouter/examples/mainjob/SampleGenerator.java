package io.github.camelopenrouter.examples.mainjob;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Makes the sample files the main job processes (committed under {@code camel-openrouter-examples/samples}): two PNGs
 * and a JPEG drawn with Java2D, and two PDFs with a text layer. Everything is drawn from fixed values, so the files
 * are the project's own and small (a few KB to a few tens of KB). Regenerate with
 * (it needs only the JDK) {@code java -cp camel-openrouter-examples/target/classes
 * io.github.camelopenrouter.examples.mainjob.SampleGenerator camel-openrouter-examples/samples}.
 */
public final class SampleGenerator {

    private static final Color INK = new Color(0x22, 0x2B, 0x38);
    private static final Color ACCENT = new Color(0x2F, 0x6F, 0xDE);

    private SampleGenerator() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path target = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "samples"));
        ImageIO.write(barChart(), "png", target.resolve("weekly-visitors.png").toFile());
        ImageIO.write(pipelineDiagram(), "png", target.resolve("pipeline-diagram.png").toFile());
        ImageIO.write(harbourSunset(), "jpg", target.resolve("harbour-sunset.jpg").toFile());
        Files.write(target.resolve("invoice-2024-117.pdf"), invoice());
        Files.write(target.resolve("meeting-notes.pdf"), meetingNotes());
        try (var files = Files.list(target)) {
            files.sorted().forEach(file -> System.out.printf("%-24s %,7d bytes%n", file.getFileName(), size(file)));
        }
    }

    static BufferedImage barChart() {
        BufferedImage image = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, Color.WHITE);
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Visitors per weekday", 24, 32);
        String[] days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        int[] visitors = {120, 135, 128, 150, 210, 260, 90};
        int baseline = 260;
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(48, baseline, 456, baseline);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i < days.length; i++) {
            int x = 60 + i * 56;
            int height = visitors[i] * 190 / 260;
            g.setColor(i == 5 ? new Color(0xE0, 0x6C, 0x2B) : ACCENT);
            g.fillRect(x, baseline - height, 36, height);
            g.setColor(INK);
            g.drawString(days[i], x + 6, baseline + 18);
            g.drawString(String.valueOf(visitors[i]), x + 6, baseline - height - 6);
        }
        g.dispose();
        return image;
    }

    static BufferedImage pipelineDiagram() {
        BufferedImage image = new BufferedImage(520, 180, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, new Color(0xF6, 0xF8, 0xFA));
        String[] boxes = {"inbox/", "OpenRouter", "outbox/*.md"};
        Color[] fills = {new Color(0xFF, 0xF1, 0xCC), new Color(0xD6, 0xE6, 0xFF), new Color(0xD9, 0xF2, 0xDF)};
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        for (int i = 0; i < boxes.length; i++) {
            int x = 20 + i * 175;
            g.setColor(fills[i]);
            g.fillRoundRect(x, 60, 130, 60, 16, 16);
            g.setColor(INK);
            g.setStroke(new BasicStroke(2f));
            g.drawRoundRect(x, 60, 130, 60, 16, 16);
            int width = g.getFontMetrics().stringWidth(boxes[i]);
            g.drawString(boxes[i], x + (130 - width) / 2, 96);
            if (i < boxes.length - 1) {
                int from = x + 134;
                int to = x + 171;
                g.drawLine(from, 90, to - 8, 90);
                g.fillPolygon(new Polygon(new int[] {to, to - 10, to - 10}, new int[] {90, 84, 96}, 3));
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("A file is dropped, a model reads it, the answer is written next to it.", 20, 160);
        g.dispose();
        return image;
    }

    static BufferedImage harbourSunset() {
        BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, Color.BLACK);
        g.setPaint(new GradientPaint(0, 0, new Color(0x3B, 0x1F, 0x5C), 0, 200, new Color(0xFF, 0x9A, 0x3C)));
        g.fillRect(0, 0, 480, 200);
        g.setColor(new Color(0xFF, 0xD2, 0x5A));
        g.fillOval(200, 130, 80, 80);
        g.setPaint(new GradientPaint(0, 200, new Color(0x1E, 0x3A, 0x5F), 0, 320, new Color(0x0B, 0x16, 0x2A)));
        g.fillRect(0, 200, 480, 120);
        g.setColor(new Color(0xFF, 0xC0, 0x50));
        for (int i = 0; i < 8; i++) {
            int width = 70 - i * 7;
            g.fillRect(240 - width / 2, 210 + i * 12, width, 3);
        }
        g.setColor(new Color(0x10, 0x10, 0x18));
        g.fillPolygon(new Polygon(new int[] {330, 420, 405, 345}, new int[] {228, 228, 242, 242}, 4));
        g.fillRect(372, 172, 3, 56);
        g.fillPolygon(new Polygon(new int[] {376, 376, 410}, new int[] {176, 224, 224}, 3));
        g.fillRect(0, 188, 110, 12);
        g.fillRect(20, 150, 8, 40);
        g.fillRect(60, 160, 8, 30);
        g.dispose();
        return image;
    }

    static byte[] invoice() {
        return new TextPdf().page(
                "Invoice 2024-117",
                "Harbour Supplies Ltd, 4 Quay Street, Portsmouth",
                "Billed to: Northwind Sailing Club",
                "Date: 14 March 2024    Due: 13 April 2024",
                "",
                "2 x Mooring line, 12 m               EUR  84.00",
                "1 x Fender set (4 pieces)            EUR  56.50",
                "3 x Marine varnish, 750 ml           EUR  71.85",
                "",
                "Subtotal                             EUR 212.35",
                "VAT 20%                              EUR  42.47",
                "Total due                            EUR 254.82",
                "",
                "Pay by bank transfer, reference 2024-117.").toBytes();
    }

    static byte[] meetingNotes() {
        return new TextPdf().page(
                "Meeting notes - regatta planning",
                "Date: 2 May 2024. Present: Ana, Ben, Chloe, Dev.",
                "",
                "1. The spring regatta moves to Saturday 8 June because of the tide table.",
                "2. Ben books the committee boat and two rescue RIBs by 20 May.",
                "3. Entry fee stays at 25 EUR; juniors sail for free.",
                "4. Chloe asks the harbour master about the new buoy positions.")
                .page(
                "Meeting notes - page 2",
                "Open points:",
                "- Dev prepares the sailing instructions draft for review on 27 May.",
                "- Ana collects volunteers for the start line (six needed).",
                "",
                "Next meeting: 27 May 2024, 19:00, clubhouse.").toBytes();
    }

    private static Graphics2D canvas(BufferedImage image, Color background) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(background);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
