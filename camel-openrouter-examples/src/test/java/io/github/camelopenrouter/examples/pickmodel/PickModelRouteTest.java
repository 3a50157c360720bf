package io.github.camelopenrouter.examples.pickmodel;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelopenrouter.OpenRouterComponent;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.TestPdfs;
import io.github.camelopenrouter.wire.ModelInfo;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelopenrouter.examples.folder.InboxFiles.drop;
import static io.github.camelopenrouter.examples.folder.InboxFiles.namesIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The "pick a model for this attachment" example, Java route and YAML file, against the simulator's model catalog:
 * the cheapest model with file input is chosen, the list is asked for once, and the PDF reaches that model.
 */
class PickModelRouteTest {

    private static final String PROMPT = "Summarise this document in three short bullet points.";
    /** The simulator's cheapest model with file input: 0.00000015 USD per prompt token. */
    private static final String CHEAPEST = "openai/gpt-4o-mini";

    private static OpenRouterSimulator simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() {
        simulator = OpenRouterSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void theJavaRouteAnswersEachPdfWithTheCheapestModelThatTakesFiles() throws Exception {
        Path inbox = dir.resolve("inbox");
        Path outbox = dir.resolve("outbox");
        CamelContext camel = new DefaultCamelContext();
        OpenRouterComponent openRouter = new OpenRouterComponent();
        openRouter.getConfiguration().setApiKey("sk-or-v1-pick-model-test");
        openRouter.getConfiguration().setBaseUrl(simulator.baseUrl());
        camel.addComponent("openrouter", openRouter);
        camel.addRoutes(new PickModelRoute(inbox.toString(), outbox.toString(), PROMPT));
        camel.start();
        try {
            assertAnswered(camel, inbox, outbox, "");
        } finally {
            camel.stop();
        }
    }

    @Test
    void theYamlRouteDoesTheSame() throws Exception {
        Path inbox = dir.resolve("inbox");
        Path outbox = dir.resolve("outbox");
        Main main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/pick-model-for-attachment.yaml");
        main.addInitialProperty("inbox", inbox.toString());
        main.addInitialProperty("outbox", outbox.toString());
        main.addInitialProperty("camel.component.openrouter.api-key", "sk-or-v1-pick-model-test");
        main.addInitialProperty("camel.component.openrouter.base-url", simulator.baseUrl());
        main.start();
        try {
            assertAnswered(main.getCamelContext(), inbox, outbox, "\n");
        } finally {
            main.stop();
        }
    }

    private static void assertAnswered(CamelContext camel, Path inbox, Path outbox, String lastLine) throws Exception {
        NotifyBuilder answered = new NotifyBuilder(camel).whenCompleted(2).create();
        drop(inbox, "minutes.pdf", TestPdfs.withText("Minutes of the board meeting"));
        drop(inbox, "offer.pdf", TestPdfs.withText("Offer 12"));
        assertThat(answered.matches(20, TimeUnit.SECONDS)).as("both PDFs answered").isTrue();

        assertThat(simulator.apiRequests()).as("one model list for both files (the component's cache)")
                .extracting(r -> r.method() + " " + r.path() + "?" + r.query())
                .containsExactly("GET /api/v1/models?input_modalities=file");
        assertThat(simulator.requests()).hasSize(2).allSatisfy(request -> {
            assertThat(request.json().get("model").asText()).isEqualTo(CHEAPEST);
            assertThat(request.json().at("/messages/0/content/1/file/file_data").asText())
                    .startsWith("data:application/pdf;base64,");
        });
        assertThat(Files.readString(outbox.resolve("minutes.pdf.md"))).isEqualTo("model: " + CHEAPEST + "\n\n"
                + "Received 1 text part, 0 images, 1 file, 0 audio, 0 video. Files: minutes.pdf. Text: \"" + PROMPT
                + "\" Parsed minutes.pdf with cloudflare-ai: Minutes of the board meeting" + lastLine);
        assertThat(namesIn(inbox.resolve(".done"))).containsExactly("minutes.pdf", "offer.pdf");
    }

    @Test
    void theCheapestIsByPromptPriceThenCompletionPriceAndFreeVariantsAreLeftOut() {
        // the records are built inline, not by a helper or lambda: the Kamelet test run discovers this class without
        // the component on its class path, and a method (even a lambda's) whose signature names ModelInfo fails there (a
        // List<ModelInfo> erases to List)
        assertThat(CheapestModel.id(List.of(
                new ModelInfo("a", "a", 1L, null, new ModelInfo.Pricing(new BigDecimal("0.000001"), new BigDecimal("0.000001")), null),
                new ModelInfo("b", "b", 1L, null, new ModelInfo.Pricing(new BigDecimal("0.0000005"), new BigDecimal("0.00002")), null),
                new ModelInfo("c", "c", 1L, null, new ModelInfo.Pricing(new BigDecimal("0.0000005"), new BigDecimal("0.00001")), null),
                new ModelInfo("d:free", "d", 1L, null, new ModelInfo.Pricing(BigDecimal.ZERO, BigDecimal.ZERO), null),
                new ModelInfo("e", "e", 1L, null, null, null)))).isEqualTo("c");
        List<ModelInfo> onlyFree = List.of(new ModelInfo("x:free", "x", 1L, null, new ModelInfo.Pricing(BigDecimal.ZERO,
                BigDecimal.ZERO), null));
        assertThatThrownBy(() -> CheapestModel.id(onlyFree))
                .hasMessage("No model to choose from: of the 1 model(s) OpenRouter listed, none is a paid one (:free variants are"
                            + " left out)");
    }
}
