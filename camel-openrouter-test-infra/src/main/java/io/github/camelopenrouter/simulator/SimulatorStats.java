package io.github.camelopenrouter.simulator;

import java.util.Map;

/**
 * Counters since start or the last {@link OpenRouterSimulator#reset()}. Outcomes are counted when the
 * reply is decided, before its first byte is sent, so a client that has its reply sees them counted.
 *
 * <p>Once every reply is out: {@code requests == replied2xx + rejected + faultedTotal() - faulted(DELAY)}
 * (a delayed reply is both a fault and a normal reply).
 *
 * @param requests          chat-completion requests received, faulted ones included
 * @param replied2xx        normal chat completions sent (delayed ones included)
 * @param rejected          requests answered 401 (authentication) or 400 (validation)
 * @param faultedByKind     faults applied, per kind (kinds never applied are absent)
 * @param filesParsed       PDFs parsed by the file-parser plugin (mistral-ocr / cloudflare-ai)
 * @param annotationsReused PDFs not parsed because the request carried their earlier file annotation
 */
public record SimulatorStats(long requests, long replied2xx, long rejected, Map<Fault.Kind, Long> faultedByKind,
                             long filesParsed, long annotationsReused) {

    public SimulatorStats {
        faultedByKind = Map.copyOf(faultedByKind);
    }

    public long faulted(Fault.Kind kind) {
        return faultedByKind.getOrDefault(kind, 0L);
    }

    public long faultedTotal() {
        return faultedByKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
