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
 * </pre>
 */
record Usage(long promptTokens, long completionTokens, BigDecimal cost, long reasoningTokens, long cachedTokens,
             long cacheWriteTokens) {

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
        return new Usage(promptTokens, completionTokens, cost.signum() == 0 ? BigDecimal.ZERO : cost, reasoningTokens, 0, 0);
    }

    /** The same usage with a prompt-cache outcome: tokens read from the cache, or written to it. */
    Usage withCache(long cached, long written) {
        return new Usage(promptTokens, completionTokens, cost, reasoningTokens, cached, written);
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
        usage.put("is_byok", false);
        ObjectNode prompt = usage.putObject("prompt_tokens_details").put("cached_tokens", cachedTokens);
        if (cacheWriteTokens > 0) {
            prompt.put("cache_write_tokens", cacheWriteTokens);
        }
        usage.putObject("completion_tokens_details").put("reasoning_tokens", reasoningTokens);
        return usage;
    }
}
