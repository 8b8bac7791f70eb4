package io.codegenagentlogs.simulator;

import static io.codegenagentlogs.simulator.TestHttp.alphaLogsPath;
import static io.codegenagentlogs.simulator.TestHttp.get;
import static io.codegenagentlogs.simulator.TestHttp.json;
import static io.codegenagentlogs.simulator.TestHttp.logsPath;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;

public class BundledScenariosTest {
    private static final Set<String> DOCUMENTED_TYPES = Set.of("ACTION", "PLAN_EVALUATION", "FINAL_ANSWER", "ERROR",
            "USER_MESSAGE", "USER_GITHUB_ISSUE_COMMENT", "INITIAL_PR_GENERATION", "DETECT_PR_ERRORS", "FIX_PR_ERRORS",
            "PR_CREATION_FAILED", "PR_EVALUATION", "COMMIT_EVALUATION", "AGENT_RUN_LINK");

    /** Every entry of a run once all its stages have applied (the fake clock jumps past them). */
    private static List<JsonObject> finalEntries(String name, long org, long run, String path) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.bundled(name), 0, clock)) {
            for (int i = 0; i < 10; i++) {
                get(sim, path);
                clock.advance(Duration.ofSeconds(1));
            }
            List<JsonObject> entries = new ArrayList<>();
            JsonObject page;
            do {
                page = json(get(sim, path + "?skip=" + entries.size()));
                page.getAsJsonArray("logs").forEach(e -> entries.add(e.getAsJsonObject()));
            } while (entries.size() < page.get("total_logs").getAsInt());
            entries.add(0, page); // the last page's run fields, for status checks
            return entries;
        }
    }

    private static Set<String> types(List<JsonObject> entries) {
        return entries.stream().skip(1).map(e -> e.get("message_type").getAsString()).collect(Collectors.toSet());
    }

    @Test
    public void everyBundledScenarioLoadsAndStarts() throws Exception {
        for (String name : Scenario.bundledNames()) {
            Scenario scenario = Scenario.bundled(name);
            assertFalse(name, scenario.runIds().isEmpty());
            assertTrue(name, scenario.description() != null);
            try (CodegenSimulator sim = CodegenSimulator.start(scenario)) {
                assertEquals(name, 200, get(sim, "/v1/organizations/67890/agent/run/" + scenario.runIds().get(0)).statusCode());
            }
        }
    }

    @Test
    public void everyScenarioFileIsListed() throws Exception {
        URL dir = Scenario.class.getResource("scenarios/");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            Set<String> names = files.map(p -> p.getFileName().toString().replaceFirst("\\.json$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(Scenario.bundledNames()), names);
        }
        assertThrows(IllegalArgumentException.class, () -> Scenario.bundled("nope"));
    }

    @Test
    public void realisticHasEveryMessageTypeAndEndsComplete() throws Exception {
        List<JsonObject> entries = finalEntries("realistic", 67890, 12345, logsPath(67890, 12345));
        assertEquals("COMPLETE", entries.get(0).get("status").getAsString());
        assertTrue(entries.size() - 1 >= 55);
        Set<String> types = types(entries);
        assertTrue(types.toString(), types.containsAll(DOCUMENTED_TYPES));
        assertTrue(types.toString(), types.contains("TOOL_APPROVAL_REQUEST"));
        Set<String> tools = entries.stream().skip(1).filter(e -> e.has("tool_name"))
                .map(e -> e.get("tool_name").getAsString()).collect(Collectors.toSet());
        assertTrue(tools.toString(), tools.containsAll(
                Set.of("ripgrep_search", "file_view", "file_edit", "file_write", "run_command", "create_pr")));
        List<JsonElement> observations = entries.stream().skip(1).map(e -> e.get("observation")).toList();
        assertTrue(observations.stream().anyMatch(JsonElement::isJsonObject));
        assertTrue(observations.stream().anyMatch(JsonElement::isJsonPrimitive));
        assertTrue(observations.stream().anyMatch(JsonElement::isJsonNull));
        List<String> times = entries.stream().skip(1).map(e -> e.get("created_at").getAsString()).toList();
        assertTrue(times.stream().anyMatch(t -> t.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")));
        assertTrue(times.stream().anyMatch(t -> t.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}")));
        assertTrue(entries.stream().skip(1).anyMatch(e -> e.has("duration_ms")));
    }

    @Test
    public void realisticStartsPendingAndGrowsWithTime() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.bundled("realistic"), 0, clock)) {
            List<String> seen = new ArrayList<>();
            int previous = -1;
            for (int ms = 0; ms <= 4200; ms += 200) {
                JsonObject page = json(get(sim, logsPath(67890, 12345)));
                int total = page.get("total_logs").getAsInt();
                assertTrue(total >= previous);
                previous = total;
                String status = page.get("status").getAsString();
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                    seen.add(status);
                }
                clock.advance(Duration.ofMillis(200));
            }
            assertEquals(List.of("PENDING", "RUNNING", "EVALUATION", "COMPLETE"), seen);
        }
    }

    @Test
    public void passingIsCleanAndEndsLowerCaseCompleted() throws Exception {
        List<JsonObject> entries = finalEntries("passing", 67890, 1001, logsPath(67890, 1001));
        assertEquals("completed", entries.get(0).get("status").getAsString());
        assertEquals(25, entries.size() - 1);
        assertFalse(types(entries).contains("ERROR"));
        assertFalse(types(entries).contains("PR_CREATION_FAILED"));
    }

    @Test
    public void hostileCarriesItsPayloadsAndEndsFailed() throws Exception {
        List<JsonObject> entries = finalEntries("hostile", 67890, 666, logsPath(67890, 666));
        JsonObject run = entries.get(0);
        assertEquals("FAILED", run.get("status").getAsString());
        assertEquals("ERROR", entries.get(entries.size() - 1).get("message_type").getAsString());
        StringBuilder text = new StringBuilder();
        entries.forEach(e -> appendStrings(e, text));
        String everything = text.toString();
        for (String payload : List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "]]>", "</testcase>",
                "\u001b[31m", "\r", "::error::", "::set-output", "::stop-commands::", "{{7*7}}", "${jndi:ldap://",
                "[x](javascript:alert(1))", "\u202e", "\u0000", "\u0007")) {
            assertTrue("missing " + payload, everything.contains(payload));
        }
        assertTrue(run.get("web_url").getAsString().contains("<script>"));
        assertTrue(entries.stream().anyMatch(e -> e.toString().length() > 200_000));
    }

    /** Every string value inside {@code element}, decoded, so control characters appear as themselves. */
    private static void appendStrings(JsonElement element, StringBuilder out) {
        if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet().forEach(e -> {
                out.append(e.getKey()).append('\n');
                appendStrings(e.getValue(), out);
            });
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> appendStrings(e, out));
        } else if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
            out.append(element.getAsString()).append('\n');
        }
    }

    @Test
    public void largeHasAHundredThousandGeneratedEntries() throws Exception {
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.bundled("large"))) {
            long start = System.nanoTime();
            JsonObject last = json(get(sim, logsPath(67890, 2002) + "?skip=99900"));
            assertTrue("a far page is built on demand, fast", System.nanoTime() - start < 2_000_000_000L);
            assertEquals("COMPLETE", last.get("status").getAsString());
            assertEquals(100_000, last.get("total_logs").getAsInt());
            assertEquals(1000, last.get("pages").getAsInt());
            assertEquals(100, last.getAsJsonArray("logs").size());
            assertEquals("FINAL_ANSWER", last.getAsJsonArray("logs").get(99).getAsJsonObject()
                    .get("message_type").getAsString());
        }
    }

    @Test
    public void faultyServesOnlyAlphaWithFaultsAndALimit() throws Exception {
        Scenario faulty = Scenario.bundled("faulty");
        assertEquals(Routes.Style.ALPHA, faulty.paths());
        assertEquals(new RateLimit(60, 60, RateLimit.RetryAfter.SECONDS), faulty.rateLimit());
        assertEquals(Fault.status(503), faulty.faults().get(2));
        try (CodegenSimulator sim = CodegenSimulator.start(faulty)) {
            assertEquals(404, get(sim, logsPath(67890, 3003)).statusCode());
            JsonObject first = json(get(sim, alphaLogsPath(67890, 3003)));
            assertEquals(150, first.get("total_logs").getAsInt());
            assertEquals(503, get(sim, alphaLogsPath(67890, 3003)).statusCode());
        }
    }

    @Test
    public void progressiveGrowsWithPolling() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.bundled("progressive"), 0, clock)) {
            List<Integer> totals = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                totals.add(json(get(sim, logsPath(67890, 4004))).get("total_logs").getAsInt());
            }
            assertEquals(List.of(3, 3, 3, 3, 40, 40), totals);
            clock.advance(Duration.ofMillis(1500));
            assertEquals("COMPLETE", json(get(sim, logsPath(67890, 4004))).get("status").getAsString());
        }
    }
}
