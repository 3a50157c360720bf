package io.github.camelopenrouter.benchmarks.peers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;

import io.github.camelopenrouter.benchmarks.BenchRequest;

/**
 * The floor: the JDK HTTP client posting the request JSON built before the run, either from memory or streamed from
 * the file it was written to. Nothing is built or parsed per request; only the status is checked. No Camel route can
 * send the same bytes for less.
 */
public final class JdkFloorPeer implements Peer {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI uri;
    private final boolean fromFile;
    private final boolean nonBlocking;
    private byte[] body;

    /**
     * @param fromFile    stream the pre-built JSON from its file instead of memory
     * @param nonBlocking send even one-at-a-time requests with {@code sendAsync}, as a non-blocking client must
     */
    public JdkFloorPeer(String baseUrl, boolean fromFile, boolean nonBlocking) {
        this.uri = URI.create(baseUrl + "/chat/completions");
        this.fromFile = fromFile;
        this.nonBlocking = nonBlocking;
    }

    @Override
    public void prepare(BenchRequest request) throws Exception {
        body = fromFile ? null : Files.readAllBytes(request.prebuiltJson());
    }

    private HttpRequest request(BenchRequest request) throws Exception {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + BenchRequest.API_KEY)
                .header("Content-Type", "application/json")
                .POST(fromFile ? HttpRequest.BodyPublishers.ofFile(request.prebuiltJson()) : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    @Override
    public String send(BenchRequest request) throws Exception {
        if (nonBlocking) {
            return sendAsync(request).join();
        }
        return check(http.send(request(request), HttpResponse.BodyHandlers.ofByteArray()));
    }

    @Override
    public boolean hasAsyncApi() {
        return true;
    }

    @Override
    public CompletableFuture<String> sendAsync(BenchRequest request) throws Exception {
        return http.sendAsync(request(request), HttpResponse.BodyHandlers.ofByteArray()).thenApply(JdkFloorPeer::check);
    }

    /** The floor does not parse: a 200 stands for the answer (the reply text is checked on the other peers). */
    private static String check(HttpResponse<byte[]> response) {
        if (response.statusCode() == 429) {
            throw new Refused(response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L));
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + new String(response.body()));
        }
        return io.github.camelopenrouter.benchmarks.server.CompletionReply.TEXT;
    }

    /** A 429: the server holds no more; {@code retryAfterSeconds} is its Retry-After (0 when it sent none). */
    public static final class Refused extends IllegalStateException {

        private final long retryAfterSeconds;

        Refused(long retryAfterSeconds) {
            super("HTTP 429, Retry-After: " + retryAfterSeconds);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    @Override
    public void close() {
        // HttpClient has no close() on Java 17; its threads are daemons
    }
}
