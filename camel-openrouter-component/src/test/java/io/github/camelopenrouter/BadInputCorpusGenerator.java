package io.github.camelopenrouter;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;


/**
 * Writes the files of {@code src/test/resources/bad-input/} (see the README there). Deterministic: a fixed seed for
 * the noise images and archives. Run from the component folder after {@code mvn test-compile}:
 *
 * <pre>
 * java -cp target/test-classes io.github.camelopenrouter.BadInputCorpusGenerator src/test/resources/bad-input
 * </pre>
 */
public final class BadInputCorpusGenerator {

    private BadInputCorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "src/test/resources/bad-input");
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> file : files().entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        System.out.println("Wrote " + files().size() + " files to " + folder.toAbsolutePath());
    }

    static Map<String, byte[]> files() {
        Random random = new Random(20250601L);
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] png = noiseImage("png", 64, random);
        byte[] jpeg = noiseImage("jpeg", 256, random);
        byte[] smallJpeg = TestFiles.jpeg();
        byte[] gif = noiseImage("gif", 64, random);
        byte[] pdf = TestFiles.pdf("A contract of several pages");
        byte[] zip = zip(random, 4096);

        // empty and padding-only
        files.put("empty.bin", new byte[0]);
        files.put("whitespace.txt", "   \n\t  \n".getBytes(StandardCharsets.US_ASCII));

        // truncated files whose magic numbers are valid
        files.put("png-signature-only.png", Arrays.copyOf(png, 8));
        files.put("png-header-only.png", Arrays.copyOf(png, 33));
        files.put("png-cut-in-half.png", Arrays.copyOf(png, png.length / 2));
        files.put("jpeg-header-only.jpg", Arrays.copyOf(smallJpeg, 20));
        files.put("jpeg-cut-in-half.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));
        files.put("jpeg-small-without-end.jpg", Arrays.copyOf(smallJpeg, smallJpeg.length - 2));
        files.put("gif-header-only.gif", Arrays.copyOf(gif, 13));
        files.put("gif-cut-in-half.gif", Arrays.copyOf(gif, gif.length / 2));
        byte[] webp = TestFiles.webp();
        files.put("webp-truncated.webp", Arrays.copyOf(webp, webp.length - 10));
        files.put("webp-riff-header-only.webp", Arrays.copyOf(webp, 12));
        files.put("pdf-header-only.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        files.put("pdf-cut-in-half.pdf", Arrays.copyOf(pdf, pdf.length / 2));

        // polyglots: one format's magic, another format's content after it
        files.put("png-with-zip-appended.png", TestFiles.concat(png, zip));
        files.put("pdf-with-zip-appended.pdf", TestFiles.concat(pdf, zip));
        files.put("gif-javascript-polyglot.gif",
                "GIF89a/*\u0001\u0001\u0000\u0000*/=alert('polyglot');//".getBytes(StandardCharsets.ISO_8859_1));

        // formats OpenRouter cannot take
        files.put("archive.zip", zip);
        files.put("report.docx", docx());
        files.put("program.exe", executable());
        files.put("program.elf", elf());
        files.put("Main.class", hex("cafebabe0000003d000a0a000200030700040c000500060100106a6176612f6c616e672f4f626a656374"));
        files.put("archive.tar.gz", hex("1f8b0800000000000003edc1010d000000c2a0f74f6d0e37a00000000000000000008037039ade1d2700280000"));
        files.put("archive.7z", hex("377abcaf271c000492d2a5f40000000000000000000000000000000000"));
        files.put("database.sqlite", TestFiles.concat("SQLite format 3\u0000".getBytes(StandardCharsets.US_ASCII), new byte[84]));
        files.put("photo.heic", hex("00000018667479706865696300000000686569636d69663100000000"));
        files.put("scan.tiff", hex("49492a00080000000000"));
        files.put("picture.bmp", TestFiles.concat(hex("424d3a000000000000003600000028000000"), new byte[40]));
        files.put("script.sh", "#!/bin/sh\nrm -rf /tmp/cache\n".getBytes(StandardCharsets.US_ASCII));

        // mislabelled: the name promises what the bytes are not
        files.put("notes-named-as.png", "Meeting notes: nothing here is an image.\n".getBytes(StandardCharsets.UTF_8));
        byte[] noise = new byte[512];
        random.nextBytes(noise);
        noise[0] = 0x01;
        files.put("noise-named-as.jpg", noise);
        files.put("noise.bin", noise);

        // above a maxFileSize of 1024 bytes
        files.put("large-text.txt", "Lorem ipsum dolor sit amet. ".repeat(80).getBytes(StandardCharsets.US_ASCII));
        files.put("large-image.png", png);

        // URLs that must never be fetched or sent
        files.put("url-file-scheme.txt", "file:///etc/passwd".getBytes(StandardCharsets.US_ASCII));
        files.put("url-jar-scheme.txt", "jar:file:/opt/app/app.jar!/secrets.png".getBytes(StandardCharsets.US_ASCII));
        files.put("url-ftp-scheme.txt", "ftp://files.example.org/photo.png".getBytes(StandardCharsets.US_ASCII));
        files.put("url-no-scheme.txt", "//images.example.org/photo.png".getBytes(StandardCharsets.US_ASCII));
        files.put("url-malformed.txt", "https://images.exa[mple.org/photo.png".getBytes(StandardCharsets.US_ASCII));
        files.put("url-no-host.txt", "https:///photo.png".getBytes(StandardCharsets.US_ASCII));
        files.put("url-audio.txt", "https://media.example.org/interview.mp3".getBytes(StandardCharsets.US_ASCII));

        // links that would take internal addresses or credentials to a third party (refused with internalUrls=refuse)
        files.put("text-metadata-url.txt", "Summarise http://169.254.169.254/latest/meta-data/iam/security-credentials/"
                .getBytes(StandardCharsets.US_ASCII));
        files.put("text-localhost-url.txt", "Check http://localhost:8080/admin/users".getBytes(StandardCharsets.US_ASCII));
        files.put("text-private-url.txt", "See the runbook at http://10.0.12.7/wiki/Runbook".getBytes(StandardCharsets.US_ASCII));
        files.put("text-url-with-token.txt", "Read https://files.example.com/report.pdf?X-Amz-Expires=60&X-Amz-Signature=0123abcd"
                .getBytes(StandardCharsets.US_ASCII));
        files.put("url-link-local.txt", "http://169.254.169.254/latest/meta-data/".getBytes(StandardCharsets.US_ASCII));
        files.put("url-with-password.txt", "https://scanner:hunter2@images.example.org/photo.png".getBytes(StandardCharsets.US_ASCII));

        // a valid prompt, for the header cases
        files.put("prompt.txt", "Summarise the attached report in three bullet points.".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static byte[] noiseImage(String format, int size, Random random) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return TestFiles.encode(image, format);
    }

    private static byte[] zip(Random random, int entryBytes) {
        byte[] data = new byte[entryBytes];
        random.nextBytes(data);
        return zipOf(Map.of("data.bin", data));
    }

    private static byte[] docx() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/"
                                            + "2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType="
                                            + "\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main"
                                            + "+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
        entries.put("word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8));
        return zipOf(entries);
    }

    private static byte[] zipOf(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTime(0);
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A DOS/PE header: "MZ", the PE offset at 0x3C, "PE\0\0". */
    private static byte[] executable() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    private static byte[] elf() {
        byte[] elf = new byte[64];
        System.arraycopy(hex("7f454c46020101000000000000000000"), 0, elf, 0, 16);
        elf[16] = 2;
        elf[18] = 0x3E;
        return elf;
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
