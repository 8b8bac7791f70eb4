package io.codegenagentlogs.cli;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A full run whose agent (and server) echo the API token in every form it can take: raw, JSON-escaped
 * (HTML-safe and fully escaped), URL-encoded. Then every output is searched for every form: stdout,
 * stderr, every file of the report directory, and the names of the JVM's threads. Nothing may hold it.
 */
public class SecretsEverywhereTest {
    /** Printable ASCII, with the characters JSON, HTML-safe JSON and URLs escape. */
    private static final String TOKEN = "cg_Sk9/Qx+Zr=w&x<y>z'TOKEN" + Long.toHexString(System.nanoTime());
    private static final long ORG = 67890;
    private static final long RUN = 4242;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** Every spelling of the token that could show up in an output. */
    static Map<String, String> forms(String token) {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("raw", token);
        StringBuilder htmlSafe = new StringBuilder();
        StringBuilder allEscaped = new StringBuilder();
        StringBuilder percentAll = new StringBuilder();
        for (char c : token.toCharArray()) {
            htmlSafe.append("<>&='".indexOf(c) >= 0 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            allEscaped.append(String.format("\\u%04x", (int) c));
            percentAll.append(String.format("%%%02X", (int) c));
        }
        forms.put("JSON, HTML-safe", htmlSafe.toString());
        forms.put("JSON, every character escaped", allEscaped.toString());
        forms.put("URL-encoded", URLEncoder.encode(token, StandardCharsets.UTF_8));
        forms.put("URL-encoded, %20 for spaces", URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20"));
        forms.put("percent-encoded, every character", percentAll.toString());
        // the distinctive tail alone, in case an output cuts the token short
        forms.put("the token's tail", token.substring(token.indexOf("TOKEN")));
        return forms;
    }

    private static String scenario() {
        Map<String, String> forms = forms(TOKEN);
        JsonArray logs = new JsonArray();
        for (Map.Entry<String, String> f : forms.entrySet()) {
            if (f.getKey().equals("the token's tail")) {
                continue; // the tail alone is searched for, not sent: it is not the token
            }
            JsonObject e = new JsonObject();
            e.addProperty("message_type", "ERROR");
            e.addProperty("tool_name", "env " + f.getValue());
            e.addProperty("thought", "printing the environment: CODEGEN_API_TOKEN=" + f.getValue());
            e.addProperty("observation", "Authorization: Bearer " + f.getValue());
            JsonObject out = new JsonObject();
            out.addProperty("stdout", f.getValue());
            e.add("tool_output", out);
            logs.add(e);
        }
        JsonObject fin = new JsonObject();
        fin.addProperty("message_type", "FINAL_ANSWER");
        fin.addProperty("observation", "the token is " + TOKEN);
        logs.add(fin);
        JsonObject run = new JsonObject();
        run.addProperty("id", RUN);
        run.addProperty("organization_id", ORG);
        run.addProperty("status", "COMPLETE");
        run.addProperty("web_url", "https://app.codegen.com/agent/trace/4242?token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8));
        run.addProperty("result", "result " + TOKEN);
        run.add("logs", logs);
        JsonObject root = new JsonObject();
        JsonArray tokens = new JsonArray();
        tokens.add(TOKEN);
        root.add("tokens", tokens);
        JsonArray runs = new JsonArray();
        runs.add(run);
        root.add("runs", runs);
        // The server speaks JSON with every non-ASCII-safe character escaped, token included:
        // the \\u escapes are how a JSON-escaped token arrives.
        return root.toString();
    }

    @Test
    public void theTokenIsInNoOutputOfAFullRun() throws Exception {
        Path work = tmp.newFolder("work").toPath();
        Path reports = work.resolve("report");
        List<String> leaks = new ArrayList<>();
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson(scenario()))) {
            Map<String, String> env = Map.of("CODEGEN_API_TOKEN", TOKEN);
            for (String[] args : List.of(
                    new String[] {"gate", "--run", "" + RUN, "--org", "" + ORG, "--base-url", sim.baseUrl(), "--report-dir", reports.toString()},
                    new String[] {"gate", "--json", "--run", "" + RUN, "--org", "" + ORG, "--base-url", sim.baseUrl(), "--report-dir", reports + "-json"},
                    new String[] {"logs", "--run", "" + RUN, "--org", "" + ORG, "--base-url", sim.baseUrl()},
                    new String[] {"gate", "--run", "999", "--org", "" + ORG, "--base-url", sim.baseUrl(), "--report-dir", reports + "-404"})) {
                CliRunner.Result r = CliRunner.run(work, env, args);
                search("stdout of " + String.join(" ", args[0], args[1]), r.out(), leaks);
                search("stderr of " + String.join(" ", args[0], args[1]), r.err(), leaks);
            }
            assertTrue("the simulator saw the requests", !sim.requests().logsCalls().isEmpty());
        }
        int files = 0;
        try (Stream<Path> all = Files.walk(work)) {
            for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                files++;
                search(work.relativize(f).toString(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8), leaks);
            }
        }
        assertTrue("the runs wrote their reports: " + files, files >= 10);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            search("thread name", t.getName(), leaks);
        }
        if (!leaks.isEmpty()) {
            fail("the token leaked:\n  " + String.join("\n  ", leaks));
        }
    }

    private static void search(String where, String text, List<String> leaks) {
        for (Map.Entry<String, String> f : forms(TOKEN).entrySet()) {
            int i = text.indexOf(f.getValue());
            if (i >= 0) {
                leaks.add(where + " holds the token (" + f.getKey() + "): ..."
                        + text.substring(Math.max(0, i - 60), Math.min(text.length(), i + f.getValue().length() + 20)).replace("\n", "\\n") + "...");
            }
        }
    }
}
