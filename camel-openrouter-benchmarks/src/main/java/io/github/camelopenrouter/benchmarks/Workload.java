package io.github.camelopenrouter.benchmarks;

/** What is sent, and how. */
public enum Workload {
    W1("small text prompt, no latency, one request at a time after the JIT warm-up"),
    W2("one ~1 MB PNG per request, one at a time"),
    W3("one large PDF per request (50 MB in the full run), one at a time; plus the smallest -Xmx that succeeds"),
    W4("many requests in flight at once (2,000 with 1 s of model latency in the full run)"),
    W5("a rate-limited key: 2,000 requests offered at once to a server that holds 32 in progress (429 + Retry-After: 1"
       + " beyond) and answers in 100 ms, in the full run");

    private final String description;

    Workload(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
