package io.codegenagentlogs.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.codegenagentlogs.core.hostile.HostileCorpus;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The whole hostile corpus as agent text (every payload as a thought, an observation and a tool
 * name of an ERROR entry): in a GitHub Actions log nothing of it acts as a workflow command, and on a
 * colour terminal no escape sequence reaches the screen but ours.
 */
public class HostileAgentTextTest extends SimulatorCliTest {
    private static final long RUN = 7770;
    /** Every escape sequence the CLI writes itself: SGR colours and reset, and erase-line. */
    private static final Pattern OURS = Pattern.compile("\u001b\\[(?:0|1|2|31|32|33|36)m|\u001b\\[2K");

    private CodegenSimulator hostile;
    private int payloads;

    @Before
    public void startHostile() throws Exception {
        JsonArray logs = new JsonArray();
        for (HostileCorpus.Payload p : HostileCorpus.small(HostileCorpus.NO_BEACON)) {
            JsonObject e = new JsonObject();
            e.addProperty("message_type", "ERROR");
            e.addProperty("created_at", p.text().length() > 200 ? p.text().substring(0, 200) : p.text());
            e.addProperty("tool_name", p.text().length() > 200 ? p.text().substring(0, 200) : p.text());
            e.addProperty("thought", p.text());
            e.addProperty("observation", p.text());
            logs.add(e);
            payloads++;
        }
        JsonObject run = new JsonObject();
        run.addProperty("id", RUN);
        run.addProperty("organization_id", Scenarios.ORG);
        run.addProperty("status", "FAILED");
        run.add("logs", logs);
        JsonObject scenario = new JsonObject();
        JsonArray tokens = new JsonArray();
        tokens.add(token);
        scenario.add("tokens", tokens);
        JsonArray runs = new JsonArray();
        runs.add(run);
        scenario.add("runs", runs);
        hostile = CodegenSimulator.start(Scenario.fromJson(scenario.toString()));
    }

    @After
    public void stopHostile() {
        hostile.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("CODEGEN_API_TOKEN", token);
        env.put("CODEGEN_API_BASE_URL", hostile.baseUrl());
        env.put("CODEGEN_ORG_ID", Long.toString(Scenarios.ORG));
        return env;
    }

    @Test
    public void inAGithubLogNothingActsButOurCommands() throws Exception {
        Map<String, String> env = env();
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", tmp.newFile().toString());
        env.put("GITHUB_STEP_SUMMARY", tmp.newFile().toString());
        CliRunner.Result r = CliRunner.run(workDir, env, "gate", "--run", Long.toString(RUN), "--poll-interval", "100ms");
        assertEquals(r.err(), ExitCodes.GATE_FAILED, r.exitCode());
        List<String> names = new ArrayList<>();
        List<RunnerModel.Command> commands = RunnerModel.commands(r.out());
        commands.forEach(c -> names.add(c.name()));
        List<String> expected = new ArrayList<>(List.of("add-mask", "group", "stop-commands", "resume", "endgroup",
                "stop-commands", "resume"));
        for (int i = 0; i < GithubMode.MAX_ERROR_ANNOTATIONS; i++) {
            expected.add("error");
        }
        expected.add("notice");
        assertEquals(expected, names);
        for (RunnerModel.Command c : commands.subList(7, 17)) {
            assertEquals(List.of("title"), new ArrayList<>(c.properties().keySet()));
            assertTrue(c.data(), !c.data().contains("\n") && !c.data().contains("\r"));
        }
        assertTrue(commands.get(17).properties().get("title").contains((payloads - 10) + " more failing entries"));
        assertEquals(List.of(), names(RunnerModel.commands(r.err())));
    }

    @Test
    public void onAColourTerminalOnlyOurEscapeSequencesReachTheScreen() {
        CliRunner.Result r = new CliRunner(workDir, env(), new Terminal(true, true))
                .run("gate", "--run", Long.toString(RUN), "--poll-interval", "100ms");
        assertEquals(ExitCodes.GATE_FAILED, r.exitCode());
        String rest = OURS.matcher(r.all()).replaceAll("");
        Matcher esc = Pattern.compile("[\u001b\u009b\u009d\u0007\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]").matcher(rest);
        assertTrue(esc.find() ? "control character at " + esc.start() + ": "
                + rest.substring(Math.max(0, esc.start() - 40), Math.min(rest.length(), esc.start() + 40)) : "", !esc.find(0));
    }

    private static List<String> names(List<RunnerModel.Command> commands) {
        List<String> names = new ArrayList<>();
        commands.forEach(c -> names.add(c.name()));
        return names;
    }
}
