package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Token counts and cost, by a fixed formula tests can recompute (documented for users in
 * {@link OpenRouterSimulator}: change both together):
 * <pre>
 * prompt_tokens     = ceil(text characters of all messages / 4) + 85 per image
 *                     + 258 per audio or video part + 500 per page of every file part
 * completion_tokens = ceil(reply text length / 4)
 * cost              = prompt_tokens * 0.0000003 + completion_tokens * 0.0000025
 *                     + 0.002 per page of each PDF parsed with mistral-ocr in this request,
 *                     rounded half-up to 8 decimals
 * cost_details      = upstream_inference_prompt_cost (prompt_tokens * 0.0000003) and
 *                     upstream_inference_completions_cost (completion_tokens * 0.0000025), each rounded so;
 *                     upstream_inference_cost = their sum with BYOK, else null
 * </pre>
 */
record Usage(long promptTokens, long completionTokens, BigDecimal cost, boolean byok) {

    static final BigDecimal PROMPT_PRICE = new BigDecimal("0.0000003");
    static final BigDecimal COMPLETION_PRICE = new BigDecimal("0.0000025");
    static final BigDecimal OCR_PAGE_PRICE = new BigDecimal("0.002");

    static long promptTokens(ConversationScan scan) {
        return ceilQuarter(scan.textChars) + 85L * scan.images + 258L * scan.audioAndVideo + 500L * scan.filePages;
    }

    static Usage of(long promptTokens, String replyText, long ocrPages) {
        long completionTokens = ceilQuarter(replyText.length());
        BigDecimal cost = PROMPT_PRICE.multiply(BigDecimal.valueOf(promptTokens))
                .add(COMPLETION_PRICE.multiply(BigDecimal.valueOf(completionTokens)))
                .add(OCR_PAGE_PRICE.multiply(BigDecimal.valueOf(ocrPages)))
                .setScale(8, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return new Usage(promptTokens, completionTokens, cost.signum() == 0 ? BigDecimal.ZERO : cost, false);
    }

    /** The same usage, billed to the user's own provider key (BYOK) or not. */
    Usage withByok(boolean value) {
        return new Usage(promptTokens, completionTokens, cost, value);
    }

    private static BigDecimal price(BigDecimal perToken, long tokens) {
        BigDecimal value = perToken.multiply(BigDecimal.valueOf(tokens)).setScale(8, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return value.signum() == 0 ? BigDecimal.ZERO : value;
    }

    /** The same usage for a reply text of {@code chars} characters (a streamed answer made longer). */
    Usage withCompletionChars(long chars) {
        long tokens = ceilQuarter(chars);
        BigDecimal adjusted = cost.add(COMPLETION_PRICE.multiply(BigDecimal.valueOf(tokens - completionTokens)))
                .setScale(8, RoundingMode.HALF_UP).stripTrailingZeros();
        return new Usage(promptTokens, tokens, adjusted.signum() == 0 ? BigDecimal.ZERO : adjusted, byok);
    }

    static long ceilQuarter(long value) {
        return (value + 3) / 4;
    }

    ObjectNode toJson() {
        ObjectNode usage = Json.object();
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        usage.put("cost", cost);
        usage.put("is_byok", byok);
        // what the provider charged upstream: only known (and only billed by the provider) with the user's own key
        ObjectNode costDetails = usage.putObject("cost_details");
        BigDecimal promptCost = price(PROMPT_PRICE, promptTokens);
        BigDecimal completionCost = price(COMPLETION_PRICE, completionTokens);
        if (byok) {
            costDetails.put("upstream_inference_cost", promptCost.add(completionCost));
        } else {
            costDetails.putNull("upstream_inference_cost");
        }
        costDetails.put("upstream_inference_prompt_cost", promptCost);
        costDetails.put("upstream_inference_completions_cost", completionCost);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
        return usage;
    }
}
