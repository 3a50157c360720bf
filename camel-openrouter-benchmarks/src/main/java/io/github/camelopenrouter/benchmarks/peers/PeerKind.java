package io.github.camelopenrouter.benchmarks.peers;

import io.github.camelopenrouter.benchmarks.Workload;

/** The peers of the comparison, in the order of the tables. */
public enum PeerKind {

    FLOOR("floor: JDK HttpClient, pre-built JSON in memory"),
    FLOOR_FILE("floor: JDK HttpClient, pre-built JSON streamed from a file"),
    FLOOR_ASYNC("floor, non-blocking: JDK HttpClient sendAsync, pre-built JSON in memory"),
    FLOOR_LEARNING("floor, learning the capacity: JDK HttpClient, pre-built JSON in memory"),
    COMPONENT("**camel-openrouter** (`openrouter:chat`, Path body)"),
    CAMEL_HTTP("hand-rolled Camel: camel-http + Jackson"),
    OPENAI_JAVA("openai-java 4.18.0 (OkHttp), no Camel"),
    CAMEL_LANGCHAIN4J("camel-langchain4j-chat 4.17.0 + langchain4j-open-ai 1.10.0");

    private final String label;

    PeerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFloor() {
        return this == FLOOR || this == FLOOR_FILE || this == FLOOR_ASYNC || this == FLOOR_LEARNING;
    }

    /**
     * Streaming a pre-built body from a file only means something for the file workloads; the non-blocking floor
     * (what a non-blocking client pays to the JDK client before any work of its own) for W1.
     */
    public boolean runs(Workload workload) {
        return switch (this) {
            case FLOOR_FILE -> workload == Workload.W2 || workload == Workload.W3;
            case FLOOR_ASYNC -> workload == Workload.W1;
            // the least any client pays that learns W5's capacity from a refusal and honours its Retry-After
            case FLOOR_LEARNING -> workload == Workload.W5;
            // W5 compares how clients with retries of their own meet a rate limit; the floor is there told the
            // capacity instead (see PeerProcess.rateLimited), to show what the HTTP stack itself costs
            case CAMEL_LANGCHAIN4J -> workload != Workload.W5;
            default -> true;
        };
    }

    /** The peer for W4, where 2,000 requests are meant to be in flight at once: the component's limit is raised. */
    public Peer createForManyInFlight(String baseUrl) throws Exception {
        return this == COMPONENT ? new ComponentPeer(baseUrl, 2_500) : create(baseUrl);
    }

    public Peer create(String baseUrl) throws Exception {
        return switch (this) {
            case FLOOR -> new JdkFloorPeer(baseUrl, false, false);
            case FLOOR_FILE -> new JdkFloorPeer(baseUrl, true, false);
            case FLOOR_ASYNC -> new JdkFloorPeer(baseUrl, false, true);
            case FLOOR_LEARNING -> new JdkFloorPeer(baseUrl, false, false);
            case COMPONENT -> new ComponentPeer(baseUrl);
            case CAMEL_HTTP -> new CamelHttpJacksonPeer(baseUrl);
            case OPENAI_JAVA -> new OpenAiJavaPeer(baseUrl);
            case CAMEL_LANGCHAIN4J -> new CamelLangChain4jPeer(baseUrl);
        };
    }
}
