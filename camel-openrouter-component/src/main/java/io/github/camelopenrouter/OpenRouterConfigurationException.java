package io.github.camelopenrouter;

import org.apache.camel.RuntimeCamelException;

/**
 * An endpoint that cannot start as configured (an unknown option, no API key, conflicting options): the message says
 * what is wrong and how to fix it. It carries no stack trace - the frames are Camel's start-up machinery and tell a
 * user nothing - and it is a {@link RuntimeCamelException}, so Camel does not wrap it once more on the way out: the
 * start-up log shows the message in the few wrappers Camel adds, not down a chain of near-identical traces.
 */
public class OpenRouterConfigurationException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    public OpenRouterConfigurationException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
