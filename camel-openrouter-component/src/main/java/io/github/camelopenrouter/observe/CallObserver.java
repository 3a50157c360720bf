package io.github.camelopenrouter.observe;

/** Told of every call an endpoint finishes (chat and the other operations), after the outcome is known. */
@FunctionalInterface
public interface CallObserver {

    CallObserver NONE = record -> {
    };

    /** Called on the client's threads: must be quick and must not throw. */
    void finished(CallRecord record);
}
