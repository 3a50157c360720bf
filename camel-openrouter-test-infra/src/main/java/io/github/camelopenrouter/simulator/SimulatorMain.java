package io.github.camelopenrouter.simulator;

/**
 * Runs the simulator for manual demos: {@code java ... SimulatorMain [port]} prints the base URL and
 * serves until the JVM is stopped (Ctrl+C).
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        OpenRouterSimulator simulator = OpenRouterSimulator.start(SimulatorSettings.defaults(), port);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "openrouter-sim-shutdown"));
        System.out.println(simulator.baseUrl());
        // the simulator's threads are daemons: this thread keeps the JVM serving
        Thread.currentThread().join();
    }
}
