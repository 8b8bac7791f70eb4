package io.codegenagentlogs.simulator;

import static io.codegenagentlogs.simulator.TestHttp.get;
import static io.codegenagentlogs.simulator.TestHttp.json;
import static io.codegenagentlogs.simulator.TestHttp.logsPath;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

public class PagingTest {
    private static final int TOTAL = 250;
    private static CodegenSimulator sim;

    @BeforeClass
    public static void start() throws Exception {
        sim = CodegenSimulator.start(TestScenarios.basic());
    }

    @AfterClass
    public static void stop() {
        sim.close();
    }

    private static JsonObject page(String query) throws Exception {
        HttpResponse<String> response = get(sim, logsPath(10, 7) + query);
        assertEquals(response.body(), 200, response.statusCode());
        return json(response);
    }

    @Test
    public void defaultPageIsTheFirst100() throws Exception {
        JsonObject body = page("");
        assertEquals(7, body.get("id").getAsLong());
        assertEquals(10, body.get("organization_id").getAsLong());
        assertEquals("COMPLETE", body.get("status").getAsString());
        assertEquals("done", body.get("result").getAsString());
        assertTrue(body.get("metadata").isJsonNull());
        assertEquals(100, body.getAsJsonArray("logs").size());
        assertEquals(TOTAL, body.get("total_logs").getAsInt());
        assertEquals(1, body.get("page").getAsInt());
        assertEquals(100, body.get("size").getAsInt());
        assertEquals(3, body.get("pages").getAsInt());
    }

    @Test
    public void pageNumbersFollowSkipAndLimit() throws Exception {
        JsonObject body = page("?skip=240&limit=20");
        assertEquals(10, body.getAsJsonArray("logs").size());
        assertEquals(13, body.get("page").getAsInt());
        assertEquals(20, body.get("size").getAsInt());
        assertEquals(13, body.get("pages").getAsInt());
        assertEquals(0, page("?skip=250").getAsJsonArray("logs").size());
        assertEquals(0, page("?skip=100000").getAsJsonArray("logs").size());
    }

    @Test
    public void pagingCoversEveryEntryExactlyOnce() throws Exception {
        List<String> all = new ArrayList<>();
        for (int skip = 0; skip < TOTAL; skip += 30) {
            page("?skip=" + skip + "&limit=30").getAsJsonArray("logs").forEach(e -> all.add(e.toString()));
        }
        assertEquals(TOTAL, all.size());
        assertEquals(TOTAL, all.stream().distinct().count());
        all.forEach(e -> assertTrue(e, e.contains("\"agent_run_id\":7")));
    }

    @Test
    public void reverseServesNewestFirst() throws Exception {
        JsonArray forward = page("?limit=100&skip=150").getAsJsonArray("logs");
        JsonArray backward = page("?limit=100&reverse=true").getAsJsonArray("logs");
        for (int i = 0; i < 100; i++) {
            assertEquals(forward.get(99 - i), backward.get(i));
        }
        JsonArray oldest = page("?limit=3&skip=247&reverse=true").getAsJsonArray("logs");
        assertEquals("FINAL_ANSWER", oldest.get(0).getAsJsonObject().get("message_type").getAsString());
        assertEquals("ACTION", oldest.get(2).getAsJsonObject().get("message_type").getAsString());
    }

    @Test
    public void entriesAreServedAsTheScenarioWroteThemEveryTime() throws Exception {
        String first = get(sim, logsPath(10, 7) + "?limit=2").body();
        String second = get(sim, logsPath(10, 7) + "?limit=2").body();
        assertEquals(first, second);
        assertTrue(first, first.contains("\"logs\":[" + TestScenarios.FIRST_ENTRY + ","));
    }

    @Test
    public void missingAgentRunIdIsFilledIn() throws Exception {
        JsonObject second = page("?skip=1&limit=1").getAsJsonArray("logs").get(0).getAsJsonObject();
        assertEquals(7, second.get("agent_run_id").getAsLong());
        assertEquals("next", second.get("thought").getAsString());
    }

    @Test
    public void runWithoutLogsHasZeroPages() throws Exception {
        JsonObject body = json(get(sim, logsPath(11, 8)));
        assertEquals(0, body.get("total_logs").getAsInt());
        assertEquals(0, body.get("pages").getAsInt());
        assertEquals(0, body.getAsJsonArray("logs").size());
        assertEquals("https://app.codegen.com/agent/trace/8", body.get("web_url").getAsString());
        assertTrue(body.get("created_at").isJsonNull());
    }
}
