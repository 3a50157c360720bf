package io.github.camelopenrouter.docstest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.github.camelopenrouter.OpenRouterComponent;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.TestPdfs;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A documented file route, run as its reader would: the folders {@code inbox} and {@code outbox} (made temporary
 * folders here), the component given a key and pointed at the simulator the way an application configures it. It gets
 * a PNG and a PDF with the same base name and a zip; the two answers must land under distinct names, the originals in
 * {@code .done}, and the zip in {@code .failed} once, with the reason - not retried on every poll.
 */
final class FileRouteRun {

    /** {@code file:inbox} / {@code file:outbox} in the doc, as temporary folders of the run. */
    static String withFolders(String route, Path dir) {
        return route.replace("file:inbox", "file:" + dir.resolve("inbox").toString().replace('\\', '/'))
                .replace("file:outbox", "file:" + dir.resolve("outbox").toString().replace('\\', '/'));
    }

    interface Routes {
        void addTo(CamelContext context) throws Exception;
    }

    private FileRouteRun() {
    }

    static void run(String documented, Path dir, Routes routes) throws Exception {
        assertThat(documented).as("a block marked run must read file:inbox (else mark it compile or syntax-only)")
                .contains("file:inbox");
        Map<String, List<Exception>> failures = new ConcurrentHashMap<>();
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start();
             CamelContext context = new DefaultCamelContext()) {
            OpenRouterComponent component = context.getComponent("openrouter", OpenRouterComponent.class);
            component.getConfiguration().setApiKey("sk-or-v1-docs-test");
            component.getConfiguration().setBaseUrl(simulator.baseUrl());
            context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    Exchange exchange = ((CamelEvent.ExchangeFailedEvent) event).getExchange();
                    failures.computeIfAbsent(exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, "?", String.class),
                            k -> new CopyOnWriteArrayList<>()).add(exchange.getException());
                }

                @Override
                public boolean isEnabled(CamelEvent event) {
                    return event instanceof CamelEvent.ExchangeFailedEvent;
                }
            });
            routes.addTo(context);
            context.start();

            Path inbox = Files.createDirectories(dir.resolve("inbox"));
            drop(dir, inbox, "report.png", png());
            drop(dir, inbox, "report.pdf", TestPdfs.withText("Revenue up 12 percent"));
            drop(dir, inbox, "archive.zip", new byte[] { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6 });

            long deadline = System.nanoTime() + 45_000_000_000L;
            while (System.nanoTime() < deadline && !(names(inbox.resolve(".done")).size() == 2
                                                      && names(inbox.resolve(".failed")).contains("archive.zip"))) {
                Thread.sleep(100);
            }
            // a few more polls: a failed file that is not moved away would fail again here
            Thread.sleep(2000);

            assertThat(names(inbox.resolve(".done"))).as("originals moved to inbox/.done (move=.done)")
                    .containsExactly("report.pdf", "report.png");
            assertThat(names(inbox.resolve(".failed"))).as("the zip parked in inbox/.failed (moveFailed=.failed)")
                    .contains("archive.zip");
            assertThat(failures.getOrDefault("archive.zip", List.of())).as("the zip failed once, not on every poll")
                    .hasSize(1).first().satisfies(e -> assertThat(e.getMessage()).as("the reason").contains("zip"));
            assertThat(failures.keySet()).as("files that failed").containsExactly("archive.zip");
            assertThat(simulator.requests()).as("requests sent: the zip is refused before sending").hasSize(2);
            if (documented.contains("file:outbox")) {
                List<String> answers = names(dir.resolve("outbox"));
                assertThat(answers).as("one answer per file, under distinct names").hasSize(2).doesNotHaveDuplicates();
                for (String answer : answers) {
                    assertThat(Files.readString(dir.resolve("outbox").resolve(answer))).startsWith("Received ");
                }
            }
        }
    }

    private static void drop(Path dir, Path inbox, String name, byte[] bytes) throws Exception {
        // written beside the inbox and moved in, so the consumer never sees half a file
        Path staged = dir.resolve(name + ".part");
        Files.write(staged, bytes);
        Files.move(staged, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    static List<String> names(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
