package io.codegenagentlogs.simulator;

import static io.codegenagentlogs.simulator.TestHttp.get;
import static io.codegenagentlogs.simulator.TestHttp.json;
import static io.codegenagentlogs.simulator.TestHttp.logsPath;
import static org.junit.Assert.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

public class QueryValidationTest {
    private static CodegenSimulator sim;

    @BeforeClass
    public static void start() throws Exception {
        sim = CodegenSimulator.start(TestScenarios.basic());
    }

    @AfterClass
    public static void stop() {
        sim.close();
    }

    private static JsonObject onlyProblem(String query) throws Exception {
        HttpResponse<String> response = get(sim, logsPath(10, 7) + "?" + query);
        assertEquals(query, 422, response.statusCode());
        JsonArray detail = json(response).getAsJsonArray("detail");
        assertEquals(query, 1, detail.size());
        return detail.get(0).getAsJsonObject();
    }

    @Test
    public void limitZeroIsBelowMinimum() throws Exception {
        JsonObject problem = onlyProblem("limit=0");
        assertEquals("[\"query\",\"limit\"]", problem.get("loc").toString());
        assertEquals("greater_than_equal", problem.get("type").getAsString());
        assertEquals("Input should be greater than or equal to 1", problem.get("msg").getAsString());
    }

    @Test
    public void limit101IsAboveMaximumNotCapped() throws Exception {
        JsonObject problem = onlyProblem("limit=101");
        assertEquals("less_than_equal", problem.get("type").getAsString());
        assertEquals("Input should be less than or equal to 100", problem.get("msg").getAsString());
    }

    @Test
    public void nonIntegerLimitIsAParsingError() throws Exception {
        JsonObject problem = onlyProblem("limit=abc");
        assertEquals("int_parsing", problem.get("type").getAsString());
        assertEquals("abc", problem.get("input").getAsString());
    }

    @Test
    public void negativeSkipIsRejected() throws Exception {
        JsonObject problem = onlyProblem("skip=-1");
        assertEquals("[\"query\",\"skip\"]", problem.get("loc").toString());
        assertEquals("greater_than_equal", problem.get("type").getAsString());
    }

    @Test
    public void badReverseIsABooleanParsingError() throws Exception {
        assertEquals("bool_parsing", onlyProblem("reverse=maybe").get("type").getAsString());
    }

    @Test
    public void everyProblemIsReportedAtOnce() throws Exception {
        HttpResponse<String> response = get(sim, logsPath(10, 7) + "?skip=x&limit=500&reverse=2");
        assertEquals(3, json(response).getAsJsonArray("detail").size());
    }

    @Test
    public void boundaryValuesAndBooleanSpellingsAreAccepted() throws Exception {
        for (String query : new String[] {"limit=1", "limit=100", "skip=0", "skip=100000", "reverse=true",
                "reverse=False", "reverse=1", "reverse=no"}) {
            assertEquals(query, 200, get(sim, logsPath(10, 7) + "?" + query).statusCode());
        }
    }
}
