package io.codegenagentlogs.simulator;

/** Small scenarios the tests share, written in the scenario file format itself. */
final class TestScenarios {
    static final long ORG = 10;
    static final long RUN = 7;
    /** Entry 0 as the scenario holds it: odd spacing, key order and escapes that must survive verbatim. */
    static final String FIRST_ENTRY =
            "{ \"message_type\" :\"ACTION\",  \"agent_run_id\": 7, \"thought\":\"caf\\u00e9 <b>&</b>\" ,\n"
            + "      \"tool_name\": \"ripgrep_search\", \"tool_input\": {\"query\" : \"x\"}, \"tool_output\": {}, \"observation\": null }";
    /** Entry 1 leaves out agent_run_id: the simulator must add it. */
    static final String SECOND_ENTRY = "{\"message_type\": \"PLAN_EVALUATION\", \"thought\": \"next\"}";

    private TestScenarios() {
    }

    /** Run 7 in org 10: three hand-written entries then 247 generated ones, 250 in all, COMPLETE. */
    static Scenario basic() {
        return Scenario.fromJson(basicJson(""));
    }

    /** {@link #basic()} plus extra top-level fields, e.g. {@code "paths": "alpha",}. */
    static Scenario basicWith(String extraTopLevelFields) {
        return Scenario.fromJson(basicJson(extraTopLevelFields));
    }

    private static String basicJson(String extra) {
        return """
                {
                  %s
                  "runs": [
                    {
                      "id": 7, "organization_id": 10, "status": "COMPLETE",
                      "created_at": "2024-01-15T10:30:00Z", "result": "done",
                      "logs": [
                        %s,
                        %s,
                        {"agent_run_id": 7, "message_type": "FINAL_ANSWER", "observation": "ok"}
                      ],
                      "generate": {"count": 247, "seed": 1}
                    },
                    {"id": 8, "organization_id": 11, "status": "RUNNING", "logs": []}
                  ]
                }
                """.formatted(extra, FIRST_ENTRY, SECOND_ENTRY);
    }
}
