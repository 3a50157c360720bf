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
 * completion_tokens = ceil(reply text length / 4) + reasoning_tokens
 * reasoning_tokens  = ceil(reasoning text length / 4) when reasoning is asked (also with exclude), else 0
 * cached_tokens     = prompt_tokens when the same messages were sent before with cache_control, else 0;
 *                     cache_write_tokens = prompt_tokens on the first such request
 * cost              = prompt_tokens * 0.0000003 + completion_tokens * 0.0000025
 *                     + 0.002 per page of each PDF parsed with mistral-ocr in this request,
 *                     rounded half-up to 8 decimals
 * cost_details      = upstream_inference_prompt_cost (prompt_tokens * 0.0000003) and
 *                     upstream_inference_completions_cost (completion_tokens * 0.0000025), each rounded so;
 *                     upstream_inference_cost = their sum with BYOK, else null
 * </pre>
 */
record Usage(long promptTokens, long completionTokens, BigDecimal cost, boolean byok, long reasoningTokens,
             long cachedTokens, long cacheWriteTokens) {

    static final BigDecimal PROMPT_PRICE = new BigDecimal("0.0000003");
    static final BigDecimal COMPLETION_PRICE = new BigDecimal("0.0000025");
    static final BigDecimal OCR_PAGE_PRICE = new BigDecimal("0.002");

    static long promptTokens(ConversationScan scan) {
        return ceilQuarter(scan.textChars) + 85L * scan.images + 258L * scan.audioAndVideo + 500L * scan.filePages;
    }

    static Usage of(long promptTokens, String replyText, long ocrPages) {
        return of(promptTokens, replyText, ocrPages, 0);
    }

    /** @param reasoningTokens tokens spent reasoning: part of the completion tokens, as OpenRouter counts them */
    static Usage of(long promptTokens, String replyText, long ocrPages, long reasoningTokens) {
        long completionTokens = ceilQuarter(replyText.length()) + reasoningTokens;
        BigDecimal cost = PROMPT_PRICE.multiply(BigDecimal.valueOf(promptTokens))
                .add(COMPLETION_PRICE.multiply(BigDecimal.valueOf(completionTokens)))
                .add(OCR_PAGE_PRICE.multiply(BigDecimal.valueOf(ocrPages)))
                .setScale(8, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return new Usage(promptTokens, completionTokens, cost.signum() == 0 ? BigDecimal.ZERO : cost, false, reasoningTokens,
                0, 0);
    }

    /** The same usage, billed to the user's own provider key (BYOK) or not. */
    Usage withByok(boolean value) {
        return new Usage(promptTokens, completionTokens, cost, value, reasoningTokens, cachedTokens, cacheWriteTokens);
    }

    /** The same usage with a prompt-cache outcome: tokens read from the cache, or written to it. */
    Usage withCache(long cached, long written) {
        return new Usage(promptTokens, completionTokens, cost, byok, reasoningTokens, cached, written);
    }

    private static BigDecimal price(BigDecimal perToken, long tokens) {
        BigDecimal value = perToken.multiply(BigDecimal.valueOf(tokens)).setScale(8, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return value.signum() == 0 ? BigDecimal.ZERO : value;
    }

    /** The same usage for a reply text of {@code chars} characters (a streamed answer made longer). */
    Usage withCompletionChars(long chars) {
        long tokens = ceilQuarter(chars) + reasoningTokens;
        BigDecimal adjusted = cost.add(COMPLETION_PRICE.multiply(BigDecimal.valueOf(tokens - completionTokens)))
                .setScale(8, RoundingMode.HALF_UP).stripTrailingZeros();
        return new Usage(promptTokens, tokens, adjusted.signum() == 0 ? BigDecimal.ZERO : adjusted, byok, reasoningTokens,
                cachedTokens, cacheWriteTokens);
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
        ObjectNode prompt = usage.putObject("prompt_tokens_details").put("cached_tokens", cachedTokens);
        if (cacheWriteTokens > 0) {
            prompt.put("cache_write_tokens", cacheWriteTokens);
        }
        usage.putObject("completion_tokens_details").put("reasoning_tokens", reasoningTokens);
        return usage;
    }
}
