package io.github.camelopenrouter.operation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.camelopenrouter.client.ApiOutcome;
import io.github.camelopenrouter.wire.ModelInfo;

/**
 * Model lists already fetched, per query (filters), shared by every endpoint of a component: the models operation and
 * checkModalities ask OpenRouter once per {@code modelsCacheTtl}. Concurrent first requests share one fetch; a failed
 * fetch is not kept.
 */
public final class ModelsCache {

    private record Entry(CompletableFuture<ApiOutcome<List<ModelInfo>>> fetch, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param  ttlMillis how long a fetched list is kept; 0 or less always fetches
     * @return           the list, with attempts 0 when it came from the cache
     */
    CompletableFuture<ApiOutcome<List<ModelInfo>>> get(String query, long ttlMillis,
            Supplier<CompletableFuture<ApiOutcome<List<ModelInfo>>>> fetch) {
        if (ttlMillis <= 0) {
            return fetch.get();
        }
        long now = System.nanoTime();
        Entry[] created = new Entry[1];
        Entry entry = entries.compute(query, (key, existing) -> {
            if (existing != null && existing.expiresAtNanos() - now > 0) {
                return existing;
            }
            created[0] = new Entry(fetch.get(), now + ttlMillis * 1_000_000);
            return created[0];
        });
        if (entry == created[0]) {
            // the caller sees the outcome only after a failed fetch is forgotten: its next exchange asks again
            return entry.fetch().whenComplete((outcome, failure) -> {
                if (failure != null || !outcome.succeeded()) {
                    entries.remove(query, entry);
                }
            });
        }
        return entry.fetch().thenApply(outcome -> outcome.succeeded()
                ? new ApiOutcome<>(outcome.result(), null, 0) : outcome);
    }

    /** Forgets every list (for example after a model was added to the account). */
    public void clear() {
        entries.clear();
    }
}
