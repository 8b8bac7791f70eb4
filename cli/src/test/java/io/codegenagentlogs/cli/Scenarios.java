package io.codegenagentlogs.cli;

import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Small scenarios for the CLI tests, each with a token of its own: the rate limiter is shared per
 * token in the JVM, so tests that share one would slow each other down.
 */
final class Scenarios {
    static final long ORG = 67890;
    /** COMPLETE, an ACTION and a FINAL_ANSWER: a default gate passes it. */
    static final long PASSING = 1001;
    /** COMPLETE, with one ERROR and one PR_CREATION_FAILED entry: a default gate fails it. */
    static final long FAILING_ENTRIES = 12345;
    /** Ended FAILED, with no failing entry: only the run status fails it. */
    static final long FAILED_STATUS = 2002;
    /** RUNNING for ever. */
    static final long STUCK = 777;
    /** Starts RUNNING with one of its three entries visible; tests move it on. */
    static final long LIVE = 4004;

    /** The raw entries of {@link #FAILING_ENTRIES}, exactly as served (odd spacing, escapes, unknown fields). */
    static final List<String> FAILING_RAW = List.of(
            "{\"agent_run_id\": 12345, \"created_at\": \"2024-01-15T10:30:00Z\", \"message_type\": \"ACTION\", "
                    + "\"tool_name\": \"run_tests\", \"thought\": \"Running the suite \\u00e9\\n\\\"quoted\\\"\", "
                    + "\"observation\": {\"status\": \"ok\"}, \"extra_field\": [1, 2.50e1, null]}",
            "{\"agent_run_id\":12345,\"created_at\":\"2025-06-21 11:20:04.338398\",\"message_type\":\"ERROR\","
                    + "\"observation\":\"Build failed: 3 tests\",\"tool_name\":null}",
            "{\"agent_run_id\":12345,\"message_type\":\"PR_CREATION_FAILED\",\"thought\":\"Could not push the branch\"}",
            "{\"agent_run_id\":12345,\"message_type\":\"FINAL_ANSWER\",\"observation\":\"caf\u00e9 \u2713 done\"}");

    private Scenarios() {
    }

    static String newToken() {
        return "tok" + UUID.randomUUID().toString().replace("-", "");
    }

    static CodegenSimulator start(String token) throws IOException {
        return CodegenSimulator.start(Scenario.fromJson(json(token)));
    }

    static String json(String token) {
        return "{\"description\": \"cli tests\", \"tokens\": [\"" + token + "\"], \"runs\": ["
                + run(PASSING, "COMPLETE",
                        "{\"message_type\": \"ACTION\", \"tool_name\": \"read_file\", \"thought\": \"Reading the code\"}",
                        "{\"message_type\": \"FINAL_ANSWER\", \"observation\": \"All done\"}")
                + "," + run(FAILING_ENTRIES, "COMPLETE", FAILING_RAW.toArray(String[]::new))
                + "," + run(FAILED_STATUS, "FAILED", "{\"message_type\": \"ACTION\", \"thought\": \"Trying\"}")
                + "," + run(STUCK, "RUNNING", "{\"message_type\": \"ACTION\", \"thought\": \"Thinking for ever\"}")
                + ", {\"id\": " + LIVE + ", \"organization_id\": " + ORG + ", \"status\": \"RUNNING\", "
                + "\"logs\": [{\"message_type\": \"ACTION\", \"thought\": \"first\"}, "
                + "{\"message_type\": \"ACTION\", \"thought\": \"second\"}, "
                + "{\"message_type\": \"FINAL_ANSWER\", \"observation\": \"third\"}], "
                + "\"stages\": [{\"after_requests\": 0, \"visible_logs\": 1}]}"
                + "]}";
    }

    private static String run(long id, String status, String... logs) {
        return "{\"id\": " + id + ", \"organization_id\": " + ORG + ", \"status\": \"" + status + "\", \"logs\": ["
                + String.join(", ", logs) + "]}";
    }
}
