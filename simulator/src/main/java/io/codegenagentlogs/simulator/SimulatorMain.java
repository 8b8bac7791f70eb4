package io.codegenagentlogs.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulator from the command line until killed:
 * {@code java -jar codegen-agent-logs-simulator.jar [--port N] [--scenario FILE|bundled-name]}.
 * Prints the base URL on the first line so scripts can read it.
 */
public final class SimulatorMain {
    private static final String USAGE = "usage: SimulatorMain [--port N] [--scenario FILE|"
            + String.join("|", Scenario.bundledNames()) + "]";

    private SimulatorMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 0;
        String scenarioName = "realistic";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = parsePort(value);
                case "--scenario" -> scenarioName = require(value);
                default -> throw fail("unknown argument: " + args[i]);
            }
            i++;
        }
        Scenario scenario = resolve(scenarioName);
        CodegenSimulator simulator = CodegenSimulator.start(scenario, port);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "codegen-simulator-shutdown"));
        System.out.println(simulator.baseUrl());
        System.out.println("runs: " + scenario.runIds());
        System.out.flush();
        new CountDownLatch(1).await(); // serve until the process is killed
    }

    private static Scenario resolve(String name) throws IOException {
        Path file = Path.of(name);
        if (Files.isRegularFile(file)) {
            return Scenario.load(file);
        }
        if (Scenario.bundledNames().contains(name)) {
            return Scenario.bundled(name);
        }
        throw fail("no scenario file or bundled scenario named " + name);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(require(value));
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw fail("--port needs a number 0..65535, got " + value);
    }

    private static String require(String value) {
        if (value == null) {
            throw fail("missing value");
        }
        return value;
    }

    private static IllegalStateException fail(String message) {
        System.err.println(message);
        System.err.println(USAGE);
        System.exit(2);
        return new IllegalStateException(message); // not reached; lets callers write "throw fail(...)"
    }
}
