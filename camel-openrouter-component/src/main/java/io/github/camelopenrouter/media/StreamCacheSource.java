package io.github.camelopenrouter.media;

import java.io.FilterInputStream;
import java.io.InputStream;

import org.apache.camel.StreamCache;

/** A Camel stream cache (in memory or spooled to disk): re-readable after a reset, with a known length. */
public record StreamCacheSource(StreamCache cache, String description) implements MediaSource {

    public StreamCacheSource {
        if (!(cache instanceof InputStream)) {
            throw new IllegalArgumentException("only stream caches that are input streams can be streamed");
        }
    }

    @Override
    public long size() {
        return cache.length();
    }

    @Override
    public InputStream open() {
        cache.reset();
        // the cache outlives this read (retries, conversations): closing the request stream must not discard it
        return new FilterInputStream((InputStream) cache) {
            @Override
            public void close() {
            }
        };
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }
}
