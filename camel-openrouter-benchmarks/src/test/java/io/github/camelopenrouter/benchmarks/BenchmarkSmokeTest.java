package io.github.camelopenrouter.benchmarks;

import java.nio.file.Path;
import java.util.List;

import io.github.camelopenrouter.benchmarks.peers.PeerKind;
import io.github.camelopenrouter.benchmarks.server.BenchServerStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole benchmark at the smoke size - every workload, every peer, in child JVMs against the real server, and
 * one -Xmx search - so a peer or workload that stops working fails the build instead of rotting until the next full
 * run. It checks that each peer's requests arrived as sent, not how fast they were.
 */
class BenchmarkSmokeTest {

    @TempDir
    Path work;

    @Test
    void everyPeerRunsEveryWorkloadAndTheServerReceivesWhatWasSent() {
        Profile profile = Profile.SMOKE;
        List<PeerKind> peers = List.of(PeerKind.values());
        List<Workload> workloads = List.of(Workload.values());

        Report report = new BenchmarkMain(profile, peers, workloads, work, true).run();

        for (Workload workload : workloads) {
            for (PeerKind peer : peers) {
                RunResult result = report.result(workload, peer);
                if (!peer.runs(workload)) {
                    assertThat(result).as("%s %s", peer, workload).isNull();
                    continue;
                }
                assertThat(result).as("%s %s", peer, workload).isNotNull();
                assertThat(result.failure()).as("%s %s", peer, workload).isNull();
                long expected = switch (workload) {
                    case W1 -> (long) profile.w1Batches() * profile.w1BatchSize();
                    case W2 -> (long) profile.w2Batches() * profile.w2BatchSize();
                    case W3 -> profile.w3Requests();
                    case W4 -> (long) profile.w4Rounds() * profile.w4InFlight();
                    case W5 -> profile.w5Requests();
                };
                assertThat(result.requestsSent()).as("%s %s sent", peer, workload).isEqualTo(expected);
                if (workload == Workload.W5) {
                    // a peer may lose exchanges to the rate limit (that is what W5 measures); the server saw the
                    // capacity respected and counted the 429s
                    assertThat(result.figure("wallMs")).as("%s W5 time", peer).isPositive();
                    assertThat(result.figure("serverPeakInProgress")).as("%s W5", peer)
                            .isLessThanOrEqualTo(profile.w5Capacity());
                    assertThat(result.figure("refusals429")).as("%s W5 429s", peer).isNotNull();
                    continue;
                }
                assertThat(result.requestsValidAtServer()).as("%s %s valid at the server", peer, workload).isEqualTo(expected);
                String timeFigure = workload == Workload.W4 ? "wallMs" : "wallUsPerRequest";
                assertThat(result.figure(timeFigure)).as("%s %s time", peer, workload).isPositive();
                if (workload == Workload.W2 || workload == Workload.W3) {
                    // every peer sent the whole file: the same request size as the floor's pre-built JSON, give or
                    // take the bytes of a differently written envelope
                    double floorBytes = report.result(workload, PeerKind.FLOOR).figure("requestBytes");
                    assertThat(result.figure("requestBytes")).as("%s %s request bytes", peer, workload)
                            .isBetween(floorBytes - 200, floorBytes + 200);
                }
            }
        }

        // the non-blocking peers had many W4 requests waiting at the server at the same moment from one calling
        // thread (how many depends on timing at this size: the full run reports it)
        for (PeerKind async : List.of(PeerKind.FLOOR, PeerKind.COMPONENT)) {
            assertThat(report.result(Workload.W4, async).figure("serverPeakWaiting")).as("%s W4", async)
                    .isGreaterThan(profile.w4InFlight() / 2.0).isLessThanOrEqualTo(profile.w4InFlight());
        }
        assertThat(report.heapMb(PeerKind.COMPONENT, profile.smallPdfBytes())).isPositive();

        BenchServerStats total = report.serverTotal();
        assertThat(total.invalidJson()).isZero();
        assertThat(total.unauthorized()).isZero();
        assertThat(total.validJson()).isEqualTo(total.requests()).isPositive();
        assertThat(report.slowServerTotal().validJson()).isEqualTo(report.slowServerTotal().requests()).isPositive();
        assertThat(report.allRan()).isTrue();
        // the component lost no exchange to the rate limit
        assertThat(report.result(Workload.W5, PeerKind.COMPONENT).figure("failed")).isZero();
        assertThat(report.markdown()).contains("### W1", "### W2", "### W3", "### W4", "### W5", "Targets for the component");
    }

    /** W6 at a tiny size: every streaming peer reads whole answers of the asked number of deltas. */
    @Test
    void w6StreamsEveryPeersAnswersWholeAndTimesTheFirstToken() throws Exception {
        List<io.github.camelopenrouter.benchmarks.streaming.StreamingBenchmark.Result> results =
                io.github.camelopenrouter.benchmarks.streaming.StreamingBenchmark.run(3, 2, 20);

        assertThat(results).hasSize(3);
        for (var result : results) {
            assertThat(result.ttftMedianMs()).as(result.peer()).isPositive();
            assertThat(result.cpuMsPerAnswer()).as(result.peer()).isPositive();
        }
        assertThat(results.get(0).lastText()).isEqualTo("21 events"); // 20 deltas and the usage chunk
        // the component and openai-java assembled the whole 20-delta answer (pieces cycle through the reply text)
        for (var peer : results.subList(1, 3)) {
            assertThat(peer.lastText()).as(peer.peer()).startsWith("Received ").contains("body not inspected")
                    .hasSizeGreaterThan(20 * 5);
        }
        assertThat(io.github.camelopenrouter.benchmarks.streaming.StreamingBenchmark.markdown(results))
                .contains("### W6", "camel-openrouter", "openai-java");
    }
}
