package io.codegenagentlogs.core.report.render;

import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.hostile.Fuzz;
import io.codegenagentlogs.core.hostile.HostileCorpus;
import io.codegenagentlogs.core.hostile.HostileCorpus.Payload;
import io.codegenagentlogs.core.hostile.HostileReports;
import io.codegenagentlogs.core.report.Report;
import java.util.List;
import org.junit.Test;

/**
 * Every renderer against generated hostile text (see {@link Fuzz}): the same properties as
 * {@link HostileCorpusTest} (well-formed, inert, escaped, display-safe, data as sent), and no
 * exception at all. A short pass runs in every build; {@code -Dfuzz.seconds=600} runs longer.
 */
public class RendererFuzzTest {
    private static final List<Payload> CORPUS = HostileCorpus.small(HostileCorpus.NO_BEACON);
    private static final List<HostileCorpusTest.Check> CHECKS = HostileCorpusTest.checks();

    @Test
    public void everyRendererHoldsItsPropertiesOnGeneratedText() {
        Fuzz fuzz = Fuzz.start(10);
        while (fuzz.next(20)) {
            String text = fuzz.text(CORPUS);
            Payload p = new Payload("fuzz", fuzz.where(), text);
            try {
                Report r = HostileReports.report(text);
                for (HostileCorpusTest.Check check : CHECKS) {
                    check.check(p, r);
                }
            } catch (AssertionError | Exception e) {
                throw new AssertionError(fuzz.where() + " with text " + io.codegenagentlogs.core.hostile.DisplayChecks.visible(text)
                        + ": " + e, e);
            }
        }
        assertTrue(fuzz.iterations() >= 20);
        System.out.println("RendererFuzzTest: " + fuzz.iterations() + " texts, " + fuzz.where());
    }
}
