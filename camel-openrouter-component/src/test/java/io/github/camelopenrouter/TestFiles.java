package io.github.camelopenrouter;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import io.github.camelopenrouter.simulator.TestPdfs;

/** Small real files made at run time: the bytes a route would carry, not hand-typed magic numbers. */
public final class TestFiles {

    private TestFiles() {
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpeg");
    }

    public static byte[] gif() {
        return image("gif");
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, Color.RED.getRGB());
        return encode(image, format);
    }

    /** The image as a file of the given ImageIO format (png, jpeg, gif, bmp). */
    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A lossless 1x1 WebP (the JDK has no WebP writer; this is a complete, valid file). */
    public static byte[] webp() {
        return java.util.Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    }

    /** A one-page PDF whose text layer says {@code text} (the simulator's parser reads it back). */
    public static byte[] pdf(String text) {
        return TestPdfs.withText(text);
    }

    /** 50 ms of silence as 8 kHz mono 16-bit WAV. */
    public static byte[] wav() {
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        byte[] samples = new byte[800];
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(samples), format, 400)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An MP3: an ID3v2 tag followed by one silent MPEG-1 Layer III frame (128 kbit/s, 44.1 kHz). */
    public static byte[] mp3() {
        byte[] id3 = { 'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0 };
        byte[] frame = new byte[417];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xFB;
        frame[2] = (byte) 0x90;
        frame[3] = (byte) 0x64;
        return concat(id3, frame);
    }

    /** The start of an MP4 file: an ftyp box (isom) and an empty mdat box. */
    public static byte[] mp4() {
        return java.util.HexFormat.of().parseHex(
                "0000001c6674797069736f6d0000020069736f6d69736f326d703431" + "000000086d646174");
    }

    public static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    public static String base64(byte[] bytes) {
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }
}
