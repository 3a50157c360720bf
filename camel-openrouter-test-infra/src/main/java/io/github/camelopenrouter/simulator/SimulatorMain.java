package io.github.camelopenrouter.simulator;

/**
 * Runs the simulator on its own, for trying an application offline:
 * {@code mvn -q -pl camel-openrouter-test-infra compile exec:java} from the project root, optionally with
 * {@code -Dsimulator.port=8089}. It prints the base URL to configure and the keys it accepts, then serves until the JVM is
 * stopped (Ctrl+C).
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String port = args.length > 0 ? args[0] : System.getProperty("simulator.port", "0");
        OpenRouterSimulator simulator = OpenRouterSimulator.start(SimulatorSettings.defaults(), Integer.parseInt(port));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "openrouter-sim-shutdown"));
        System.out.println(banner(simulator.baseUrl()));
        // the simulator's threads are daemons: this thread keeps the JVM serving
        Thread.currentThread().join();
    }

    static String banner(String baseUrl) {
        return "OpenRouter simulator at " + baseUrl + "\n"
               + "  Point the component at it: camel.component.openrouter.base-url=" + baseUrl + "\n"
               + "  (or baseUrl=" + baseUrl + " on the endpoint, or the environment variable CAMEL_COMPONENT_OPENROUTER_BASEURL)\n"
               + "  API key: any bearer key is accepted, for example sk-or-v1-simulator; " + ApiKeys.INVALID_KEY
               + " gets 401 \"User not found.\"\n"
               + "  Its answers describe what it received; tokens and cost follow a fixed formula. Stop it with Ctrl+C.";
    }
}
