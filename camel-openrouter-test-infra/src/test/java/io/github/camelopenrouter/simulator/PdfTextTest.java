package io.github.camelopenrouter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PdfTextTest {

    @Test
    void extractsShownStringsAndCountsPages() {
        byte[] pdf = TestPdfs.withText("Hello (world)", "Page \\two");
        assertThat(PdfText.extract(pdf)).isEqualTo("Hello (world) Page \\two");
        assertThat(PdfText.pageCount(pdf)).isEqualTo(2);
    }

    @Test
    void readsTjArraysAndSkipsCompressedStreams() {
        String pdf = "%PDF-1.4\n4 0 obj << /Length 40 >>\nstream\nBT [(Hel) -20 (lo)] TJ (\\101\\102) ' ET\nendstream\nendobj\n"
                + "5 0 obj << /Length 9 /Filter /FlateDecode >>\nstream\n(Hidden) Tj\nendstream\nendobj\n";
        assertThat(PdfText.extract(pdf.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("Hello AB");
        assertThat(PdfText.pageCount(pdf.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(1);
    }

    @Test
    void binaryNoiseIsHarmlessAndQuick() {
        byte[] noise = new byte[5_000_000];
        new Random(1).nextBytes(noise);
        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Length 5000000 >>\nstream\n" + new String(noise, StandardCharsets.ISO_8859_1)
                + "\nendstream\nendobj\n").getBytes(StandardCharsets.ISO_8859_1);
        long start = System.nanoTime();
        PdfText.extract(pdf);
        assertThat(System.nanoTime() - start).isLessThan(3_000_000_000L);
    }
}
