package io.github.camelopenrouter.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.camelopenrouter.benchmarks.peers.PeerKind;

/**
 * Finds the smallest -Xmx at which a peer sends a document twice: child JVMs with ever smaller (or, from a first
 * failure, larger) heaps, then a binary search between the largest failure and the smallest success, down to 1 MB or
 * 1/32 of the heap, whichever is larger. A child that runs out of heap exits at once (ExitOnOutOfMemoryError); one
 * that thrashes in GC longer than the timeout counts as a failure too.
 */
final class HeapSearch {

    static final int FLOOR_MB = 4;
    static final int CEILING_MB = 4096;

    private HeapSearch() {
    }

    /** The smallest heap found, with the probes made; {@code mb} is -1 when even the ceiling failed. */
    record Found(int mb, List<String> probes) {
    }

    static Found smallestHeap(PeerKind peer, Path pdf, int firstGuessMb, int resolutionMb, List<String> childArguments,
            Duration timeout) {
        List<String> probes = new ArrayList<>();
        int fail = FLOOR_MB;
        int ok = -1;
        int guess = Math.max(FLOOR_MB + 1, firstGuessMb);
        while (ok < 0) {
            if (probe(peer, pdf, guess, childArguments, timeout, probes)) {
                ok = guess;
            } else {
                fail = guess;
                if (guess >= CEILING_MB) {
                    return new Found(-1, probes);
                }
                guess = Math.min(CEILING_MB, guess * 2);
            }
        }
        while (ok - fail > Math.max(resolutionMb, ok / 32)) {
            int middle = (ok + fail) / 2;
            if (probe(peer, pdf, middle, childArguments, timeout, probes)) {
                ok = middle;
            } else {
                fail = middle;
            }
        }
        return new Found(ok, probes);
    }

    private static boolean probe(PeerKind peer, Path pdf, int mb, List<String> childArguments, Duration timeout,
            List<String> probes) {
        List<String> arguments = new ArrayList<>(childArguments);
        arguments.add("--probe");
        arguments.add(pdf.toString());
        ChildJvm.Outcome outcome = ChildJvm.run(mb + "m", arguments, timeout, true);
        boolean ok = outcome.exitCode() == 0;
        probes.add(mb + (ok ? " ok" : outcome.exitCode() == -1 ? " timeout" : " fail"));
        return ok;
    }
}
