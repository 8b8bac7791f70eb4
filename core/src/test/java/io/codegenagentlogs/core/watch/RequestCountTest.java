package io.codegenagentlogs.core.watch;

import static io.codegenagentlogs.core.watch.SimulatorFixtures.ORG;
import static org.junit.Assert.assertEquals;

import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.RecordedCall;
import io.codegenagentlogs.simulator.Scenario;
import java.util.List;
import org.junit.Test;

/** Issue 8: a finished run of N entries costs exactly max(1, ceil(N/100)) requests, none fetched twice. */
public class RequestCountTest {
    @Test
    public void aFinishedRunCostsOneRequestPerPageAndNoneForAnEmptyLastPage() throws Exception {
        for (int n : new int[] {0, 1, 99, 100, 101, 200, 250, 2000}) {
            String json = "{\"tokens\":[\"sim-token\"],\"runs\":[{\"id\":80,\"organization_id\":" + ORG
                    + ",\"status\":\"COMPLETE\",\"generate\":{\"count\":" + n + ",\"seed\":1}}]}";
            try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson(json))) {
                SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
                WatchOutcome o = RunWatcher.create(SimulatorFixtures.client(sim), SimulatorFixtures.quick(),
                        WatchSnapshot.start(ORG, 80, System.currentTimeMillis()), rec).run();
                assertEquals(n + ": " + o.message(), WatchOutcome.Kind.COMPLETED, o.kind());
                assertEquals(n, rec.raws.size());
                List<RecordedCall> calls = sim.requests().logsCalls();
                int expected = Math.max(1, (n + 99) / 100);
                assertEquals("requests for " + n + " entries", expected, calls.size());
                assertEquals(expected, o.snapshot().stats().requests());
                for (int i = 0; i < calls.size(); i++) {
                    assertEquals("nothing fetched twice", Integer.toString(i * 100), calls.get(i).query().get("skip"));
                }
            }
        }
    }
}
