package io.github.camelopenrouter.media;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.github.camelopenrouter.OpenRouterInputException;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.converter.stream.CachedOutputStream;

/**
 * Turns the binary bodies a route carries into {@link BinaryContent}: files stay on disk, byte arrays stay where they
 * are, and one-shot streams are spooled through Camel's stream cache (in memory when small, to disk when large) so
 * their size is checked before sending and the request can be written again for a retry.
 */
public final class BinaryContents {

    private BinaryContents() {
    }

    /** Returns null when the body is not a binary kind this class knows. */
    public static BinaryContent from(Object body, String fileName, String contentType, long maxFileSize, Exchange exchange) {
        try {
            if (body instanceof byte[] bytes) {
                return checked(new BinaryContent(new BytesSource(bytes, "byte[] body"), head(bytes), fileName, contentType),
                        maxFileSize);
            }
            if (body instanceof File file) {
                return fromPath(file.toPath(), fileName, contentType, maxFileSize);
            }
            if (body instanceof Path path) {
                return fromPath(path, fileName, contentType, maxFileSize);
            }
            if (body instanceof WrappedFile<?> wrapped) {
                Object file = wrapped.getFile();
                if (file instanceof File local && local.isFile()) {
                    return fromPath(local.toPath(), fileName, contentType, maxFileSize);
                }
                Object downloaded = wrapped.getBody();
                return downloaded == null ? null : from(downloaded, fileName, contentType, maxFileSize, exchange);
            }
            if (body instanceof DataHandler handler) {
                String name = fileName != null ? fileName : handler.getName();
                String type = contentType != null ? contentType : handler.getContentType();
                if (handler.getDataSource() instanceof FileDataSource fds) {
                    return fromPath(fds.getFile().toPath(), name, type, maxFileSize);
                }
                try (InputStream in = handler.getInputStream()) {
                    return fromStream(in, name, type, maxFileSize, exchange);
                }
            }
            if (body instanceof StreamCache cache && body instanceof InputStream) {
                StreamCacheSource source = new StreamCacheSource(cache, fileName != null ? fileName : "stream body");
                return checked(new BinaryContent(source, headOf(source), fileName, contentType), maxFileSize);
            }
            if (body instanceof InputStream in) {
                return fromStream(in, fileName, contentType, maxFileSize, exchange);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the message body (" + body.getClass().getSimpleName() + ")", e);
        }
    }

    private static BinaryContent fromPath(Path path, String fileName, String contentType, long maxFileSize) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new OpenRouterInputException("File " + path.getFileName() + " does not exist or is not a regular file");
        }
        PathSource source = PathSource.of(path);
        String name = fileName != null ? fileName : String.valueOf(path.getFileName());
        checkSize(source.size(), name, maxFileSize);
        return new BinaryContent(source, headOf(source), name, contentType);
    }

    private static BinaryContent fromStream(InputStream in, String fileName, String contentType, long maxFileSize,
            Exchange exchange) throws IOException {
        String what = fileName != null ? fileName : "stream body";
        CachedOutputStream spool = new CachedOutputStream(exchange);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0;) {
            total += n;
            checkSize(total, what, maxFileSize);
            spool.write(buffer, 0, n);
        }
        spool.close();
        StreamCacheSource source = new StreamCacheSource(spool.newStreamCache(), what);
        return new BinaryContent(source, headOf(source), fileName, contentType);
    }

    private static BinaryContent checked(BinaryContent content, long maxFileSize) {
        checkSize(content.source().size(), content.describe(), maxFileSize);
        return content;
    }

    public static void checkSize(long size, String what, long maxFileSize) {
        if (maxFileSize > 0 && size > maxFileSize) {
            throw new OpenRouterInputException(what + " is " + (size < 0 ? "larger" : size + " bytes,") + " above maxFileSize ("
                                               + maxFileSize + " bytes): raise the maxFileSize option if the model accepts"
                                               + " larger files, or send a smaller file");
        }
    }

    private static byte[] head(byte[] bytes) {
        return bytes.length <= MediaTypeDetector.HEAD_LENGTH ? bytes : Arrays.copyOf(bytes, MediaTypeDetector.HEAD_LENGTH);
    }

    private static byte[] headOf(MediaSource source) throws IOException {
        try (InputStream in = source.open()) {
            return in.readNBytes(MediaTypeDetector.HEAD_LENGTH);
        }
    }

    /** The whole content, for text parts (bounded by maxFileSize). */
    public static byte[] readAll(MediaSource source) {
        try (InputStream in = source.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source.description(), e);
        }
    }
}
