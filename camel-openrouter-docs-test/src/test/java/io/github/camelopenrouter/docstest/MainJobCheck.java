package io.github.camelopenrouter.docstest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the README promises of the main job's offline run, beyond its exit code. */
final class MainJobCheck {

    private MainJobCheck() {
    }

    static void check(Path copy, String output) throws Exception {
        assertThat(output).contains("OFFLINE: OPENROUTER_API_KEY is not set", "Summary: 5 files, 5 done, 0 failed");
        Path outbox = copy.resolve("camel-openrouter-examples/target/folder-job/outbox");
        List<String> answers = FileRouteRun.names(outbox);
        assertThat(answers).hasSize(5);
        for (String answer : answers) {
            String text = Files.readString(outbox.resolve(answer)).strip();
            int parsed = text.indexOf("cloudflare-ai: ");
            if (parsed >= 0) {
                String quote = text.substring(parsed + "cloudflare-ai: ".length());
                // the simulator quotes at most 200 characters: a cut quote ends on a word, with an ellipsis
                assertThat(quote.length() < 197 || quote.endsWith("...")).as("%s ends mid-text without an ellipsis: %s",
                        answer, quote).isTrue();
            }
        }
    }
}
