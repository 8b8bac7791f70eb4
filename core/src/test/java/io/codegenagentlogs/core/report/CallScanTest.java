package io.codegenagentlogs.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.api.EntryDecoder;
import io.codegenagentlogs.core.api.LogEntry;
import java.util.List;
import org.junit.Test;

/** The streaming read of a call agrees with the trees it avoids building. */
public class CallScanTest {
    private static LogEntry raw(String json) {
        return EntryDecoder.decode(json);
    }

    private static long print(String input) {
        return CallScan.of("t", raw("{\"message_type\":\"ACTION\",\"tool_name\":\"t\",\"tool_input\":" + input + "}")).inputFingerprint();
    }

    @Test
    public void equalInputsHaveEqualFingerprintsWhateverTheirSpelling() {
        assertEquals(print("{\"a\":1,\"b\":[\"x\",null]}"), print(" { \"a\" : 1 ,\n \"b\" : [ \"\\u0078\" , null ] } "));
        assertNotEquals(print("{\"a\":1}"), print("{\"a\":2}"));
        assertNotEquals(print("{\"a\":\"1\"}"), print("{\"a\":1}"));
        assertNotEquals(print("{\"ab\":\"c\"}"), print("{\"a\":\"bc\"}"));
        assertNotEquals(print("[[]]"), print("[[],[]]"));
        assertEquals("absent and null input are the same: no input",
                CallScan.of("t", raw("{\"tool_name\":\"t\"}")).inputFingerprint(), print("null"));
        assertNotEquals("another tool, another call", CallScan.of("u", raw("{\"tool_input\":{}}")).inputFingerprint(),
                CallScan.of("t", raw("{\"tool_input\":{}}")).inputFingerprint());
        String deep = "[".repeat(20_000) + "]".repeat(20_000);
        assertNotEquals("nesting far beyond a tree's depth is read without a stack overflow", print("[]"), print(deep));
    }

    @Test
    public void failureSignalsMatchTheTreeReading() {
        List<String> values = List.of("{\"status\":\"success\"}", "{\"status\":\" Failed \"}", "{\"status\":\"error\"}",
                "{\"status\":1}", "{\"error\":null}", "{\"error\":false}", "{\"error\":true}", "{\"error\":\"\"}",
                "{\"error\":\"  \"}", "{\"error\":\"disk full\"}", "{\"error\":{\"code\":1}}", "{\"error\":[]}", "{\"error\":0}",
                "{\"exit_code\":0}", "{\"exit_code\":0.0}", "{\"exit_code\":2}", "{\"exit_code\":\"2\"}", "{\"exit_code\":-1}",
                "{\"nested\":{\"status\":\"error\"}}", "\"status: error\"", "[{\"error\":\"x\"}]", "null", "42");
        for (String v : values) {
            for (String field : List.of("observation", "tool_output")) {
                LogEntry e = raw("{\"message_type\":\"ACTION\",\"tool_name\":\"t\",\"" + field + "\":" + v + "}");
                boolean tree = SummaryAccumulator.saysFailure(e.observation()) || SummaryAccumulator.saysFailure(e.toolOutput());
                assertEquals(field + " " + v, tree, CallScan.of("t", e).failed());
            }
        }
        assertTrue(CallScan.of("t", raw("{\"observation\":{\"status\":\"ok\"},\"tool_output\":{\"exit_code\":1}}")).failed());
        assertFalse(CallScan.of("t", raw("{\"observation\":{\"status\":\"ok\"},\"tool_output\":{\"exit_code\":0}}")).failed());
    }
}
