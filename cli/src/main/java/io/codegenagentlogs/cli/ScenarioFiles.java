package io.codegenagentlogs.cli;

import io.codegenagentlogs.simulator.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a scenario for {@code simulate} and {@code demo}: a file, or the name of a bundled one.
 */
final class ScenarioFiles {
    /** A loaded scenario and its name as given. */
    record Loaded(String name, Scenario scenario) {
    }

    private ScenarioFiles() {
    }

    static Loaded load(CliContext ctx, String nameOrFile) {
        Path file = ctx.resolve(nameOrFile);
        if (Files.isRegularFile(file)) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                return new Loaded(file.toString(), Scenario.fromJson(text));
            } catch (IOException e) {
                throw CliException.usage("Cannot read the scenario file " + file + " (" + GateFlow.describe(e) + ")",
                        "Check the path and its permissions");
            } catch (IllegalArgumentException e) {
                throw CliException.usage("The scenario file " + file + " is not valid: " + e.getMessage(),
                        "See docs/simulator.md for the format");
            }
        }
        if (Scenario.bundledNames().contains(nameOrFile)) {
            return bundled(nameOrFile);
        }
        throw CliException.usage("No scenario file or bundled scenario named '" + nameOrFile + "'",
                "Pass a scenario file (see docs/simulator.md) or one of: " + String.join(", ", Scenario.bundledNames()));
    }

    static Loaded bundled(String name) {
        Scenario scenario;
        try {
            scenario = Scenario.bundled(name);
        } catch (RuntimeException e) {
            throw new CliException(ExitCodes.API_ERROR, "The bundled scenario '" + name + "' cannot be loaded ("
                    + e.getMessage() + "). This jar is incomplete: rebuild it with mvn install.", e);
        }
        return new Loaded(name, scenario);
    }
}
