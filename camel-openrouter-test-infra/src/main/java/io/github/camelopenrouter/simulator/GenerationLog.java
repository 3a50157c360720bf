package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code GET /generation?id=...} answers: one record per chat completion or embedding the simulator served,
 * readable only {@link #delay()} after the reply, as on OpenRouter where the record appears a moment after the call.
 */
final class GenerationLog {

    static final Duration DEFAULT_DELAY = Duration.ofMillis(300);

    /** A served call, in the shape of the SDK's {@code GenerationResponseData}. */
    record Call(String id, String model, String apiType, long promptTokens, long completionTokens, BigDecimal cost,
                boolean streamed, String finishReason, String referer, long latencyMillis) {
    }

    private record Entry(ObjectNode data, long readableAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile Duration delay = DEFAULT_DELAY;

    void record(Call call) {
        entries.put(call.id(), new Entry(toJson(call), System.nanoTime() + delay.toNanos()));
    }

    /** @return the record, or null when there is none (yet) */
    ObjectNode readable(String id) {
        Entry entry = entries.get(id);
        return entry == null || System.nanoTime() < entry.readableAtNanos() ? null : entry.data();
    }

    Duration delay() {
        return delay;
    }

    void delay(Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("generation delay must be zero or positive, got " + value);
        }
        delay = value;
    }

    void clear() {
        entries.clear();
        delay = DEFAULT_DELAY;
    }

    private static ObjectNode toJson(Call call) {
        ObjectNode data = Json.object();
        data.put("id", call.id());
        data.putNull("upstream_id");
        data.put("total_cost", call.cost());
        data.put("cache_discount", (Double) null);
        data.putNull("upstream_inference_cost");
        data.put("created_at", Instant.now().toString());
        data.put("model", call.model());
        data.putNull("app_id");
        data.put("streamed", call.streamed());
        data.put("cancelled", false);
        data.put("provider_name", ErrorBodies.PROVIDER_NAME);
        data.put("latency", call.latencyMillis());
        data.put("moderation_latency", 0);
        data.put("generation_time", call.latencyMillis());
        data.put("finish_reason", call.finishReason());
        data.put("native_finish_reason", call.finishReason());
        data.put("tokens_prompt", call.promptTokens());
        data.put("tokens_completion", call.completionTokens());
        data.put("native_tokens_prompt", call.promptTokens());
        data.put("native_tokens_completion", call.completionTokens());
        data.put("native_tokens_completion_images", 0);
        data.put("native_tokens_reasoning", 0);
        data.put("native_tokens_cached", 0);
        data.put("num_media_prompt", 0);
        data.put("num_input_audio_prompt", 0);
        data.put("num_media_completion", 0);
        data.put("num_search_results", 0);
        data.put("num_fetches", 0);
        data.put("origin", call.referer() == null ? "" : call.referer());
        data.put("usage", call.cost());
        data.put("is_byok", false);
        data.put("api_type", call.apiType());
        data.put("data_region", "global");
        data.putNull("external_user");
        data.put("http_referer", call.referer());
        data.putNull("preset_id");
        data.putNull("provider_responses");
        data.put("router", (String) null);
        data.putNull("service_tier");
        data.putNull("user_agent");
        data.putNull("web_search_engine");
        data.putNull("workspace_id");
        return data;
    }
}
