/**
 * An OpenRouter simulator for tests and benchmarks: {@link io.github.camelopenrouter.simulator.OpenRouterSimulator}
 * and what it is configured with ({@link io.github.camelopenrouter.simulator.SimulatorSettings},
 * {@link io.github.camelopenrouter.simulator.Fault}, {@link io.github.camelopenrouter.simulator.FaultPolicy}) or
 * reports ({@link io.github.camelopenrouter.simulator.RecordedRequest},
 * {@link io.github.camelopenrouter.simulator.SimulatorStats}), plus test helpers
 * ({@link io.github.camelopenrouter.simulator.TestCertificates}, {@link io.github.camelopenrouter.simulator.TestPdfs}).
 *
 * <p>A request flows: {@code Router} -> {@code ChatCompletionsHandler} (read, record, draw a fault) ->
 * {@code ChatResponder} (fault, 401, {@code ChatRequestValidator} 400, or {@code Completion}, which uses
 * {@code ConversationScan}, {@code FileParsing}, {@code ReplyText}, {@code Usage}) -> {@code CompletionJson}
 * -> {@code Reply} -> {@code ReplyScheduler} (now, or after the latency).
 */
package io.github.camelopenrouter.simulator;
