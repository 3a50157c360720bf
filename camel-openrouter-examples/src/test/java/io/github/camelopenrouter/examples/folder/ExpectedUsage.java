package io.github.camelopenrouter.examples.folder;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The simulator's documented usage formula (see the simulator's Usage javadoc), recomputed here so the tests check
 * the numbers the route wrote instead of copying them from a run. Only what the folder examples send: one text part,
 * images, PDF pages, no OCR charge (the examples use the free cloudflare-ai engine).
 */
public record ExpectedUsage(long promptTokens, long completionTokens, String cost) {

    public static ExpectedUsage of(String promptText, int images, int pdfPages, String reply) {
        long prompt = ceilQuarter(promptText.length()) + 85L * images + 500L * pdfPages;
        long completion = ceilQuarter(reply.length());
        BigDecimal cost = new BigDecimal("0.0000003").multiply(BigDecimal.valueOf(prompt))
                .add(new BigDecimal("0.0000025").multiply(BigDecimal.valueOf(completion)))
                .setScale(8, RoundingMode.HALF_UP).stripTrailingZeros();
        return new ExpectedUsage(prompt, completion, cost.toPlainString());
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }

    private static long ceilQuarter(long value) {
        return (value + 3) / 4;
    }
}
