package io.github.camelopenrouter;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A PDF sent without an engine may be parsed by OpenRouter's paid OCR: the endpoint says so once, not per message. */
class PdfEngineWarningTest extends OpenRouterTestSupport {

    @Test
    void warnsOncePerEndpointWhenPdfsGoOutWithoutAnEngine() {
        try (LogCapture log = LogCapture.everything()) {
            sendOk("openrouter:chat?model=a/b", TestFiles.pdf("one"));
            sendOk("openrouter:chat?model=a/b", TestFiles.pdf("two"));
            sendOk("openrouter:chat?model=a/b&pdfEngine=cloudflare-ai", TestFiles.pdf("three"));
            sendOk("openrouter:chat?model=c/d", TestFiles.png());

            List<String> warnings = pdfEngineWarnings(log);
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).startsWith("WARN").contains("openrouter://chat").contains("paid mistral-ocr");
        }
    }

    @Test
    void warnsAgainForAnotherEndpoint() {
        try (LogCapture log = LogCapture.everything()) {
            sendOk("openrouter:chat?model=a/b", TestFiles.pdf("one"));
            sendOk("openrouter:chat?model=x/y", TestFiles.pdf("one"));

            assertThat(pdfEngineWarnings(log)).hasSize(2);
        }
    }

    private static List<String> pdfEngineWarnings(LogCapture log) {
        return log.text().lines().filter(line -> line.contains("without a pdfEngine")).toList();
    }
}
