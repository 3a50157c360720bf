package io.github.camelopenrouter.simulator;

/**
 * How the simulator answers a request that asks for JSON ({@code response_format} {@code json_schema} or
 * {@code json_object}), set with {@link OpenRouterSimulator#setJsonAnswer}: by default with JSON that fits the schema;
 * on demand with JSON that breaks it, or with prose around the JSON, to test a client's validation.
 */
public enum JsonAnswer {

    /** JSON that the schema accepts (every property present, values of the declared types, formats and enums). */
    FITS_SCHEMA,

    /**
     * Well-formed JSON that the schema rejects: the first required property left out (or, without required
     * properties, the first property of the wrong type). Response healing does not repair it: it fixes syntax only.
     */
    BREAKS_SCHEMA,

    /**
     * The fitting JSON inside prose and a Markdown code fence, as models without strict structured output answer. The
     * {@code response-healing} plugin repairs it (the reply is then the bare JSON), as OpenRouter's does.
     */
    NOT_JSON
}
