package io.github.camelopenrouter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The completeness check must not refuse complete files, including the shapes real devices produce. */
class CompleteMediaTest extends OpenRouterTestSupport {

    private static final Map<String, byte[]> CORPUS = BadInputCorpusGenerator.files();

    @Test
    void completeFilesLargerThanTheTailWindowAreSent(@TempDir Path dir) throws Exception {
        byte[] png = CORPUS.get("large-image.png");
        byte[] pdfWithLongTail = TestFiles.concat(TestFiles.pdf("Report"), "\n".repeat(20_000).getBytes());

        sendOk("openrouter:chat", Files.write(dir.resolve("noise.png"), png).toFile());
        sendOk("openrouter:chat", pdfWithLongTail);

        assertThat(simulator.requestCount()).isEqualTo(2);
    }

    @Test
    void aJpegWithAVideoAppendedLikeAMotionPhotoIsSent() {
        // larger than the 8 KB tail window, so the end the check sees is the video's
        byte[] jpeg = noiseJpeg();
        byte[] video = new byte[64 * 1024];
        new Random(7).nextBytes(video);
        System.arraycopy(TestFiles.mp4(), 0, video, 0, TestFiles.mp4().length);

        sendOk("openrouter:chat", TestFiles.concat(jpeg, video));

        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void completeSmallImagesOfEveryKindAreSent() {
        for (byte[] image : new byte[][] { TestFiles.png(), TestFiles.jpeg(), TestFiles.gif(), TestFiles.webp() }) {
            sendOk("openrouter:chat", image);
        }
        assertThat(simulator.requestCount()).isEqualTo(4);
    }

    private static byte[] noiseJpeg() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(256, 256, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "jpeg", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] jpeg = out.toByteArray();
        assertThat(Arrays.copyOfRange(jpeg, jpeg.length - 2, jpeg.length)).containsExactly(0xFF, 0xD9);
        return jpeg;
    }
}
