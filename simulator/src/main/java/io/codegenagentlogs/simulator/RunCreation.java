package io.codegenagentlogs.simulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/organizations/{org_id}/agent/run}: creates a run, as Codegen documents it, with its
 * own limit of 10 creations per minute per token (on top of the limit every request shares). A
 * created run is short and complete: the prompt as a USER_MESSAGE, one ACTION, a FINAL_ANSWER; tests
 * and users then gate it like any other run.
 */
final class RunCreation {
    /** Codegen's documented limit for creating runs. */
    static final RateLimit LIMIT = new RateLimit(10, 60, RateLimit.RetryAfter.SECONDS);

    private final Map<Long, SimulatedRun> runs;
    private final RateLimiter limiter;
    private final List<CreatedRun> created = Collections.synchronizedList(new ArrayList<>());
    private volatile int refuseWith;
    private long nextId;

    RunCreation(Map<Long, SimulatedRun> runs, Clock clock) {
        this.runs = runs;
        this.limiter = new RateLimiter(LIMIT, clock);
        this.nextId = runs.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
    }

    /** From now on every creation is refused with this status (402: no credits left, say); 0 accepts again. */
    void refuseWith(int status) {
        this.refuseWith = status;
    }

    List<CreatedRun> created() {
        synchronized (created) {
            return List.copyOf(created);
        }
    }

    /** The milliseconds until this token may create again, 0 when it may now (and takes the slot). */
    long acquire(String token) {
        return limiter.acquire(token);
    }

    /** The answer to a creation in an organization the token may use; the body as sent. */
    Reply create(long orgId, String body) {
        if (refuseWith != 0) {
            return Reply.json(refuseWith, ErrorBodies.forStatus(refuseWith));
        }
        JsonObject request;
        try {
            JsonElement parsed = JsonParser.parseString(body == null ? "" : body);
            request = parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
        } catch (RuntimeException e) {
            request = null;
        }
        if (request == null) {
            return Reply.json(422, ErrorBodies.validation(List.of(new ErrorBodies.Problem("json_invalid", "body", "body",
                    "JSON decode error", body == null ? "" : body, null))));
        }
        List<ErrorBodies.Problem> problems = new ArrayList<>();
        JsonElement prompt = request.get("prompt");
        if (prompt == null || prompt.isJsonNull()) {
            problems.add(new ErrorBodies.Problem("missing", "body", "prompt", "Field required", null, null));
        } else if (!isString(prompt)) {
            problems.add(new ErrorBodies.Problem("string_type", "body", "prompt", "Input should be a valid string", prompt.toString(), null));
        }
        JsonElement repo = request.get("repo_id");
        Long repoId = null;
        if (repo != null && !repo.isJsonNull()) {
            if (repo.isJsonPrimitive() && repo.getAsJsonPrimitive().isNumber() && repo.getAsString().matches("\\d+")) {
                repoId = repo.getAsLong();
            } else {
                problems.add(new ErrorBodies.Problem("int_parsing", "body", "repo_id",
                        "Input should be a valid integer", repo.toString(), null));
            }
        }
        if (!problems.isEmpty()) {
            return Reply.json(422, ErrorBodies.validation(problems));
        }
        SimulatedRun run;
        synchronized (runs) {
            long id = nextId++;
            run = new SimulatedRun(spec(id, orgId, prompt.getAsString()));
            runs.put(id, run);
        }
        created.add(new CreatedRun(orgId, prompt.getAsString(), repoId, run.id()));
        return Reply.json(200, RunBodies.run(run, run.observe(0)));
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && ((JsonPrimitive) e).isString();
    }

    private static RunSpec spec(long id, long orgId, String prompt) {
        List<String> logs = List.of(
                entry(id, "USER_MESSAGE", null, null, prompt),
                entry(id, "ACTION", "read_file", "Reading the repository", null),
                entry(id, "FINAL_ANSWER", null, null, "Done"));
        return new RunSpec(id, orgId, "COMPLETE", null, "https://app.codegen.com/agent/trace/" + id, null, "null", logs, null,
                List.of());
    }

    private static String entry(long runId, String type, String tool, String thought, String observation) {
        JsonObject o = new JsonObject();
        o.addProperty("agent_run_id", runId);
        o.addProperty("message_type", type);
        o.addProperty("tool_name", tool);
        o.addProperty("thought", thought);
        o.addProperty("observation", observation);
        return o.toString();
    }
}
