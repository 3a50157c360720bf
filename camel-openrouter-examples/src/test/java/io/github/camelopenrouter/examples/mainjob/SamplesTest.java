package io.github.camelopenrouter.examples.mainjob;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static io.github.camelopenrouter.examples.folder.InboxFiles.namesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** The committed samples are the generator's, valid for independent readers, and small. */
class SamplesTest {

    private static final Path SAMPLES = Path.of("samples");

    @Test
    void theSamplesAreThreeImagesAndTwoPdfsOfAFewKilobytesEach() throws Exception {
        assertThat(namesIn(SAMPLES)).containsExactly("harbour-sunset.jpg", "invoice-2024-117.pdf", "meeting-notes.pdf",
                "pipeline-diagram.png", "weekly-visitors.png");
        for (String name : namesIn(SAMPLES)) {
            assertThat(Files.size(SAMPLES.resolve(name))).as(name).isBetween(500L, 32L * 1024);
        }
    }

    @Test
    void thePdfsAreTheGeneratorsAndAnIndependentParserReadsTheirText() throws Exception {
        assertThat(SAMPLES.resolve("invoice-2024-117.pdf")).hasBinaryContent(SampleGenerator.invoice());
        assertThat(SAMPLES.resolve("meeting-notes.pdf")).hasBinaryContent(SampleGenerator.meetingNotes());
        try (PDDocument invoice = Loader.loadPDF(SAMPLES.resolve("invoice-2024-117.pdf").toFile())) {
            assertThat(invoice.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(invoice))
                    .contains("Invoice 2024-117", "Billed to: Northwind Sailing Club", "Total due", "EUR 254.82");
        }
        try (PDDocument notes = Loader.loadPDF(SAMPLES.resolve("meeting-notes.pdf").toFile())) {
            assertThat(notes.getNumberOfPages()).isEqualTo(2);
            assertThat(new PDFTextStripper().getText(notes))
                    .contains("regatta moves to Saturday 8 June", "Next meeting: 27 May 2024, 19:00, clubhouse.");
        }
    }

    @Test
    void theImagesDecodeAtTheGeneratorsSizes() throws Exception {
        assertSameSize("weekly-visitors.png", SampleGenerator.barChart());
        assertSameSize("pipeline-diagram.png", SampleGenerator.pipelineDiagram());
        assertSameSize("harbour-sunset.jpg", SampleGenerator.harbourSunset());
    }

    private static void assertSameSize(String name, BufferedImage generated) throws Exception {
        BufferedImage committed = ImageIO.read(SAMPLES.resolve(name).toFile());
        assertThat(committed).as(name).isNotNull();
        assertThat(committed.getWidth()).isEqualTo(generated.getWidth());
        assertThat(committed.getHeight()).isEqualTo(generated.getHeight());
    }
}
