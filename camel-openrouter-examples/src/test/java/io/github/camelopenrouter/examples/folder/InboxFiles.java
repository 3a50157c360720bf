package io.github.camelopenrouter.examples.folder;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/** Files for the folder examples, and the way a careful user drops them: written aside, then moved in whole. */
public final class InboxFiles {

    private InboxFiles() {
    }

    /**
     * Writes the file next to the inbox, dates it a minute back and moves it in atomically, so the route's read lock
     * (a file must be unchanged for a second) takes it at once instead of waiting for it to age.
     */
    public static Path drop(Path inbox, String name, byte[] content) {
        try {
            Files.createDirectories(inbox);
            Path staging = Files.createDirectories(inbox.resolveSibling(inbox.getFileName() + "-staging"));
            Path file = Files.write(staging.resolve(name), content);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
            return Files.move(file, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small PNG: a red square on white. */
    public static byte[] png() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 32, 32);
        graphics.setColor(Color.RED);
        graphics.fillRect(8, 8, 16, 16);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A ZIP archive with one text entry: a type OpenRouter cannot take. */
    public static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("meeting notes".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Regular files directly in the directory (not in .done/.failed), by name. */
    public static List<String> namesIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
