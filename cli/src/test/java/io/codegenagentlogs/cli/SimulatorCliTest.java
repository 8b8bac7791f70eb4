package io.codegenagentlogs.cli;

import io.codegenagentlogs.simulator.CodegenSimulator;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/** What CLI tests against a simulator share: a fresh token, a simulator accepting it, a working directory. */
public abstract class SimulatorCliTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = new Timeout(30, TimeUnit.SECONDS);

    protected String token;
    protected CodegenSimulator simulator;
    protected Path workDir;

    @Before
    public void startSimulator() throws Exception {
        token = Scenarios.newToken();
        simulator = Scenarios.start(token);
        workDir = tmp.newFolder("work").toPath();
    }

    @After
    public void stopSimulator() {
        simulator.close();
    }
}
