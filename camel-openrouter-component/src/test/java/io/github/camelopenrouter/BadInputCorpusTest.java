package io.github.camelopenrouter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.activation.DataHandler;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.Attachment;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.DefaultAttachment;
import org.apache.camel.attachment.DefaultAttachmentMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file and case of {@code src/test/resources/bad-input/} (table: {@code cases.csv}, files made by
 * {@link BadInputCorpusGenerator}) goes through the real component against the simulator. Each is refused with an
 * {@link OpenRouterInputException} whose message names the problem, and nothing reaches the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one Camel context for all cases; the simulator is reset before each
class BadInputCorpusTest extends OpenRouterTestSupport {

    private static final Path CORPUS = corpusFolder();

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/bad-input/cases.csv", numLinesToSkip = 1)
    void isRefusedBeforeAnythingIsSent(String name, String files, String bodyKind, String options, String headers,
                                       String expected) throws Exception {
        String uri = "openrouter:chat" + (options == null ? "" : "?" + options);

        Exchange exchange = template.send(uri, e -> {
            if ("mail".equals(bodyKind)) {
                e.setMessage(mail(e, files));
            } else {
                e.getMessage().setBody(body(bodyKind, files));
            }
            e.getMessage().getHeaders().putAll(headers(headers));
        });

        assertThat(exchange.getException()).as(name).isInstanceOf(OpenRouterInputException.class);
        assertThat(exchange.getException().getMessage()).as(name).contains(expected);
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("invalid_input");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(0);
        assertThat(simulator.requestCount()).as("requests the simulator received").isZero();
    }

    @Test
    void theTableHasAtLeastFortyCasesAndUsesEveryFile() throws IOException {
        List<String> lines = Files.readAllLines(CORPUS.resolve("cases.csv"));
        Set<String> used = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            for (String file : line.split(",", -1)[1].split(";")) {
                used.add(file.contains("<-") ? file.substring(file.indexOf("<-") + 2) : file.replace("=null", ""));
            }
        }
        Set<String> files = new HashSet<>();
        try (Stream<Path> listing = Files.list(CORPUS)) {
            listing.map(p -> p.getFileName().toString()).filter(n -> !n.equals("cases.csv") && !n.equals("README.md"))
                    .forEach(files::add);
        }

        assertThat(lines).hasSizeGreaterThan(40);
        assertThat(used).containsAll(files);
        assertThat(files).containsExactlyInAnyOrderElementsOf(BadInputCorpusGenerator.files().keySet());
    }

    /** The structural check looks at content whose type came from its bytes; a caller who sets the type vouches for it. */
    @Test
    void aTruncatedImageIsSentWhenTheCallerSetsItsTypeExplicitly() throws IOException {
        byte[] half = Files.readAllBytes(CORPUS.resolve("png-cut-in-half.png"));

        sendOk("openrouter:chat", half, Map.of(OpenRouterConstants.MEDIA_TYPE, "image/png"));

        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    private static Object body(String kind, String files) throws IOException, URISyntaxException {
        return switch (kind) {
            case "file" -> file(files).toFile();
            case "path" -> file(files);
            case "bytes" -> bytes(files);
            case "stream" -> new ByteArrayInputStream(bytes(files));
            case "text" -> text(files);
            case "url" -> new URI(text(files)).toURL();
            case "uri" -> new URI(text(files));
            case "null" -> null;
            case "list" -> list(files);
            case "selflist" -> {
                List<Object> self = list(files);
                self.add(self);
                yield self;
            }
            case "deeplist" -> {
                Object deep = text(files);
                for (int i = 0; i < 50_000; i++) {
                    deep = List.of(deep);
                }
                yield deep;
            }
            case "map" -> new HashMap<>(Map.of("question", "What is this?"));
            case "directory" -> CORPUS.toFile();
            case "missing" -> CORPUS.resolve(files).toFile();
            default -> throw new IllegalArgumentException("unknown body kind " + kind);
        };
    }

    private static List<Object> list(String files) throws IOException {
        List<Object> items = new ArrayList<>();
        if (files != null) {
            for (String file : files.split(";")) {
                items.add(file.endsWith(".txt") ? text(file) : bytes(file));
            }
        }
        return items;
    }

    /**
     * A mail without text whose attachments are the listed files; {@code name=null} is an attachment that is null,
     * {@code name<-file} an attachment called name (with {@code \n} for a line break) holding the file.
     */
    private static AttachmentMessage mail(Exchange exchange, String files) throws IOException {
        AttachmentMessage mail = new DefaultAttachmentMessage(exchange.getMessage());
        mail.setBody(null);
        Map<String, Attachment> attachments = new LinkedHashMap<>();
        for (String file : files.split(";")) {
            if (file.endsWith("=null")) {
                attachments.put(file.substring(0, file.length() - 5), null);
            } else if (file.contains("<-")) {
                String name = file.substring(0, file.indexOf("<-")).replace("\\n", "\n");
                String content = file.substring(file.indexOf("<-") + 2);
                attachments.put(name, new DefaultAttachment(
                        new DataHandler(new InMemoryDataSource(bytes(content), "application/octet-stream", name))));
            } else {
                attachments.put(file, new DefaultAttachment(
                        new DataHandler(new InMemoryDataSource(bytes(file), "application/octet-stream", file))));
            }
        }
        mail.setAttachmentObjects(attachments);
        return mail;
    }

    private static Map<String, Object> headers(String spec) {
        Map<String, Object> headers = new HashMap<>();
        if (spec != null) {
            for (String pair : spec.split(";")) {
                int eq = pair.indexOf('=');
                headers.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return headers;
    }

    private static Path file(String name) {
        return CORPUS.resolve(name);
    }

    private static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(file(name));
    }

    private static String text(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static Path corpusFolder() {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("/bad-input/cases.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
