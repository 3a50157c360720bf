package io.github.camelopenrouter.benchmarks.peers;

import io.github.camelopenrouter.benchmarks.BenchRequest;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component peer is configured as the docs advise, with the key on the component: a key in the URI would be in
 * every endpoint dump, and the component warns about it (it did, four times per benchmark run).
 */
class ComponentPeerTest {

    @Test
    void theKeyIsSentButIsInNoEndpointUri() throws Exception {
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start();
             ComponentPeer peer = new ComponentPeer(simulator.baseUrl())) {
            assertThat(peer.send(new BenchRequest("Say hi", null, null, null))).startsWith("Received 1 text part");

            assertThat(simulator.requests()).singleElement()
                    .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + BenchRequest.API_KEY));
            assertThat(peer.camel().getEndpoints()).extracting(Endpoint::getEndpointUri)
                    .anySatisfy(uri -> assertThat(uri).startsWith("openrouter://chat"))
                    .noneSatisfy(uri -> assertThat(uri).containsIgnoringCase("apiKey"));
        }
    }
}
