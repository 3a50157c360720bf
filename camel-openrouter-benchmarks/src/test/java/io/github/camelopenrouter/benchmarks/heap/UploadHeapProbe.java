package io.github.camelopenrouter.benchmarks.heap;

import java.nio.file.Path;

import io.github.camelopenrouter.OpenRouterComponent;
import io.github.camelopenrouter.OpenRouterConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run in a JVM of its own with a small {@code -Xmx} by {@link UploadHeapTest}: sends one file through one operation
 * ({@code files}: upload to the Files API; {@code chat}: the same file inline in a chat request) and prints what came
 * back. Exits 0 on success, 1 when the exchange failed, 3 on OutOfMemoryError ({@code -XX:+ExitOnOutOfMemoryError}).
 *
 * <p>Arguments: base URL, file, operation.
 */
public final class UploadHeapProbe {

    static final String RESULT = "RESULT ";

    private UploadHeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        Path file = Path.of(args[1]);
        String uri = switch (args[2]) {
            case "files" -> "openrouter:files";
            case "chat" -> "openrouter:chat?model=openai/gpt-4o-mini&pdfEngine=cloudflare-ai&prompt=Summarise";
            default -> throw new IllegalArgumentException("operation files or chat, got " + args[2]);
        };
        CamelContext camel = new DefaultCamelContext();
        OpenRouterComponent openRouter = new OpenRouterComponent();
        openRouter.getConfiguration().setApiKey("sk-or-v1-heap-probe");
        openRouter.getConfiguration().setBaseUrl(baseUrl);
        openRouter.getConfiguration().setMaxRetries(0);
        camel.addComponent("openrouter", openRouter);
        camel.start();
        int status;
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            // a File body: streamed from disk by both operations, never read into memory as a whole
            Exchange exchange = template.send(uri, e -> e.getMessage().setBody(file.toFile()));
            if (exchange.getException() != null) {
                System.out.println(RESULT + "failed " + exchange.getException());
                status = 1;
            } else {
                Object id = exchange.getMessage().getHeader(OpenRouterConstants.FILE_ID);
                System.out.println(RESULT + (id != null ? "file " + id : "answer " + exchange.getMessage().getBody(String.class)));
                status = 0;
            }
        } finally {
            camel.stop();
        }
        System.exit(status);
    }
}
