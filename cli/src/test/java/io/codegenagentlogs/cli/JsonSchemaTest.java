package io.codegenagentlogs.cli;

import static org.junit.Assert.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.Test;

/**
 * {@code gate --json} and {@code summarize --json} print the schema docs/summary-json.md
 * documents: every top-level field it lists, always present (null when unknown), no other.
 */
public class JsonSchemaTest extends SimulatorCliTest {
    private static TreeSet<String> documentedTopLevelFields() throws Exception {
        TreeSet<String> fields = new TreeSet<>();
        for (String key : DocTables.rows(ActionManifestTest.ROOT.resolve("docs/summary-json.md"), "## Fields").keySet()) {
            if (!key.contains(".") && !key.contains("[")) {
                fields.add(key);
            }
        }
        return fields;
    }

    @Test
    public void gateJsonHasExactlyTheDocumentedFieldsWhateverTheVerdict() throws Exception {
        TreeSet<String> documented = documentedTopLevelFields();
        Map<String, String> env = Map.of("CODEGEN_API_TOKEN", token, "CODEGEN_API_BASE_URL", simulator.baseUrl(),
                "CODEGEN_ORG_ID", Long.toString(Scenarios.ORG));
        List<String> verdicts = new ArrayList<>();
        for (long run : new long[] {Scenarios.PASSING, Scenarios.FAILING_ENTRIES, 999_999}) {
            CliRunner.Result r = CliRunner.run(workDir, env, "gate", "--run", Long.toString(run), "--json",
                    "--poll-interval", "100ms");
            JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
            assertEquals("run " + run, documented, new TreeSet<>(json.keySet()));
            assertEquals(1, json.get("schema_version").getAsInt());
            verdicts.add(json.get("verdict").getAsString());
        }
        // a pass, a failure and an API error (no such run): the shape does not change with the verdict
        assertEquals(List.of("PASSED", "FAILED", "ERROR"), verdicts);
    }
}
