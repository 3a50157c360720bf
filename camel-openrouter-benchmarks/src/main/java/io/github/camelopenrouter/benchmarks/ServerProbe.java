package io.github.camelopenrouter.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import io.github.camelopenrouter.benchmarks.server.BenchServerStats;

/**
 * Reads the server's counters from a child JVM, outside the measured windows. Uses HttpURLConnection, not the JDK
 * HttpClient, so the reading shares no connection pool or thread with the peer being measured.
 */
public final class ServerProbe {

    private final String statsUrl;

    public ServerProbe(String statsUrl) {
        this.statsUrl = statsUrl;
    }

    public BenchServerStats stats() {
        return read(statsUrl);
    }

    /** Peaks (connections, waiting replies) counted from now on. */
    public BenchServerStats resetPeaks() {
        return read(statsUrl + "?reset-peaks");
    }

    private static BenchServerStats read(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            try (InputStream in = connection.getInputStream()) {
                return BenchServerStats.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the server's counters at " + url, e);
        }
    }
}
