package io.codegenagentlogs.simulator;

import static io.codegenagentlogs.simulator.TestHttp.get;
import static io.codegenagentlogs.simulator.TestHttp.json;
import static io.codegenagentlogs.simulator.TestHttp.logsPath;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The faults that spoil a 200's body or content type, and the slow drip. */
public class ResponseFaultTest {
    private static final String LOGS = logsPath(10, 7);
    private CodegenSimulator sim;

    @Before
    public void start() throws Exception {
        sim = CodegenSimulator.start(TestScenarios.basic());
    }

    @After
    public void stop() {
        sim.close();
    }

    private HttpResponse<byte[]> getBytes(String pathAndQuery) throws Exception {
        return TestHttp.CLIENT.send(TestHttp.request(sim, pathAndQuery, "Bearer " + TestHttp.TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    public void htmlPageIsA200SignInPage() throws Exception {
        sim.inject(Fault.htmlPage());
        HttpResponse<String> r = get(sim, LOGS);
        assertEquals(200, r.statusCode());
        assertTrue(r.body(), r.body().startsWith("<!DOCTYPE html>"));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("html_page", sim.requests().all().get(0).fault());
    }

    @Test
    public void emptyBodyIsA200WithNoBytes() throws Exception {
        sim.inject(Fault.emptyBody());
        HttpResponse<byte[]> r = getBytes(LOGS);
        assertEquals(200, r.statusCode());
        assertEquals(0, r.body().length);
        assertEquals(200, get(sim, LOGS).statusCode());
    }

    @Test
    public void invalidUtf8IsWellFormedJsonWhoseFirstEntryHasBytesThatAreNotUtf8() throws Exception {
        byte[] clean = getBytes(LOGS + "?limit=2").body();
        sim.inject(Fault.invalidUtf8());
        byte[] broken = getBytes(LOGS + "?limit=2").body();
        assertEquals(clean.length + 9, broken.length);
        assertThrows(CharacterCodingException.class,
                () -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(broken)));
        String lenient = new String(broken, StandardCharsets.ISO_8859_1);
        assertTrue(lenient, lenient.contains("\"logs\":[{\"x\":\""));
    }

    @Test
    public void wrongContentTypeServesTheSamePageAsTextPlain() throws Exception {
        String clean = get(sim, LOGS).body();
        sim.inject(Fault.wrongContentType());
        HttpResponse<String> r = get(sim, LOGS);
        assertEquals(clean, r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    }

    @Test
    public void missingTotalLeavesOutTotalLogsAndPages() throws Exception {
        sim.inject(Fault.missingTotal());
        var page = json(get(sim, LOGS));
        assertFalse(page.has("total_logs"));
        assertFalse(page.has("pages"));
        assertEquals(100, page.getAsJsonArray("logs").size());
    }

    @Test
    public void truncatedJsonIsACompleteResponseWithHalfAPage() throws Exception {
        String clean = get(sim, LOGS).body();
        sim.inject(Fault.truncatedJson());
        HttpResponse<String> r = get(sim, LOGS);
        assertEquals(200, r.statusCode());
        assertEquals(clean.substring(0, clean.length() / 2), r.body());
        assertThrows(RuntimeException.class, () -> Json.parseStrict(r.body()));
    }

    @Test
    public void slowDripSendsTheWholeBodySlowly() throws Exception {
        String clean = get(sim, LOGS + "?limit=3").body();
        sim.inject(Fault.slowDrip(Duration.ofMillis(5)));
        HttpResponse<String> r = get(sim, LOGS + "?limit=3");
        assertEquals(clean, r.body());
        RecordedCall call = sim.requests().all().get(1);
        assertEquals("slow_drip", call.fault());
        long chunks = clean.length() / 64;
        assertTrue(call.endNanos() - call.startNanos() >= chunks * 5_000_000L);
    }

    @Test
    public void entriesMayNestToAnyDepthAndAreServedVerbatim() throws Exception {
        int depth = 100_000;
        String deep = "{\"message_type\":\"ACTION\",\"tool_output\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        SimulatedRun run = sim.run(7);
        run.appendLog(deep);
        run.setVisibleLogs(run.logCount());
        String body = get(sim, LOGS + "?skip=250").body();
        assertTrue(body.contains("\"logs\":[{\"agent_run_id\":7," + deep.substring(1) + "]"));
    }

    @Test
    public void appendLogStillRefusesWhatIsNotOneJsonObject() {
        SimulatedRun run = sim.run(7);
        for (String bad : new String[] {"[]", "{\"a\":1", "{\"a\":1} {}", "{'a':1}"}) {
            assertThrows(bad, IllegalArgumentException.class, () -> run.appendLog(bad));
        }
    }

    @Test
    public void scenarioFilesNameTheNewFaults() throws Exception {
        Scenario s = TestScenarios.basicWith("\"faults\": [{\"on_request\": 1, \"type\": \"html_page\"},"
                + " {\"on_request\": 2, \"type\": \"slow_drip\", \"delay_ms\": 1},"
                + " {\"on_request\": 3, \"type\": \"missing_total\"}],");
        try (CodegenSimulator other = CodegenSimulator.start(s)) {
            assertTrue(get(other, LOGS).body().startsWith("<!DOCTYPE"));
            assertEquals(250, JsonParser.parseString(get(other, LOGS).body()).getAsJsonObject().get("total_logs").getAsInt());
            assertFalse(json(get(other, LOGS)).has("total_logs"));
        }
    }
}
