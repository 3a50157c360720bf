package io.github.camelopenrouter;

import java.util.List;

import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A PDF sent without an engine may be parsed by OpenRouter's paid OCR: the endpoint says so once, not per message. */
class PdfEngineWarningTest extends OpenRouterTestSupport {

    @Test
    void warnsOncePerEndpointWhenPdfsGoOutWithoutAnEngine() {
        try (LogCapture log = LogCapture.start("io.github.camelopenrouter", Level.WARN)) {
            sendOk("openrouter:chat?model=a/b", TestFiles.pdf("one"));
            sendOk("openrouter:chat?model=a/b", TestFiles.pdf("two"));
            sendOk("openrouter:chat?model=a/b&pdfEngine=cloudflare-ai", TestFiles.pdf("three"));
            sendOk("openrouter:chat?model=c/d", TestFiles.png());

            List<String> warnings = log.messages(Level.WARN);
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("openrouter://chat").contains("without a pdfEngine")
                    .contains("paid mistral-ocr");
        }
    }

    @Test
    void warnsAgainForAnotherEndpoint() {
        try (LogCapture log = LogCapture.start("io.github.camelopenrouter", Level.WARN)) {
            sendOk("openrouter:chat?model=a/b", TestFiles.pdf("one"));
            sendOk("openrouter:chat?model=x/y", TestFiles.pdf("one"));

            assertThat(log.messages(Level.WARN)).hasSize(2);
        }
    }
}
