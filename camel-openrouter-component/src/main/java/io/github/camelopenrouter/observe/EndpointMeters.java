package io.github.camelopenrouter.observe;

/** An endpoint's meters: recorded on each call, removed when the endpoint stops. */
public interface EndpointMeters extends CallObserver, AutoCloseable {

    @Override
    void close();
}
