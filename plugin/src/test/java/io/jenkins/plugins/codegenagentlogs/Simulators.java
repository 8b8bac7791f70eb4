package io.jenkins.plugins.codegenagentlogs;

import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.rules.ExternalResource;

/**
 * The Codegen API simulators of one test, closed when it ends. Creating the rule applies the tests'
 * shared settings ({@link CodegenTestSupport}) before any watch starts.
 */
final class Simulators extends ExternalResource {
    private final List<CodegenSimulator> started = new ArrayList<>();

    Simulators() {
        CodegenTestSupport.init();
    }

    /** A simulator serving one of the simulator's bundled scenarios ("passing", "realistic", ...). */
    CodegenSimulator bundled(String name) throws IOException {
        return start(Scenario.bundled(name));
    }

    CodegenSimulator start(Scenario scenario) throws IOException {
        CodegenSimulator sim = CodegenSimulator.start(scenario);
        started.add(sim);
        return sim;
    }

    @Override
    protected void after() {
        started.forEach(CodegenSimulator::close);
    }
}
